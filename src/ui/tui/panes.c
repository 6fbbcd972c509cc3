// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "model/irqaffinity.h"
#include "shared/strbuf.h"
#include "ui/sparkline.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/tui/panes.h"

/*
 * The panes, the floor of the screen stack: the one shown, or all four in the split
 * layout, each its column header and rows (from its view, view.h), and their status
 * line. They have no data of their own (the views are the app's) and no keys: the key
 * table's actions are theirs (handlers.c).
 */

#define CELL_MAX 4096

static bool is_counts(const struct lkm_view *v, int col)
{
	return v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_COUNTS;
}

static void draw_header(const struct lkm_tui_app *app, const struct lkm_view *v,
			const struct lkm_view_layout *l, int hy, int x0, int cols)
{
	lkm_tui_fill_span(hy, x0, cols, lkm_tui_attr(LKM_ROLE_HEADER));
	for (size_t c = 0; c < l->ncols; c++) {
		const struct lkm_colinfo *ci = lkm_view_colinfo(v, v->cols[c]);
		bool sorted = v->cols[c] == v->sort_col;

		if (l->w[c] <= 0)
			continue; /* dropped for a name column (viewlayout.c) */
		bool right = (ci->flags & LKM_COL_RIGHT) && !(is_counts(v, v->cols[c]));
		char text[64];
		const char *mark = "";

		if (sorted)
			mark = app->term.utf8 ? (v->sort_desc ? "\u25bc" : "\u25b2")
					      : (v->sort_desc ? "v" : "^");
		if (is_counts(v, v->cols[c]) && !l->spark) {
			/* One header per CPU, over its counts, as /proc/interrupts has
			 * it. */
			const struct lkm_interrupts *irqs = &v->snap->interrupts;
			char cpus[CELL_MAX];
			struct lkm_strbuf sb;

			lkm_strbuf_init(&sb, cpus, sizeof(cpus));
			for (size_t k = l->cpu_first;
			     k < irqs->n_cpus && k < l->cpu_first + l->cpu_shown &&
			     !sb.truncated;
			     k++)
				lkm_strbuf_addf(&sb, "%s%*s", k > l->cpu_first ? " " : "",
						(int)v->cpu_width, irqs->cpus[k]);
			lkm_tui_put(hy, l->x[c], l->w[c], cpus, false,
				    lkm_tui_attr(LKM_ROLE_HEADER));
			continue;
		}
		if (is_counts(v, v->cols[c]))
			snprintf(text, sizeof(text), "CPU0-%zu",
				 v->n_cpus ? v->n_cpus - 1 : 0);
		else
			snprintf(text, sizeof(text), "%s%s", ci->id, mark);
		if (app->term.utf8 && sorted) {
			/* The arrow is 3 bytes for 1 cell: pad by hand. */
			int w = l->w[c], len = (int)strlen(ci->id) + 1;

			attrset(lkm_tui_attr(LKM_ROLE_HEADER_SORT));
			if (right && len < w) {
				mvhline(hy, l->x[c], ' ', w - len);
				mvaddstr(hy, l->x[c] + w - len, text);
			} else {
				mvaddstr(hy, l->x[c], text);
				if (len < w)
					mvhline(hy, l->x[c] + len, ' ', w - len);
			}
			continue;
		}
		lkm_tui_put(
			hy, l->x[c], l->w[c], text, right,
			lkm_tui_attr(sorted ? LKM_ROLE_HEADER_SORT : LKM_ROLE_HEADER));
	}
}

