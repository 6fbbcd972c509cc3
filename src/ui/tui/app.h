/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/doctor/doctor.h"
#include "core/kmsg.h"
#include "core/session.h"
#include "model/history.h"
#include "model/snapshot.h"
#include "model/sysroot.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"
#include "ui/tui/settings.h"
#include "ui/tui/view.h"

/*
 * What every screen shares, with no terminal in it: the snapshots, one view per pane,
 * the session, the key map, the screen stack (each screen's own state is its frame's,
 * screen.h), the kernel log strip, the status line's message. Handlers change it, the
 * drawing reads it, the loop owns it.
 */

/*
 * What the actions act through: the core session both front ends open (the root's
 * resolver, the real kernel boundary, the engine, the explainer's context, and whether it
 * may act: an offline --root or a process without CAP_SYS_MODULE shows l, u and p as
 * unavailable, with core.why_not, and never asks the engine to act), and the module
 * names read for completion.
 */
struct lkm_tui_session {
	struct lkm_session core;
	char **names; /* module names for completion, read on first use */
	bool names_read;
};

/* Two snapshots (the current one and the one before, for rates) swapped at each
 * refresh, and the last minute of each line's and interface's rate. */
struct lkm_tui_snaps {
	struct lkm_snapshot v[2];
	int cur;    /* v[cur] is the newest */
	unsigned n; /* snapshots taken so far */
	struct lkm_rates rates;
	struct lkm_history irq_hist;	/* the last minute of each line's rate */
	struct lkm_history net_hist;	/* and of each interface's bytes/s, in and out */
	struct lkm_history net_rx_hist; /* each interface's bytes/s received, */
	struct lkm_history net_tx_hist; /* and sent: the interface's detail graphs */
};

/* The kernel log strip above the status line: the last operation's lines, or (L) the
 * live log of one module. */
struct lkm_tui_strip {
	char **klog; /* the kernel's lines of the last operation */
	size_t n_klog;
	char klog_title[256]; /* "load msdos: the kernel said" ("" before any) */
	bool live_on;	      /* the strip follows the kernel log (L) */
	struct lkm_kmsg live; /* its lines from LIVE_MODULE, the last few */
	char live_module[256];
};

/* The terminal: its size at the last drawing, and what it can show. */
struct lkm_tui_terminal {
	int lines, cols;
	bool color; /* decided at start: config, NO_COLOR, the terminal */
	bool utf8;
};

/* Screen geometry the drawing and the mouse agree on. */
#define LKM_TUI_TABS_Y	 0
#define LKM_TUI_HEADER_Y 1
#define LKM_TUI_LIST_Y	 2 /* first table row; the last screen line is the status line */

/* The split layout (all four panes in a 2x2 grid) needs at least this screen. */
#define LKM_TUI_SPLIT_MIN_COLS	160
#define LKM_TUI_SPLIT_MIN_LINES 48

/*
 * Where a pane is drawn: its column header at row Y (after a title row when TITLED, in
 * the split layout), its list below, H rows in all, W cells from column X.
 */
struct lkm_tui_rect {
	int y, x, h, w;
	bool titled;
};

struct lkm_tui_app {
	struct lkm_sysroot *root;
	struct lkm_tui_snaps snaps;
	struct lkm_view views[LKM_PANE_COUNT];
	enum lkm_pane
		pane; /* the pane shown, or in the split layout the one with the keys */
	bool split;   /* the split layout is asked for (v, or layout = split) */
	struct lkm_tui_stack stack; /* what is shown and has the keys (screen.h) */
	struct lkm_tui_keymap keymap;
	struct lkm_tui_session session;
	struct lkm_tui_strip strip;
	double interval; /* seconds between refreshes */
	struct lkm_tui_terminal term;
	char message[256]; /* one-shot status message, cleared by the next key */
	/* What the doctor found at its last run (lkm_tui_doctor_run): the panes' status
	 * line counts the errors. */
	size_t doctor_count[LKM_SEVERITY_COUNT];
};

/* ---- the screen stack (screen.h) ---- */

/* The screen on top (LKM_SCREEN_PANES on the panes alone), and its frame (NULL then). */
enum lkm_tui_screen_id lkm_tui_top(const struct lkm_tui_app *app);
struct lkm_tui_frame *lkm_tui_top_frame(struct lkm_tui_app *app);
/* The topmost frame of screen ID, or NULL when it is not on the stack. */
const struct lkm_tui_frame *lkm_tui_frame_of(const struct lkm_tui_app *app,
					     enum lkm_tui_screen_id id);
