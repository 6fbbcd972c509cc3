/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "core/explain.h"

#define LKM_DIAG_MAX_FIX 3

/* One row of the explainer's table; strings are N_()-marked, translated when used. */
struct lkm_diag_text {
	const char *id;
	const char *title;                   /* template */
	const char *teach;
	const char *fix[LKM_DIAG_MAX_FIX];   /* templates; NULL ends */
};

/* The row of KIND, or NULL for LKM_DIAG_NONE. */
const struct lkm_diag_text *lkm_diag_text(enum lkm_diag_kind kind);
