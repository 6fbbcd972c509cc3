/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/history.h"
#include "model/snapshot.h"
#include "ui/columns.h"

/*
 * What one pane shows, with no terminal: the rows in display order, the visible columns
 * and their widths, the cursor and scroll offset, the sort, the filter, the tree, and the
 * items that appeared since the last refresh. Drawing reads it; key handlers change it;
 * unit tests check it. Columns are the shared column model's (ui/columns.h): the view
 * only chooses which ones a pane shows and renders cells with lkm_cell().
 *
 * Items are identified by a key that survives refreshes and re-sorts: the module name,
 * "c:MAJOR:NAME"/"b:MAJOR:NAME" for a device, the irq label, the interface name. The
 * cursor follows its key.
 */

#define LKM_VIEW_MAX_COLS 24
#define LKM_VIEW_SEPARATOR                                                               \
	((size_t)-1) /* a row that is not an item (irq group divider) */
#define LKM_VIEW_MAX_DEPTH 32

struct lkm_view_row {
	size_t item;	/* index into the pane's snapshot array, or LKM_VIEW_SEPARATOR */
	unsigned depth; /* tree depth, 0 at the roots */
	unsigned
		more; /* tree: bit d set when an ancestor at depth d has later siblings */
	bool last;    /* tree: the last child of its parent */
	bool is_new;  /* appeared since the previous refresh */
};

struct lkm_view {
	enum lkm_pane pane;
	const struct lkm_snapshot *snap;
	const struct lkm_rates *rates;
	const struct lkm_history *hist; /* interrupts, network: the last minute per row */

	int cols[LKM_VIEW_MAX_COLS]; /* visible columns, in order (ids of ui/columns.h) */
	size_t ncols;
	size_t width[LKM_VIEW_MAX_COLS]; /* natural width: header or widest cell */

	int sort_col; /* a column id, or -1: the kernel's order */
	bool sort_desc;
	char filter[128]; /* case-insensitive substring of any text column; "" = all */
	bool tree;	  /* modules only: users under what they use */

	struct lkm_view_row *rows;
	size_t nrows, rows_cap;
	size_t nitems; /* rows that are items (no separators) */
	size_t nshown; /* distinct items shown (the tree may show one under two users) */

	size_t cursor;	      /* row index; meaningless when nrows == 0 */
	size_t top;	      /* first row on screen */
	size_t height;	      /* rows the screen shows, set by the drawing */
	bool keep_offset;     /* the next rebuild keeps the cursor's row on the screen */
	char cursor_key[256]; /* the item the cursor is on; "" before any */

	/* Keys of the previous refresh (sorted), to mark what is new and name what went.
	 */
	char *prev_keys; /* NUL-separated */
	size_t prev_len;
	const char **prev_index;
	size_t prev_n;
	bool have_prev;
	bool *is_new; /* [items] */
	size_t is_new_cap;
	char gone[256]; /* keys that vanished at the last refresh, ", "-joined ("" none)
			 */
	size_t ngone;

	/* Scratch: this refresh's keys, sort keys and name index, reused across rebuilds.
	 */
	char *scratch;
	size_t scratch_cap;
	struct lkm_view_sortkey *keys;
	size_t keys_cap;
	size_t *index;
	size_t index_cap;
	size_t cpu_width; /* interrupts: widest per-CPU count */
	size_t n_cpus;
	bool cpu_numbers; /* interrupts: the counts that do not fit scroll as numbers ([
			     ]) */
	size_t cpu_first; /* the first CPU they show */
};

#define LKM_VIEW_GUTTER 2 /* '>' for the cursor, '+' for a new item */

/* Where each column goes in a pane COLS cells wide from column X0. */
struct lkm_view_layout {
	int x[LKM_VIEW_MAX_COLS];
	int w[LKM_VIEW_MAX_COLS];
	size_t ncols;	  /* columns that fit, from the left */
	bool spark;	  /* interrupts: per-CPU counts condensed to one character each */
	int tree_w;	  /* cells of tree branches before the name */
	size_t cpu_first; /* interrupts, not condensed: the CPUs shown as numbers */
	size_t cpu_shown;
};