bool lkm_tui_on_stack(const struct lkm_tui_app *app, enum lkm_tui_screen_id id);
/* Whether the panes are in sight: nothing on the stack but overlays (a teach box, the
 * filter prompt). */
bool lkm_tui_panes_shown(const struct lkm_tui_app *app);

/*
 * Pushes screen ID, opened with ARG (screen.h says what each takes; a STEP replaces
 * the steps on top: an action shows one step at a time, so ARG must not point into
 * them); the frame remembers the pane shown. A full stack drops its oldest screen.
 * Returns the new frame, or NULL when the screen would not open (nothing pushed).
 */
struct lkm_tui_frame *lkm_tui_push(struct lkm_tui_app *app, enum lkm_tui_screen_id id,
				   const void *arg);
/* Pops the top screen (never the panes): it releases what it holds, and the pane it came
 * from is shown again. */
void lkm_tui_pop(struct lkm_tui_app *app);
/* Pops the steps of an action, back to the screen it started from. */
void lkm_tui_pop_steps(struct lkm_tui_app *app);
/* Pops every screen (the app's end). */
void lkm_tui_stack_release(struct lkm_tui_app *app);

/* Whether a module's detail is on the stack (shown, or under a teach box, a form, a
 * preview). */
bool lkm_tui_in_detail(const struct lkm_tui_app *app);

/* The screen table: ID's operations (the panes' for LKM_SCREEN_PANES). */
const struct lkm_tui_screen_ops *lkm_tui_screen(enum lkm_tui_screen_id id);

/* The frame under F on the stack, or NULL when the panes are under it. */
const struct lkm_tui_frame *lkm_tui_frame_below(const struct lkm_tui_app *app,
						const struct lkm_tui_frame *f);

/* The newest snapshot, or NULL before the first refresh. */
const struct lkm_snapshot *lkm_tui_snap(const struct lkm_tui_app *app);
/* The module the topmost screen that is about one shows (a module's detail), else
 * the one under the cursor of the Modules pane, or NULL. */
