/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/snapshot.h"
#include "model/sysroot.h"
#include "ui/tui/settings.h"
#include "ui/tui/keys.h"
#include "ui/tui/view.h"

/*
 * The TUI's whole state, with no terminal in it: two snapshots (the current one and the
 * one before, for rates) swapped at each refresh, one view per pane, the mode, the
 * interval. Handlers change it, the drawing reads it, the loop owns it.
 */

/* What has the keyboard. A form or prompt added later is one more mode. */
enum lkm_tui_mode {
	LKM_MODE_NORMAL,
	LKM_MODE_FILTER, /* typing the filter of the current pane */
	LKM_MODE_HELP,
};

/* Screen geometry the drawing and the mouse agree on. */
#define LKM_TUI_TABS_Y 0
#define LKM_TUI_HEADER_Y 1
#define LKM_TUI_LIST_Y 2 /* first table row; the last screen line is the status line */

struct lkm_tui_app {
	struct lkm_sysroot *root;
	struct lkm_snapshot snaps[2];
	int cur;              /* snaps[cur] is the newest */
	unsigned nsnaps;      /* snapshots taken so far */
	struct lkm_rates rates;

	struct lkm_view views[LKM_PANE_COUNT];
	enum lkm_pane pane;
	enum lkm_tui_mode mode;
	struct lkm_tui_keymap keymap;

	double interval;      /* seconds between refreshes */
	bool color;           /* decided at start: config, NO_COLOR, the terminal */
	bool utf8;
	size_t help_top;      /* first help line shown */
	char filter_saved[128]; /* the filter before '/', restored by Esc */
	char message[256];    /* one-shot status message, cleared by the next key */
	int lines, cols;      /* the screen size the last drawing had */
};

/* Sets up APP on ROOT (borrowed) with CFG; takes no snapshot yet. */
void lkm_tui_app_init(struct lkm_tui_app *app, struct lkm_sysroot *root,
		      const struct lkm_tui_config *cfg);
void lkm_tui_app_release(struct lkm_tui_app *app);

/* Takes a snapshot, computes rates against the previous one, refreshes every view.
 * Returns 0 or -ENOMEM. */
int lkm_tui_app_refresh(struct lkm_tui_app *app);

/* The screen is LINES x COLS: every view gets the rows between the header and the status
 * line, and keeps its cursor on screen. */
void lkm_tui_app_resize(struct lkm_tui_app *app, int lines, int cols);

static inline struct lkm_view *lkm_tui_view(struct lkm_tui_app *app)
{
	return &app->views[app->pane];
}

/* The tab a click at column X of the tab bar lands on, or -1. Labels via lkm_tui_tab_label. */
int lkm_tui_tab_at(int x);
/* " 1 Modules " etc., translated; the tab bar is these side by side from column 0. */
const char *lkm_tui_tab_label(enum lkm_pane pane, char *buf, size_t size);

/* The interval one step longer (DIR 1) or shorter (-1) than CUR. */
double lkm_tui_interval_step(double cur, int dir);