/* Per-CPU counts: aligned numbers, or one character per CPU (or per group of CPUs). */
static void draw_counts(const struct lkm_tui_app *app, const struct lkm_view *v,
			const struct lkm_view_layout *l, size_t c, int y, size_t item,
			attr_t attr)
{
	static const char levels[] = " .:-=+*#%@";
	const struct lkm_irq *irq = &v->snap->interrupts.v[item];
	const struct lkm_rates *rt = v->rates;
	bool use_rates = rt && rt->seconds > 0;
	char buf[CELL_MAX];

	if (!l->spark) {
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, buf, sizeof(buf));
		for (size_t k = l->cpu_first;
		     k < irq->n_counts && k < l->cpu_first + l->cpu_shown &&
		     sb.len + 1 < sb.size;
		     k++)
			lkm_strbuf_addf(&sb, "%s%*" PRIu64, k > l->cpu_first ? " " : "",
					(int)v->cpu_width, irq->counts[k]);
		lkm_tui_put(y, l->x[c], l->w[c], buf, false, attr);
		return;
	}
	{
		size_t ncpu = v->n_cpus ? v->n_cpus : irq->n_counts, w = (size_t)l->w[c];
		size_t per = (ncpu + w - 1) / (w ? w : 1);
		double max = 0, val[512];
		size_t nb = per ? (ncpu + per - 1) / per : 0;

		if (nb > 512)
			nb = 512;
		for (size_t b = 0; b < nb; b++) {
			val[b] = 0;
			for (size_t k = b * per; k < (b + 1) * per && k < irq->n_counts;
			     k++) {
				double x = use_rates ? lkm_rates_irq_cpu(rt, irq, item, k)
						     : (double)irq->counts[k];

				if (x > val[b])
					val[b] = x;
			}
			if (val[b] > max)
				max = val[b];
		}
		for (size_t b = 0; b < nb && b < sizeof(buf) - 1; b++) {
			int lv = 0;

			if (val[b] > 0 && max > 0)
				lv = 1 +
				     (int)((val[b] / max) * (double)(sizeof(levels) - 3) +
					   0.5);
			if (lv > (int)sizeof(levels) - 2)
				lv = (int)sizeof(levels) - 2;
			buf[b] = levels[lv];
		}
		buf[nb < sizeof(buf) ? nb : sizeof(buf) - 1] = '\0';
		lkm_tui_put(y, l->x[c], l->w[c], buf, false, attr);
	}
}

/* The columns drawn from the TUI's own state: the last minute as a sparkline, and an
 * interrupt line's CPUs, read for the rows on screen only. */
static void draw_tui_cell(const struct lkm_tui_app *app, const struct lkm_view *v,
			  const struct lkm_view_layout *l, size_t c, int y, size_t item,
			  attr_t attr)
{
	char buf[LKM_SPARK_CELLS * 4 + 1] = "";
	int col = v->cols[c];

	if (lkm_view_is_history(v, col)) {
		float samples[LKM_HISTORY_SECONDS];

		if (v->hist &&
		    lkm_history_get(v->hist, item, samples, LKM_HISTORY_SECONDS) > 0)
			lkm_sparkline(samples, LKM_HISTORY_SECONDS, LKM_SPARK_CELLS,
				      app->term.utf8, buf, sizeof(buf));
		attrset(attr);
		mvaddstr(y, l->x[c], buf);
		return;
	}
	if (v->pane == LKM_PANE_INTERRUPTS) {
		struct lkm_irq_affinity a;
		unsigned irq;

		if (lkm_irq_number(v->snap->interrupts.v[item].label, &irq) &&
		    lkm_irq_affinity_read(app->root, irq, &a) == 0) {
			lkm_tui_put(y, l->x[c], l->w[c],
				    col == LKM_IRQCOL_AFFINITY ? a.affinity : a.effective,
				    false, attr);
			return;
		}
	}
	lkm_tui_put(y, l->x[c], l->w[c], "", false, attr);
}

static bool is_alert_cell(const struct lkm_view *v, int col, size_t item)
{
	int k = col - LKM_NETCOL_FIRST_COUNTER;

	if (v->pane != LKM_PANE_NETDEV || k < 0 || k >= LKM_NETDEV_NCOUNTERS)
		return false;
	if (k != LKM_RX_ERRS && k != LKM_RX_DROP && k != LKM_TX_ERRS && k != LKM_TX_DROP)
		return false;
	return v->snap->netdev.v[item].c[k] != 0;
}

static void tree_prefix(const struct lkm_tui_app *app, const struct lkm_view_row *row,
			char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	if (row->depth == 0)
		return;
	for (unsigned d = 0; d + 1 < row->depth; d++)
		lkm_strbuf_add(&sb, row->more & (1u << d)
					    ? (app->term.utf8 ? "\u2502 " : "| ")
					    : "  ");
	lkm_strbuf_add(&sb, row->last ? (app->term.utf8 ? "\u2514\u2500" : "`-")
				      : (app->term.utf8 ? "\u251c\u2500" : "|-"));
}

/* Row R at Y, in COLS cells from X0; the cursor's row is highlighted when FOCUSED (the
 * other panes of the split layout mark it with '>' only). */