const char *lkm_tui_current_module(struct lkm_tui_app *app);
/* The status line's one-shot message (cleared by the next key). */
void lkm_tui_message(struct lkm_tui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Drops the kernel's lines of the last operation (the strip shows none). */
void lkm_tui_klog_release(struct lkm_tui_app *app);

/* Sets up APP on ROOT (borrowed) with CFG; takes no snapshot yet. */
void lkm_tui_app_init(struct lkm_tui_app *app, struct lkm_sysroot *root,
		      const struct lkm_tui_config *cfg);
void lkm_tui_app_release(struct lkm_tui_app *app);

/*
 * Opens the session on APP's root with lkm_session_open, as the CLI does (an offline
 * root gets no ops, and lkm_tui_can_act and core.why_not say what that means).
 * PRIVILEGED is lkm_engine_privileged() in the program; tests pass what they check.
 */
void lkm_tui_session_open(struct lkm_tui_app *app, bool privileged);

/* Whether the session may act (core.refusal is LKM_REFUSE_NONE). */
static inline bool lkm_tui_can_act(const struct lkm_tui_app *app)
{
	return app->session.core.refusal == LKM_REFUSE_NONE;
}

/* Rows the kernel log strip takes above the status line (0 before any action). */
int lkm_tui_strip_rows(const struct lkm_tui_app *app);

/* S as the window of a screen's list of N rows: from LKM_TUI_LIST_Y down to the strip
 * (one row at least), clamped. */
void lkm_tui_list_window(const struct lkm_tui_app *app, struct lkm_tui_scroll *s,
			 size_t n);

/* A list screen F whose items take more than a row when open (Health, Hardware):
 * measures its rows, returns how many in all, and puts the cursor's item's rows
 * [*CUR, *END). */
typedef int (*lkm_tui_measure)(const struct lkm_tui_app *app,
			       const struct lkm_tui_frame *f, int *cur, int *end);

/* How such a list's window follows the cursor's item. */
enum lkm_tui_follow {
	LKM_TUI_FOLLOW_LINE, /* its line in sight (lkm_tui_scroll_follow) */
	LKM_TUI_FOLLOW_ITEM, /* its open lines too, when they fit */
	LKM_TUI_FOLLOW_KEEP, /* a refresh: the window stays (lkm_tui_scroll_keep) */
};

/* F's window, measured again, after the cursor came to an item or a refresh, as HOW. */
void lkm_tui_item_follow(const struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 lkm_tui_measure measure, enum lkm_tui_follow how);

/* Such a list's cursor keys: ACTION moves *CURSOR (one of N items) or scrolls F's
 * window through the cursor's open item (lkm_tui_item_action), then the window follows
 * it. Returns false for any other action. */
bool lkm_tui_item_keys(const struct lkm_tui_app *app, struct lkm_tui_frame *f,
		       size_t *cursor, size_t n, lkm_tui_measure measure,
		       enum lkm_tui_follow how, int action);

/* How often a log that cannot be polled (a regular file in a fixture root) is read. */
#define LKM_TUI_LIVE_POLL_MS 250
/* Lines of the live log kept. */
#define LKM_TUI_LIVE_KEEP 64

/* Starts following the kernel log for MODULE's lines (stopping what was followed before),
 * or stops (MODULE NULL). The strip's height changes: the views are resized. */
void lkm_tui_live_start(struct lkm_tui_app *app, const char *module);

/* Reads what the log has new; returns LKM_TUI_REDRAW when the strip changed. */
unsigned lkm_tui_live_read(struct lkm_tui_app *app);

/* The poll(2) timeout the loop needs for the live log: -1 (none, or its fd polls) or
 * LKM_TUI_LIVE_POLL_MS. */
int lkm_tui_live_timeout(const struct lkm_tui_app *app);

/*
 * Runs the doctor on APP's root into OUT (NULL: only counted), its running release into
 * RELEASE (may be NULL), and keeps its counts for the status line. The doctor reads every
 * set-up file (~30 ms on a real machine), so it runs at the first snapshot and when the
 * Health screen opens or is asked to, never at every refresh. Returns 0 or -ENOMEM.
 */
int lkm_tui_doctor_run(struct lkm_tui_app *app, struct lkm_doctor *out, char *release,
		       size_t size);

/* Takes a snapshot, computes rates against the previous one, refreshes every view.
 * Returns 0 or -ENOMEM. */
int lkm_tui_app_refresh(struct lkm_tui_app *app);

/* The screen is LINES x COLS: every view gets the rows between the header and the status
 * line, and keeps its cursor on screen. */
void lkm_tui_app_resize(struct lkm_tui_app *app, int lines, int cols);

/* Whether the four panes are shown at once: asked for, and the screen is large enough. */
bool lkm_tui_split_shown(const struct lkm_tui_app *app);

/* Where PANE is drawn on the screen the last resize gave (the list area in the single
 * layout; its quadrant, 1 2 over 3 4, in the split one). */
void lkm_tui_pane_rect(const struct lkm_tui_app *app, enum lkm_pane pane,
		       struct lkm_tui_rect *r);

/* The first list row of R. */
static inline int lkm_tui_rect_list_y(const struct lkm_tui_rect *r)
{
	return r->y + (r->titled ? 2 : 1);
}

/* The pane whose list area holds the cell Y, X in the split layout, or -1. */
int lkm_tui_pane_at(const struct lkm_tui_app *app, int y, int x);

static inline struct lkm_view *lkm_tui_view(struct lkm_tui_app *app)
{
	return &app->views[app->pane];
}

/* The tab a click at column X of a tab bar COLS wide lands on, or -1. */
int lkm_tui_tab_at(int x, int cols);
/* " 1 Modules " etc., translated: a pane's title. */
const char *lkm_tui_tab_label(enum lkm_pane pane, char *buf, size_t size);
/* Tab TAB (a pane, or LKM_PANE_COUNT: Hardware) of the tab bar COLS wide: its label
 * into BUF, as wide as fits ("1 Modules", "1 Mod" when narrow); *X its column, *W its
 * width. */
const char *lkm_tui_tab(int cols, int tab, char *buf, size_t size, int *x, int *w);

/* The interval one step longer (DIR 1) or shorter (-1) than CUR. */
double lkm_tui_interval_step(double cur, int dir);
