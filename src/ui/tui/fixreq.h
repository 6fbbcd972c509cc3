/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include "core/explain.h"
#include "ui/tui/app.h"

/*
 * A diagnosis' fix as the TUI's request: what `f` runs. The fix says what it does as data
 * (core/explain.h); nothing here reads its sentence.
 */

/* Fills REQ with FIX's operation, target and arguments; false when FIX is no action the
 * TUI can run (LKM_FIX_NONE) or does not fit REQ. */
bool lkm_tui_fix_req(const struct lkm_fix *fix, struct lkm_tui_req *req);