static void draw_row(const struct lkm_tui_app *app, const struct lkm_view *v,
		     const struct lkm_view_layout *l, size_t r, int y, int x0, int cols,
		     bool focused, char *cell)
{
	const struct lkm_view_row *row = &v->rows[r];
	bool at_cursor = r == v->cursor, lit = at_cursor && focused;
	attr_t base = lkm_tui_attr(lit		 ? LKM_ROLE_CURSOR
				   : row->is_new ? LKM_ROLE_NEW
						 : LKM_ROLE_NORMAL);

	if (row->item == LKM_VIEW_SEPARATOR) {
		attrset(lkm_tui_attr(LKM_ROLE_DIVIDER));
		if (app->term.utf8) {
			move(y, x0);
			for (int x = 0; x < cols; x++)
				addstr("\u2500");
		} else {
			mvhline(y, x0, '-', cols);
		}
		return;
	}
	lkm_tui_fill_span(y, x0, cols, base);
	lkm_tui_put(y, x0, 1, at_cursor ? ">" : " ", false, base);
	lkm_tui_put(y, x0 + 1, 1, row->is_new ? "+" : " ", false, base);
	for (size_t c = 0; c < l->ncols; c++) {
		int col = v->cols[c];
		const struct lkm_colinfo *ci = lkm_view_colinfo(v, col);
		attr_t attr = base;

		if (l->w[c] <= 0)
			continue;

		if (is_counts(v, col)) {
			draw_counts(app, v, l, c, y, row->item, base);
			continue;
		}
		if (ci->flags & LKM_COL_TUI) {
			draw_tui_cell(app, v, l, c, y, row->item, base);
			continue;
		}
		if (!lit && is_alert_cell(v, col, row->item))
			attr = lkm_tui_attr(LKM_ROLE_ALERT);
		else if (lit && is_alert_cell(v, col, row->item))
			attr = base | A_BOLD;
		if (c == 0 && v->tree) {
			char prefix[2 * LKM_VIEW_MAX_DEPTH * 3 + 8];
			char text[CELL_MAX];

			tree_prefix(app, row, prefix, sizeof(prefix));
			lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",",
				 LKM_CELL_HUMAN, cell, CELL_MAX);
			if (app->term.utf8) {
				/* Box-drawing characters are 3 bytes for 1 cell. */
				attrset(attr);
				mvaddstr(y, l->x[c], prefix);
				lkm_tui_put(y, l->x[c] + (int)row->depth * 2,
					    l->w[c] - (int)row->depth * 2, cell, false,
					    attr);
				continue;
			}
			snprintf(text, sizeof(text), "%s%s", prefix, cell);
			lkm_tui_put(y, l->x[c], l->w[c], text, false, attr);
			continue;
		}
		lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",", LKM_CELL_HUMAN,
			 cell, CELL_MAX);
		lkm_tui_put(y, l->x[c], l->w[c], cell, ci->flags & LKM_COL_RIGHT, attr);
	}
}

static const char *pane_source(enum lkm_pane pane)
{
	static const char *const paths[LKM_PANE_COUNT] = {
		"/proc/modules",
		"/proc/devices",
		"/proc/interrupts",
		"/proc/net/dev",
	};

	return paths[pane];
}

static void pane_count_text(struct lkm_strbuf *sb, enum lkm_pane pane, size_t n);

/* The split layout's title row over a pane: its tab label and what it counts. */
static void draw_pane_title(const struct lkm_tui_app *app, const struct lkm_view *v,
			    const struct lkm_tui_rect *r, bool focused)
{
	char label[64], text[512];
	size_t total = v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
	struct lkm_strbuf sb;
	int w;

	attrset(lkm_tui_attr(LKM_ROLE_DIVIDER));
	if (app->term.utf8) {
		move(r->y, r->x);
		for (int x = 0; x < r->w; x++)
			addstr("\u2500");
	} else {
		mvhline(r->y, r->x, '-', r->w);
	}
	lkm_strbuf_init(&sb, text, sizeof(text));
	lkm_strbuf_addf(&sb, "%s ", lkm_tui_tab_label(v->pane, label, sizeof(label)));
	if (v->filter[0])
		lkm_strbuf_addf(&sb, _("%zu of "), v->nshown);
	pane_count_text(&sb, v->pane, total);
	if (v->filter[0])
		lkm_strbuf_addf(&sb, _(" match '%s'"), v->filter);
	lkm_strbuf_add(&sb, " ");
	w = (int)strlen(text);
	lkm_tui_put(r->y, r->x + 1, w < r->w - 1 ? w : r->w - 1, text, false,
		    lkm_tui_attr(focused ? LKM_ROLE_TAB_ACTIVE : LKM_ROLE_NOTICE));
}

