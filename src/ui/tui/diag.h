/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include "core/explain.h"
#include "ui/tui/req.h"

/*
 * The diagnosis screen's own data (a step of an action): why the action failed, as the
 * explainer said it, and the fix f runs (any of its fixes, picked) when it is an
 * lkmtui action. Opened with a
 * struct lkm_tui_diag_arg (screen.h).
 */
struct lkm_tui_diag {
	struct lkm_diagnosis diag;
	struct lkm_tui_req req; /* the action that failed */
	bool offer_fix;		/* its fixes may be run from here */
	size_t pick;	   /* the fix picked (1-9 pick another; the first at first) */
	size_t n_runnable; /* how many of its fixes are lkmtui actions */
	struct lkm_tui_req fix; /* the picked fix, when it is an lkmtui action */
	bool fix_ok;
	char steps[512]; /* what was done before the failure ("loaded fat") */
};
