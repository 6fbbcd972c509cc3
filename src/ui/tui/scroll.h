/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
 * The one scrolling window of the TUI: N rows, HEIGHT of them shown from TOP. Every list
 * and text screen (the panes, a module's detail, the help, a diagnosis) keeps its place
 * through these functions, so none can scroll past its end: TOP is at most N - HEIGHT,
 * and 0 when the rows fit.
 */
struct lkm_tui_scroll {
	size_t top;    /* first row shown */
	size_t n;      /* rows in all */
	size_t height; /* rows the screen shows (0 is taken as 1) */
};

/* TOP clamped to the rows: never past the last screenful. */
void lkm_tui_scroll_clamp(struct lkm_tui_scroll *s);

/* Scrolls as little as it takes to show row CURSOR, then clamps. */
void lkm_tui_scroll_show(struct lkm_tui_scroll *s, size_t cursor);

/* Scrolls DELTA rows (negative: up), clamped at both ends. */
void lkm_tui_scroll_by(struct lkm_tui_scroll *s, long delta);

/* One screenful, as PgUp/PgDn move a text (a list keeps one row of context). */
long lkm_tui_scroll_page(const struct lkm_tui_scroll *s);

/*
 * A text screen's keys: ACTION (an enum lkm_tui_action_id of the key table: up, down,
 * page up, page down, home, end) scrolls S. Returns false for any other action.
 */
bool lkm_tui_scroll_action(struct lkm_tui_scroll *s, int action);

/*
 * A list's keys: ACTION (up, down, page up, page down, home, end) as the items a
 * cursor moves by, into *DELTA: a page is a screenful of HEIGHT rows less one, kept
 * for context (as htop's lists); home and end are past all N. Returns false for any
 * other action.
 */
bool lkm_tui_list_step(int action, size_t height, size_t n, long *delta);

/*
 * The keys of a list whose items take more than a row when open (a Health finding, a
 * Hardware device): S its window (N and HEIGHT in rows), *CURSOR one of N items, its
 * rows [CUR, END). Down scrolls a row while the cursor's item goes on below the
 * window, Up while its first row is above it, so no line of an item longer than the
 * window is passed over; otherwise ACTION moves *CURSOR as lkm_tui_list_step says and
 * sets *MOVED: the caller measures again and calls lkm_tui_scroll_follow. Returns
 * false for any other action.
 */
bool lkm_tui_item_action(struct lkm_tui_scroll *s, size_t *cursor, size_t n, size_t cur,
			 size_t end, int action, bool *moved);

/* The window after the cursor came to the item over rows [CUR, END): all of it in
 * sight when it fits, else from its first row; row CUR always. */
void lkm_tui_scroll_follow(struct lkm_tui_scroll *s, size_t cur, size_t end);

/* The window after a refresh, clamped: where it is while a row of the cursor's item
 * [CUR, END) is in sight (a long one scrolled through stays so), else at row CUR. */
void lkm_tui_scroll_keep(struct lkm_tui_scroll *s, size_t cur, size_t end);
