/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* The string vector moved to src/shared/ (the model uses it too); this name stays for
 * the files that still include it. */
#include "shared/strv.h"