/* Pane V in R: its column header and rows, or the sentence saying why there are none. */
static void draw_body(const struct lkm_tui_app *app, const struct lkm_view *v,
		      const struct lkm_tui_rect *r, bool focused)
{
	int err = lkm_view_source_error(v);
	int hy = r->y + (r->titled ? 1 : 0), ly = lkm_tui_rect_list_y(r),
	    bottom = r->y + r->h;
	int cols = r->w, x0 = r->x;
	struct lkm_view_layout l;
	char *cell;
	char msg[512];

	if (r->titled)
		draw_pane_title(app, v, r, focused);
	if (v->pane == LKM_PANE_MODULES && err == -ENOENT) {
		lkm_tui_wrapped(
			ly + 1, x0 + 1, bottom, cols - 2,
			_("This kernel has no loadable-module support (no "
			  "/proc/modules), "
			  "so there are no modules to show; the Devices, Interrupts, "
			  "Network and Hardware panes still work."),
			lkm_tui_attr(LKM_ROLE_NOTICE));
		return;
	}
	if (err < 0) {
		snprintf(msg, sizeof(msg), _("Cannot read %s: %s."), pane_source(v->pane),
			 strerror(-err));
		lkm_tui_wrapped(ly + 1, x0 + 1, bottom, cols - 2, msg,
				lkm_tui_attr(LKM_ROLE_NOTICE));
		return;
	}
	lkm_view_layout(v, cols, x0, &l);
	draw_header(app, v, &l, hy, x0, cols);
	if (v->nrows == 0) {
		if (v->filter[0])
			snprintf(msg, sizeof(msg),
				 _("Nothing matches '%s' (Esc clears the filter)."),
				 v->filter);
		else
			snprintf(msg, sizeof(msg), _("%s is empty."),
				 pane_source(v->pane));
		lkm_tui_wrapped(ly + 1, x0 + 1, bottom, cols - 2, msg,
				lkm_tui_attr(LKM_ROLE_NOTICE));
		return;
	}
	cell = malloc(CELL_MAX);
	if (cell == NULL)
		return;
	for (size_t row = v->top; row < v->nrows && (int)(row - v->top) + ly < bottom;
	     row++)
		draw_row(app, v, &l, row, ly + (int)(row - v->top), x0, cols, focused,
			 cell);
	free(cell);
}

/* The panes of the list screen: the one shown, or all four with a bar between them. */
static void draw_panes(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		       int bottom, int cols)
{
	struct lkm_tui_rect r;

	if (!lkm_tui_split_shown(app)) {
		lkm_tui_pane_rect(app, app->pane, &r);
		draw_body(app, &app->views[app->pane], &r, true);
		return;
	}
	for (int p = 0; p < LKM_PANE_COUNT; p++) {
		lkm_tui_pane_rect(app, (enum lkm_pane)p, &r);
		draw_body(app, &app->views[p], &r, p == (int)app->pane);
	}
	lkm_tui_pane_rect(app, LKM_PANE_MODULES, &r);
	attrset(lkm_tui_attr(LKM_ROLE_DIVIDER));
	for (int y = LKM_TUI_HEADER_Y; y < app->term.lines - 1 - lkm_tui_strip_rows(app);
	     y++) {
		if (app->term.utf8)
			mvaddstr(y, r.x + r.w, "\u2502");
		else
			mvaddch(y, r.x + r.w, '|');
	}
}

static void pane_count_text(struct lkm_strbuf *sb, enum lkm_pane pane, size_t n)
{
	switch (pane) {
	case LKM_PANE_MODULES:
		lkm_strbuf_addf(sb, ngettext("%zu module", "%zu modules", n), n);
		break;
	case LKM_PANE_DEVICES:
		lkm_strbuf_addf(sb, ngettext("%zu device major", "%zu device majors", n),
				n);
		break;
	case LKM_PANE_INTERRUPTS:
		lkm_strbuf_addf(
			sb, ngettext("%zu interrupt line", "%zu interrupt lines", n), n);
		break;
	default:
		lkm_strbuf_addf(sb, ngettext("%zu interface", "%zu interfaces", n), n);
		break;
	}
}

/*
 * The right of the status line after LEFT_LEN cells of text: the doctor's count of boot
 * errors (when it found one) and the keys; when both do not fit, the count alone, which
 * matters more.
 */
