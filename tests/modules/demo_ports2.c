// SPDX-License-Identifier: GPL-2.0
/* demo_ports2: demo_ports under another name, to ask for ports demo_ports holds. */
#include "demo_ports.c"
