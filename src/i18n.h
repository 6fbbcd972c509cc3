/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is stored, translated where it is shown. */
#define N_(s) (s)