static void status_right(const struct lkm_tui_app *app, int y, int cols, int left_len)
{
	char count[128] = "", rest[128], key[32];
	size_t n = app->doctor_count[LKM_SEVERITY_ERROR];
	int cw, rw;

	if (n) {
		lkm_tui_keys_of(&app->keymap, LKM_ACT_HEALTH, key, sizeof(key));
		key[strcspn(key, ",")] = '\0';
		snprintf(count, sizeof(count),
			 ngettext("%zu boot error: %s", "%zu boot errors: %s", n), n,
			 key);
	}
	snprintf(rest, sizeof(rest),
		 lkm_tui_can_act(app) ? _("every %gs  ? help  q quit")
				      : _("look only  every %gs  ? help  q quit"),
		 app->interval);
	cw = (int)strlen(count);
	rw = (int)strlen(rest);
	if (left_len + (cw ? cw + 2 : 0) + rw + 2 <= cols) {
		lkm_tui_put(y, cols - rw - 1, rw, rest, false,
			    lkm_tui_attr(LKM_ROLE_STATUS));
		rw += 2;
	} else {
		rw = 0;
	}
	if (cw && left_len + cw + rw + 2 <= cols)
		lkm_tui_put(y, cols - rw - cw - 1, cw, count, false,
			    lkm_tui_attr(LKM_ROLE_STATUS) | A_BOLD);
}

void lkm_tui_panes_status(const struct lkm_tui_app *app, int y, int cols)
{
	const struct lkm_view *v = &app->views[app->pane];
	char left[512], right[128];
	size_t total = v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
	struct lkm_strbuf sb;
	int rw;

	lkm_tui_fill_line(y, cols, lkm_tui_attr(LKM_ROLE_STATUS));
	if (lkm_tui_top(app) == LKM_SCREEN_FILTER) {
		snprintf(left, sizeof(left), _("Filter: %s"), v->filter);
		lkm_tui_put(y, 0, cols, left, false,
			    lkm_tui_attr(LKM_ROLE_STATUS) | A_BOLD);
		snprintf(right, sizeof(right), "%s", _("Enter keep  Esc cancel"));
		rw = (int)strlen(right);
		if ((int)strlen(left) + rw + 2 < cols)
			lkm_tui_put(y, cols - rw - 1, rw, right, false,
				    lkm_tui_attr(LKM_ROLE_STATUS));
		return;
	}
	if (app->message[0]) {
		lkm_tui_put(y, 0, cols, app->message, false,
			    lkm_tui_attr(LKM_ROLE_STATUS) | A_BOLD);
		return;
	}
	if (lkm_view_source_error(v) < 0) {
		if (v->pane == LKM_PANE_MODULES && lkm_view_source_error(v) == -ENOENT)
			snprintf(left, sizeof(left), "%s",
				 _("no loadable-module support"));
		else
			snprintf(left, sizeof(left), _("%s unreadable"),
				 pane_source(v->pane));
		lkm_tui_put(y, 0, cols, left, false, lkm_tui_attr(LKM_ROLE_STATUS));
		status_right(app, y, cols, (int)strlen(left));
		return;
	}
	lkm_strbuf_init(&sb, left, sizeof(left));
	if (v->filter[0])
		lkm_strbuf_addf(&sb, _("%zu of "), v->nshown);
	pane_count_text(&sb, v->pane, total);
	if (v->filter[0])
		lkm_strbuf_addf(&sb, _(" match '%s'"), v->filter);
	if (v->sort_col >= 0)
		lkm_strbuf_addf(&sb,
				v->sort_desc ? _(" | sorted by %s, descending")
					     : _(" | sorted by %s"),
				lkm_view_colinfo(v, v->sort_col)->id);
	else
		lkm_strbuf_add(&sb, _(" | in the kernel's order"));
	if (v->tree)
		lkm_strbuf_add(&sb, _(" | tree"));
	if (v->ngone)
		lkm_strbuf_addf(&sb, _(" | gone: %s"), v->gone);
	lkm_tui_put(y, 0, cols, left, false, lkm_tui_attr(LKM_ROLE_STATUS));
	status_right(app, y, cols, (int)sb.len);
}

/* The row of the cursor of the pane with the keys. */
static int panes_cursor_row(const struct lkm_tui_app *app, const struct lkm_tui_frame *f)
{
	const struct lkm_view *v = &app->views[app->pane];
	struct lkm_tui_rect r;

	(void)f;
	lkm_tui_pane_rect(app, app->pane, &r);
	return lkm_tui_rect_list_y(&r) + (int)(v->cursor - v->top);
}

const struct lkm_tui_screen_ops lkm_tui_panes_screen = {
	.id = LKM_SCREEN_PANES,
	.name = "panes",
	.layer = LKM_LAYER_BASE,
	.draw = draw_panes, /* no key: the key table's action runs (dispatch.c) */
	.cursor_row = panes_cursor_row,
};