/*
 * Column widths for COLS cells: natural widths (header + sort mark, or the widest cell);
 * too wide, the flexible columns (lists, descriptions) shrink, per-CPU counts condense
 * (or, scrolled, show as many CPUs as fit from cpu_first), then columns drop from the
 * right; the last flexible column takes what is left.
 */
void lkm_view_layout(const struct lkm_view *v, int cols, int x0,
		     struct lkm_view_layout *l);

/* A delta of this many CPUs means a screenful. */
#define LKM_VIEW_CPU_PAGE 100000L

/*
 * Interrupts in a pane COLS cells wide: scrolls the per-CPU counts DELTA CPUs (right when
 * positive). Right of the condensed form come the numbers from CPU 0; left of CPU 0 the
 * condensed form again. False (nothing changed) when every count fits, or on other panes.
 */
bool lkm_view_cpu_scroll(struct lkm_view *v, long delta, int cols);

/* The column model's entry for column COL of V's pane, or NULL when there is none. */
const struct lkm_colinfo *lkm_view_colinfo(const struct lkm_view *v, int col);

/* Whether COL is V's HISTORY column (the sparkline of the last minute). */
bool lkm_view_is_history(const struct lkm_view *v, int col);

/* Sets up V for PANE with the pane's default columns and sort. Never fails. */
void lkm_view_init(struct lkm_view *v, enum lkm_pane pane);
void lkm_view_release(struct lkm_view *v);

/*
 * A new snapshot: marks the items whose keys were not in the previous refresh, records
 * the ones that went, and rebuilds. SNAP and RATES must stay valid until the next call
 * (the app keeps two snapshots and swaps them). Returns 0 or -ENOMEM.
 */
int lkm_view_refresh(struct lkm_view *v, const struct lkm_snapshot *snap,
		     const struct lkm_rates *rates);

/* Rebuilds rows after a sort, filter or tree change; the cursor stays on its item when it
 * is still shown. Returns 0 or -ENOMEM (then the view shows no rows). */
int lkm_view_rebuild(struct lkm_view *v);

/* Writes the key of item ITEM into BUF. */
void lkm_view_item_key(const struct lkm_view *v, size_t item, char *buf, size_t size);

/* The item under the cursor, or LKM_VIEW_SEPARATOR when there is none. */
size_t lkm_view_current(const struct lkm_view *v);

/* Cursor moves by DELTA rows (clamped, skipping separators); to a row; to the item KEY.
 */
void lkm_view_move(struct lkm_view *v, long delta);
void lkm_view_move_to(struct lkm_view *v, size_t row);
bool lkm_view_select_key(struct lkm_view *v, const char *key);

/* Sets the rows the screen shows and scrolls so the cursor is among them. */
void lkm_view_set_height(struct lkm_view *v, size_t height);

/* Sort by column COL (-1: the kernel's order); numbers and rates start descending. */
void lkm_view_sort_by(struct lkm_view *v, int col);
/* The next (STEP 1) or previous (-1) visible column as the sort column, wrapping through
 * "the kernel's order". */
void lkm_view_sort_step(struct lkm_view *v, int step);
void lkm_view_sort_invert(struct lkm_view *v);

/* Replaces the filter, appends a character, deletes the last one. */
void lkm_view_set_filter(struct lkm_view *v, const char *text);
void lkm_view_filter_add(struct lkm_view *v, char c);
void lkm_view_filter_backspace(struct lkm_view *v);

/* Modules only; returns false (and changes nothing) on other panes. */
bool lkm_view_set_tree(struct lkm_view *v, bool on);

/* The snapshot error of the view's pane (0, or -errno as in struct lkm_snapshot). */
int lkm_view_source_error(const struct lkm_view *v);
