/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/*
 * The teach box's own data (e): what a row's terms mean (a module's state, counts,
 * flags and taint letters) or the line of a detail, in the explainer's sentences, over
 * what is under it; any key returns. Opened with a struct lkm_tui_teach_arg
 * (screen.h); a detail's line with no terms opens nothing and says so.
 */
struct lkm_tui_term {
	char label[64];
	const char *text;
};
#define LKM_TUI_MAX_TERMS 32

struct lkm_tui_teach {
	char title[256];
	char example[1024]; /* a device's: what this machine shows of the terms */
	struct lkm_tui_term terms[LKM_TUI_MAX_TERMS];
	size_t n_terms;
};
