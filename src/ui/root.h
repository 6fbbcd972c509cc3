/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "model/sysroot.h"

/*
 * Opens the root DIR (--root; NULL is /) into *OUT for a front end. On failure says so
 * on stderr ("cannot open root directory") and returns the negative errno.
 */
int lkm_ui_open_root(const char *dir, struct lkm_sysroot **out);
