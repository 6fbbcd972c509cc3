// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/handlers.h"
#include "ui/tui/linedetail.h"
#include "ui/units.h"
#include "ui/sparkline.h"
#include "model/irqaffinity.h"

#define CELL_MAX 4096

static attr_t role_attr[LKM_ROLE_COUNT];

void lkm_tui_draw_init(struct lkm_tui_app *app)
{
	static const struct {
		attr_t mono;
		short fg, bg;
		attr_t extra;
	} roles[LKM_ROLE_COUNT] = {
		[LKM_ROLE_NORMAL] = { A_NORMAL, -1, -1, A_NORMAL },
		[LKM_ROLE_TAB] = { A_NORMAL, -1, -1, A_NORMAL },
		[LKM_ROLE_TAB_ACTIVE] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN,
					  A_BOLD },
		[LKM_ROLE_HEADER] = { A_BOLD | A_UNDERLINE, COLOR_BLACK, COLOR_GREEN,
				      A_NORMAL },
		[LKM_ROLE_HEADER_SORT] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN,
					   A_BOLD },
		[LKM_ROLE_CURSOR] = { A_REVERSE, COLOR_BLACK, COLOR_CYAN, A_NORMAL },
		[LKM_ROLE_NEW] = { A_BOLD, COLOR_GREEN, -1, A_BOLD },
		[LKM_ROLE_ALERT] = { A_BOLD | A_UNDERLINE, COLOR_RED, -1, A_BOLD },
		[LKM_ROLE_DIVIDER] = { A_NORMAL, COLOR_BLUE, -1, A_NORMAL },
		[LKM_ROLE_STATUS] = { A_REVERSE, COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[LKM_ROLE_PROMPT] = { A_BOLD, COLOR_YELLOW, -1, A_BOLD },
		[LKM_ROLE_MESSAGE] = { A_BOLD, COLOR_YELLOW, -1, A_BOLD },
		[LKM_ROLE_NOTICE] = { A_BOLD, -1, -1, A_BOLD },
	};
	bool color = app->color && has_colors();

	if (color && (start_color() == ERR || use_default_colors() == ERR))
		color = false;
	for (int r = 0; r < LKM_ROLE_COUNT; r++) {
		role_attr[r] = roles[r].mono;
		if (!color || (roles[r].fg < 0 && roles[r].bg < 0))
			continue;
		if (init_pair((short)r, roles[r].fg, roles[r].bg) == ERR)
			continue;
		role_attr[r] = COLOR_PAIR(r) | roles[r].extra;
	}
	app->color = color;
}

static attr_t attr_of(enum lkm_tui_role r)
{
	return role_attr[r];
}

/* Writes TEXT at Y, X in exactly W cells: cut, or padded (right-aligned when RIGHT). */
static void put(int y, int x, int w, const char *text, bool right, attr_t attr)
{
	int len = (int)strlen(text);

	if (w <= 0)
		return;
	attrset(attr);
	if (len >= w) {
		mvaddnstr(y, x, text, w);
	} else if (right) {
		mvhline(y, x, ' ', w - len);
		mvaddstr(y, x + w - len, text);
	} else {
		mvaddstr(y, x, text);
		mvhline(y, x + len, ' ', w - len);
	}
}

static void fill_span(int y, int x, int w, attr_t attr)
{
	attrset(attr);
	mvhline(y, x, ' ', w);
}

static void fill_line(int y, int cols, attr_t attr)
{
	fill_span(y, 0, cols, attr);
}

static void draw_tabs(const struct lkm_tui_app *app, int cols)
{
	int x = 0;
	char buf[64];

	fill_line(LKM_TUI_TABS_Y, cols, attr_of(LKM_ROLE_TAB));
	for (int p = 0; p < LKM_PANE_COUNT && x < cols; p++) {
		const char *label = lkm_tui_tab_label((enum lkm_pane)p, buf, sizeof(buf));
		int w = (int)strlen(label);

		put(LKM_TUI_TABS_Y, x, w < cols - x ? w : cols - x, label, false,
		    attr_of(p == (int)app->pane ? LKM_ROLE_TAB_ACTIVE : LKM_ROLE_TAB));
		x += w + 1;
	}
}

static const struct lkm_colinfo *colinfo(const struct lkm_view *v, int col)
{
	size_t n;

	return &lkm_columns(v->pane, &n)[col];
}

static bool is_counts(const struct lkm_view *v, int col)
{
	return v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_COUNTS;
}

static void draw_header(const struct lkm_tui_app *app, const struct lkm_view *v,
			const struct lkm_view_layout *l, int hy, int x0, int cols)
{
	fill_span(hy, x0, cols, attr_of(LKM_ROLE_HEADER));
	for (size_t c = 0; c < l->ncols; c++) {
		const struct lkm_colinfo *ci = colinfo(v, v->cols[c]);
		bool sorted = v->cols[c] == v->sort_col;
		bool right = (ci->flags & LKM_COL_RIGHT) && !(is_counts(v, v->cols[c]));
		char text[64];
		const char *mark = "";

		if (sorted)
			mark = app->utf8 ? (v->sort_desc ? "\u25bc" : "\u25b2")
					 : (v->sort_desc ? "v" : "^");
		if (is_counts(v, v->cols[c]) && !l->spark) {
			/* One header per CPU, over its counts, as /proc/interrupts has
			 * it. */
			const struct lkm_interrupts *irqs = &v->snap->interrupts;
			size_t len = 0;
			char cpus[CELL_MAX];

			cpus[0] = '\0';
			for (size_t k = l->cpu_first;
			     k < irqs->n_cpus && k < l->cpu_first + l->cpu_shown &&
			     len < sizeof(cpus);
			     k++)
				len += (size_t)snprintf(cpus + len, sizeof(cpus) - len,
							"%s%*s",
							k > l->cpu_first ? " " : "",
							(int)v->cpu_width, irqs->cpus[k]);
			put(hy, l->x[c], l->w[c], cpus, false, attr_of(LKM_ROLE_HEADER));
			continue;
		}
		if (is_counts(v, v->cols[c]))
			snprintf(text, sizeof(text), "CPU0-%zu",
				 v->n_cpus ? v->n_cpus - 1 : 0);
		else
			snprintf(text, sizeof(text), "%s%s", ci->id, mark);
		if (app->utf8 && sorted) {
			/* The arrow is 3 bytes for 1 cell: pad by hand. */
			int w = l->w[c], len = (int)strlen(ci->id) + 1;

			attrset(attr_of(LKM_ROLE_HEADER_SORT));
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
		put(hy, l->x[c], l->w[c], text, right,
		    attr_of(sorted ? LKM_ROLE_HEADER_SORT : LKM_ROLE_HEADER));
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
	size_t len = 0;

	if (!l->spark) {
		for (size_t k = l->cpu_first;
		     k < irq->n_counts && k < l->cpu_first + l->cpu_shown &&
		     len + 1 < sizeof(buf);
		     k++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%*" PRIu64,
						k > l->cpu_first ? " " : "",
						(int)v->cpu_width, irq->counts[k]);
		buf[len < sizeof(buf) ? len : sizeof(buf) - 1] = '\0';
		put(y, l->x[c], l->w[c], buf, false, attr);
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
		put(y, l->x[c], l->w[c], buf, false, attr);
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
				      app->utf8, buf, sizeof(buf));
		attrset(attr);
		mvaddstr(y, l->x[c], buf);
		return;
	}
	if (v->pane == LKM_PANE_INTERRUPTS) {
		struct lkm_irq_affinity a;
		unsigned irq;

		if (lkm_irq_number(v->snap->interrupts.v[item].label, &irq) &&
		    lkm_irq_affinity_read(app->root, irq, &a) == 0) {
			put(y, l->x[c], l->w[c],
			    col == LKM_IRQCOL_AFFINITY ? a.affinity : a.effective, false,
			    attr);
			return;
		}
	}
	put(y, l->x[c], l->w[c], "", false, attr);
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
	size_t len = 0;

	buf[0] = '\0';
	if (row->depth == 0)
		return;
	for (unsigned d = 0; d + 1 < row->depth; d++)
		len += (size_t)snprintf(
			buf + len, size > len ? size - len : 0, "%s",
			row->more & (1u << d) ? (app->utf8 ? "\u2502 " : "| ") : "  ");
	snprintf(buf + len, size > len ? size - len : 0, "%s",
		 row->last ? (app->utf8 ? "\u2514\u2500" : "`-")
			   : (app->utf8 ? "\u251c\u2500" : "|-"));
}

/* Row R at Y, in COLS cells from X0; the cursor's row is highlighted when FOCUSED (the
 * other panes of the split layout mark it with '>' only). */
static void draw_row(const struct lkm_tui_app *app, const struct lkm_view *v,
		     const struct lkm_view_layout *l, size_t r, int y, int x0, int cols,
		     bool focused, char *cell)
{
	const struct lkm_view_row *row = &v->rows[r];
	bool at_cursor = r == v->cursor, lit = at_cursor && focused;
	attr_t base = attr_of(lit	    ? LKM_ROLE_CURSOR
			      : row->is_new ? LKM_ROLE_NEW
					    : LKM_ROLE_NORMAL);

	if (row->item == LKM_VIEW_SEPARATOR) {
		attrset(attr_of(LKM_ROLE_DIVIDER));
		if (app->utf8) {
			move(y, x0);
			for (int x = 0; x < cols; x++)
				addstr("\u2500");
		} else {
			mvhline(y, x0, '-', cols);
		}
		return;
	}
	fill_span(y, x0, cols, base);
	put(y, x0, 1, at_cursor ? ">" : " ", false, base);
	put(y, x0 + 1, 1, row->is_new ? "+" : " ", false, base);
	for (size_t c = 0; c < l->ncols; c++) {
		int col = v->cols[c];
		const struct lkm_colinfo *ci = colinfo(v, col);
		attr_t attr = base;

		if (is_counts(v, col)) {
			draw_counts(app, v, l, c, y, row->item, base);
			continue;
		}
		if (ci->flags & LKM_COL_TUI) {
			draw_tui_cell(app, v, l, c, y, row->item, base);
			continue;
		}
		if (!lit && is_alert_cell(v, col, row->item))
			attr = attr_of(LKM_ROLE_ALERT);
		else if (lit && is_alert_cell(v, col, row->item))
			attr = base | A_BOLD;
		if (c == 0 && v->tree) {
			char prefix[2 * LKM_VIEW_MAX_DEPTH * 3 + 8];
			char text[CELL_MAX];

			tree_prefix(app, row, prefix, sizeof(prefix));
			lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",",
				 LKM_CELL_HUMAN, cell, CELL_MAX);
			if (app->utf8) {
				/* Box-drawing characters are 3 bytes for 1 cell. */
				attrset(attr);
				mvaddstr(y, l->x[c], prefix);
				put(y, l->x[c] + (int)row->depth * 2,
				    l->w[c] - (int)row->depth * 2, cell, false, attr);
				continue;
			}
			snprintf(text, sizeof(text), "%s%s", prefix, cell);
			put(y, l->x[c], l->w[c], text, false, attr);
			continue;
		}
		lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",", LKM_CELL_HUMAN,
			 cell, CELL_MAX);
		put(y, l->x[c], l->w[c], cell, ci->flags & LKM_COL_RIGHT, attr);
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

/* A paragraph at row Y, wrapped at word boundaries to COLS cells from X0; returns the
 * next row. */
static int draw_paragraph(int y, int maxy, int x0, int cols, const char *text,
			  attr_t attr)
{
	const char *p = text;

	attrset(attr);
	while (*p && y < maxy) {
		int len = (int)strlen(p), cut = len;

		if (len > cols - 2) {
			cut = cols - 2;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = cols - 2;
		}
		mvaddnstr(y++, x0 + 1, p, cut);
		p += cut;
		while (*p == ' ')
			p++;
	}
	return y;
}

static int pane_count_text(enum lkm_pane pane, size_t n, char *buf, size_t size);

/* The split layout's title row over a pane: its tab label and what it counts. */
static void draw_pane_title(const struct lkm_tui_app *app, const struct lkm_view *v,
			    const struct lkm_tui_rect *r, bool focused)
{
	char label[64], text[512];
	size_t len, total = v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
	int w;

	attrset(attr_of(LKM_ROLE_DIVIDER));
	if (app->utf8) {
		move(r->y, r->x);
		for (int x = 0; x < r->w; x++)
			addstr("\u2500");
	} else {
		mvhline(r->y, r->x, '-', r->w);
	}
	len = (size_t)snprintf(text, sizeof(text), "%s ",
			       lkm_tui_tab_label(v->pane, label, sizeof(label)));
	if (v->filter[0] && len < sizeof(text))
		len += (size_t)snprintf(text + len, sizeof(text) - len, _("%zu of "),
					v->nshown);
	if (len < sizeof(text))
		len += (size_t)pane_count_text(v->pane, total, text + len,
					       sizeof(text) - len);
	if (v->filter[0] && len < sizeof(text))
		len += (size_t)snprintf(text + len, sizeof(text) - len, _(" match '%s'"),
					v->filter);
	if (len < sizeof(text))
		snprintf(text + len, sizeof(text) - len, " ");
	w = (int)strlen(text);
	put(r->y, r->x + 1, w < r->w - 1 ? w : r->w - 1, text, false,
	    attr_of(focused ? LKM_ROLE_TAB_ACTIVE : LKM_ROLE_NOTICE));
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
		draw_paragraph(
			ly + 1, bottom, x0, cols,
			_("This kernel has no loadable-module support (no "
			  "/proc/modules), "
			  "so there are no modules to show; the Devices, Interrupts and "
			  "Network panes still work."),
			attr_of(LKM_ROLE_NOTICE));
		return;
	}
	if (err < 0) {
		snprintf(msg, sizeof(msg), _("Cannot read %s: %s."), pane_source(v->pane),
			 strerror(-err));
		draw_paragraph(ly + 1, bottom, x0, cols, msg, attr_of(LKM_ROLE_NOTICE));
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
		draw_paragraph(ly + 1, bottom, x0, cols, msg, attr_of(LKM_ROLE_NOTICE));
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
void lkm_tui_draw_panes(const struct lkm_tui_app *app, int bottom, int cols)
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
	attrset(attr_of(LKM_ROLE_DIVIDER));
	for (int y = LKM_TUI_HEADER_Y; y < app->lines - 1 - lkm_tui_strip_rows(app);
	     y++) {
		if (app->utf8)
			mvaddstr(y, r.x + r.w, "\u2502");
		else
			mvaddch(y, r.x + r.w, '|');
	}
}

static int pane_count_text(enum lkm_pane pane, size_t n, char *buf, size_t size)
{
	switch (pane) {
	case LKM_PANE_MODULES:
		return snprintf(buf, size, ngettext("%zu module", "%zu modules", n), n);
	case LKM_PANE_DEVICES:
		return snprintf(buf, size,
				ngettext("%zu device major", "%zu device majors", n), n);
	case LKM_PANE_INTERRUPTS:
		return snprintf(buf, size,
				ngettext("%zu interrupt line", "%zu interrupt lines", n),
				n);
	default:
		return snprintf(buf, size, ngettext("%zu interface", "%zu interfaces", n),
				n);
	}
}

static void draw_status(const struct lkm_tui_app *app, const struct lkm_view *v, int y,
			int cols)
{
	char left[512], right[128];
	size_t len = 0, total = v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
	int rw;

	fill_line(y, cols, attr_of(LKM_ROLE_STATUS));
	if (lkm_tui_top(app) == LKM_SCREEN_FILTER) {
		snprintf(left, sizeof(left), _("Filter: %s"), v->filter);
		put(y, 0, cols, left, false, attr_of(LKM_ROLE_STATUS) | A_BOLD);
		snprintf(right, sizeof(right), "%s", _("Enter keep  Esc cancel"));
		rw = (int)strlen(right);
		if ((int)strlen(left) + rw + 2 < cols)
			put(y, cols - rw - 1, rw, right, false, attr_of(LKM_ROLE_STATUS));
		move(y, (int)strlen(left) < cols ? (int)strlen(left) : cols - 1);
		return;
	}
	if (app->message[0]) {
		put(y, 0, cols, app->message, false, attr_of(LKM_ROLE_STATUS) | A_BOLD);
		return;
	}
	snprintf(right, sizeof(right),
		 app->session.can_act ? _("every %gs  ? help  q quit")
				      : _("look only  every %gs  ? help  q quit"),
		 app->interval);
	rw = (int)strlen(right);
	if (lkm_view_source_error(v) < 0) {
		if (v->pane == LKM_PANE_MODULES && lkm_view_source_error(v) == -ENOENT)
			snprintf(left, sizeof(left), "%s",
				 _("no loadable-module support"));
		else
			snprintf(left, sizeof(left), _("%s unreadable"),
				 pane_source(v->pane));
		put(y, 0, cols, left, false, attr_of(LKM_ROLE_STATUS));
		if ((int)strlen(left) + rw + 2 <= cols)
			put(y, cols - rw - 1, rw, right, false, attr_of(LKM_ROLE_STATUS));
		return;
	}
	if (v->filter[0])
		len += (size_t)snprintf(left + len, sizeof(left) - len, _("%zu of "),
					v->nshown);
	len += (size_t)pane_count_text(v->pane, total, left + len, sizeof(left) - len);
	if (v->filter[0] && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, _(" match '%s'"),
					v->filter);
	if (len < sizeof(left)) {
		if (v->sort_col >= 0)
			len += (size_t)snprintf(left + len, sizeof(left) - len,
						v->sort_desc
							? _(" | sorted by %s, descending")
							: _(" | sorted by %s"),
						colinfo(v, v->sort_col)->id);
		else
			len += (size_t)snprintf(left + len, sizeof(left) - len, "%s",
						_(" | in the kernel's order"));
	}
	if (v->tree && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, "%s",
					_(" | tree"));
	if (v->ngone && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, _(" | gone: %s"),
					v->gone);
	put(y, 0, cols, left, false, attr_of(LKM_ROLE_STATUS));
	if ((int)(len < sizeof(left) ? len : sizeof(left)) + rw + 2 <= cols)
		put(y, cols - rw - 1, rw, right, false, attr_of(LKM_ROLE_STATUS));
}

void lkm_tui_draw_help(const struct lkm_tui_app *app, int lines, int cols)
{
	const struct lkm_tui_frame *f = lkm_tui_frame_of(app, LKM_SCREEN_HELP);
	size_t n = lkm_tui_help_lines(app), top = f ? f->scroll.top : 0;
	char buf[512];

	for (int y = 0; y < lines - 1; y++) {
		size_t i = top + (size_t)y;

		fill_line(y, cols, attr_of(LKM_ROLE_NORMAL));
		if (i >= n)
			continue;
		lkm_tui_help_line(app, i, buf, sizeof(buf));
		put(y, 0, cols, buf, false,
		    attr_of(i == 0 ? LKM_ROLE_NOTICE : LKM_ROLE_NORMAL));
	}
	fill_line(lines - 1, cols, attr_of(LKM_ROLE_STATUS));
	put(lines - 1, 0, cols, _("Help: any key returns"), false,
	    attr_of(LKM_ROLE_STATUS));
}

/* TEXT from row Y, column X, wrapped at word boundaries in W cells; stops at MAXY.
 * Returns the next row. */
static int draw_wrapped(int y, int x, int maxy, int w, const char *text, attr_t attr)
{
	const char *p = text;

	if (w < 8)
		w = 8;
	attrset(attr);
	while (*p && y < maxy) {
		int len = (int)strlen(p), cut = len;

		if (len > w) {
			cut = w;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = w;
		}
		mvaddnstr(y++, x, p, cut);
		p += cut;
		while (*p == ' ')
			p++;
	}
	return y;
}

/* How many rows draw_wrapped takes for TEXT in W cells. */
static int wrapped_rows(const char *text, int w)
{
	const char *p = text;
	int rows = 0;

	if (w < 8)
		w = 8;
	while (*p) {
		int len = (int)strlen(p), cut = len;

		if (len > w) {
			cut = w;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = w;
		}
		rows++;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return rows ? rows : 1;
}

/* The live log's one sentence when it shows no line: why it cannot, or that none came. */
static void live_note(const struct lkm_tui_app *app, char *buf, size_t size)
{
	int err = app->live.err;

	if (err == -EPERM || err == -EACCES)
		snprintf(buf, size,
			 _("  Cannot read /dev/kmsg: %s (it needs root, or the sysctl "
			   "kernel.dmesg_restrict = 0)."),
			 strerror(-err));
	else if (err == -ENOENT)
		snprintf(buf, size, "%s",
			 _("  There is no /dev/kmsg under this root, so there is "
			   "no kernel log to follow."));
	else if (err < 0)
		snprintf(buf, size, _("  Cannot read /dev/kmsg: %s."), strerror(-err));
	else
		snprintf(buf, size, _("  Nothing from %s since L was pressed."),
			 app->live_module);
}

/* The rows above the status line that the kernel log strip takes, from FIRST: the last
 * operation's lines, or the live log's. */
static void draw_strip(const struct lkm_tui_app *app, int first, int rows, int cols)
{
	char *const *lines = app->live_on ? app->live.lines : app->klog;
	size_t n = app->live_on ? app->live.n : app->n_klog, from;
	char title[512];

	if (rows <= 0)
		return;
	if (app->live_on)
		snprintf(title, sizeof(title), _("Kernel log of %s, live (L stops)"),
			 app->live_module);
	else
		snprintf(title, sizeof(title), "%s", app->klog_title);
	fill_line(first, cols, attr_of(LKM_ROLE_DIVIDER));
	put(first, 0, cols, title, false, attr_of(LKM_ROLE_NOTICE));
	from = n > (size_t)(rows - 1) ? n - (size_t)(rows - 1) : 0;
	for (int r = 1; r < rows; r++) {
		char buf[512];

		fill_line(first + r, cols, attr_of(LKM_ROLE_NORMAL));
		if (app->live_on && n == 0 && r == 1) {
			live_note(app, buf, sizeof(buf));
			put(first + r, 0, cols, buf, false, attr_of(LKM_ROLE_MESSAGE));
			continue;
		}
		if (from + (size_t)(r - 1) >= n)
			continue;
		snprintf(buf, sizeof(buf), "  %s", lines[from + (size_t)(r - 1)]);
		put(first + r, 0, cols, buf, false, attr_of(LKM_ROLE_NORMAL));
	}
}

static void draw_title(int cols, const char *text, enum lkm_tui_role role)
{
	int w = cols - 1;

	fill_line(LKM_TUI_HEADER_Y, cols, attr_of(role));
	/* A title cut at the edge reads as a whole one: say that it goes on. */
	if ((int)strlen(text) > w && w > 3) {
		put(LKM_TUI_HEADER_Y, 1, w - 3, text, false, attr_of(role));
		put(LKM_TUI_HEADER_Y, w - 2, 3, "...", false, attr_of(role));
		return;
	}
	put(LKM_TUI_HEADER_Y, 1, w, text, false, attr_of(role));
}

void lkm_tui_draw_detail(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_detail *d = &app->detail;

	draw_title(cols, d->title, LKM_ROLE_HEADER);
	for (size_t i = d->top; i < d->n && LKM_TUI_LIST_Y + (int)(i - d->top) < bottom;
	     i++) {
		int y = LKM_TUI_LIST_Y + (int)(i - d->top);
		const struct lkm_detail_line *l = &d->v[i];
		bool at = i == d->cursor && lkm_detail_selectable(d, i);
		enum lkm_tui_role role = at			     ? LKM_ROLE_CURSOR
					 : l->kind == LKM_DL_SECTION ? LKM_ROLE_NOTICE
								     : LKM_ROLE_NORMAL;

		fill_line(y, cols, attr_of(role));
		put(y, 0, 1, at ? ">" : " ", false, attr_of(role));
		put(y, 1, cols - 1, l->text, false, attr_of(role));
	}
}

/* The teach box, over what is under it. */
void lkm_tui_draw_teach(const struct lkm_tui_app *app, int bottom, int cols)
{
	int w = cols - 4 > 76 ? 76 : cols - 4, x = (cols - w) / 2, y = LKM_TUI_LIST_Y + 1;
	int lw = 4, inner = w - 4;

	for (size_t i = 0; i < app->n_terms; i++)
		if ((int)strlen(app->terms[i].label) > lw)
			lw = (int)strlen(app->terms[i].label);
	if (lw > inner / 3)
		lw = inner / 3;
	/* Measure, then draw: the box is as tall as its text, and goes under the cursor's
	 * row when it fits there, else above it, so the row it explains stays in sight.
	 */
	{
		int rows = 1, top, cy;

		for (size_t i = 0; i < app->n_terms; i++)
			rows += wrapped_rows(app->terms[i].text, inner - lw - 2);
		if (lkm_tui_in_detail(app)) {
			cy = LKM_TUI_LIST_Y + (int)(app->detail.cursor - app->detail.top);
		} else {
			struct lkm_tui_rect pr;

			lkm_tui_pane_rect(app, app->pane, &pr);
			cy = lkm_tui_rect_list_y(&pr) +
			     (int)(app->views[app->pane].cursor -
				   app->views[app->pane].top);
		}
		top = cy + 1;
		if (top + rows + 1 > bottom && cy - rows - 1 >= LKM_TUI_LIST_Y)
			top = cy - rows - 1;
		if (top + rows + 1 > bottom)
			top = y;
		if (top + rows + 1 > bottom)
			rows = bottom - top - 1;
		for (int r = 0; r < rows + 1 && top + r < bottom; r++)
			fill_line(top + r, cols, attr_of(LKM_ROLE_NORMAL));
		attrset(attr_of(LKM_ROLE_NORMAL));
		mvhline(top, x, '-', w);
		mvhline(top + rows, x, '-', w);
		for (int r = 1; r < rows; r++) {
			mvaddch(top + r, x, '|');
			mvaddch(top + r, x + w - 1, '|');
		}
		{
			int tl = (int)strlen(app->teach_title) + 2;

			put(top, x + 2, tl < w - 4 ? tl : w - 4, "", false,
			    attr_of(LKM_ROLE_NORMAL));
			put(top, x + 3, tl - 2 < w - 6 ? tl - 2 : w - 6, app->teach_title,
			    false, attr_of(LKM_ROLE_NOTICE));
		}
		y = top + 1;
		for (size_t i = 0; i < app->n_terms && y < top + rows; i++) {
			put(y, x + 2, lw, app->terms[i].label, false,
			    attr_of(LKM_ROLE_PROMPT));
			y = draw_wrapped(y, x + 2 + lw + 2, top + rows, inner - lw - 2,
					 app->terms[i].text, attr_of(LKM_ROLE_NORMAL));
		}
	}
}

void lkm_tui_draw_form(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_tui_form *f = &app->form;
	char buf[1024];
	const char *prompt;
	int y = LKM_TUI_LIST_Y + 1, cx;

	switch (f->what) {
	case LKM_INPUT_LOAD_NAME:
		draw_title(cols, _("Load a module"), LKM_ROLE_HEADER);
		prompt = _("Module, alias or file: ");
		break;
	case LKM_INPUT_LOAD_PARAMS:
		snprintf(buf, sizeof(buf), _("Load %s: its parameters"), f->module);
		draw_title(cols, buf, LKM_ROLE_HEADER);
		prompt = _("Parameters (NAME=VALUE ...): ");
		break;
	case LKM_INPUT_AFFINITY:
		snprintf(buf, sizeof(buf), _("Interrupt %s: the CPUs it is delivered to"),
			 f->module);
		draw_title(cols, buf, LKM_ROLE_HEADER);
		prompt = _("CPUs (as 0-3,8): ");
		break;
	default:
		snprintf(buf, sizeof(buf), _("Set a parameter of %s"), f->module);
		draw_title(cols, buf, LKM_ROLE_HEADER);
		prompt = _("NAME=VALUE: ");
		break;
	}
	put(y, 2, cols - 2, prompt, false, attr_of(LKM_ROLE_PROMPT));
	cx = 2 + (int)strlen(prompt);
	put(y, cx, cols - cx, f->text, false, attr_of(LKM_ROLE_NORMAL));
	cx += (int)strlen(f->text);
	y += 1;
	if (f->note[0])
		put(y, 2, cols - 2, f->note, false, attr_of(LKM_ROLE_MESSAGE));
	y += 2;
	if (f->what == LKM_INPUT_LOAD_NAME) {
		if (f->n_cands) {
			put(y++, 2, cols - 2, _("Completions:"), false,
			    attr_of(LKM_ROLE_NOTICE));
			/* In columns, as a shell lists them. */
			int w = 8, per;

			for (size_t i = 0; i < f->n_cands; i++)
				if ((int)strlen(f->cands[i]) + 2 > w)
					w = (int)strlen(f->cands[i]) + 2;
			per = (cols - 4) / w > 0 ? (cols - 4) / w : 1;
			for (size_t i = 0; i < f->n_cands && y < bottom;
			     i += (size_t)per, y++)
				for (int c = 0; c < per && i + (size_t)c < f->n_cands;
				     c++)
					put(y, 4 + c * w, w, f->cands[i + (size_t)c],
					    false, attr_of(LKM_ROLE_NORMAL));
		} else {
			y = draw_wrapped(y, 2, bottom, cols - 4,
					 _("A name as modprobe takes it (ne2k-pci, fat, "
					   "an alias) or a "
					   "module file (./demo.ko). Tab completes names "
					   "and paths."),
					 attr_of(LKM_ROLE_NORMAL));
		}
	} else if (f->what == LKM_INPUT_AFFINITY) {
		struct lkm_cpuset online;
		char list[256] = "?";

		if (lkm_cpus_online(app->root, &online) == 0)
			lkm_cpuset_format(&online, list, sizeof(list));
		snprintf(buf, sizeof(buf),
			 _("CPUs online: %s. A list of them (0-3,8) is checked here "
			   "first, then "
			   "written to /proc/irq/%s/smp_affinity_list."),
			 list, f->module);
		draw_wrapped(y, 2, bottom, cols - 4, buf, attr_of(LKM_ROLE_NORMAL));
	} else {
		int nw = 4, tw = 4;

		for (size_t i = 0; i < f->n_params; i++) {
			int l = (int)strlen(f->params[i].name);
			int t = f->params[i].type ? (int)strlen(f->params[i].type) : 1;

			nw = l > nw ? l : nw;
			tw = t > tw ? t : tw;
		}
		nw = nw > 24 ? 24 : nw;
		tw = tw > 16 ? 16 : tw;
		if (f->n_params == 0) {
			put(y++, 2, cols - 2,
			    f->what == LKM_INPUT_LOAD_PARAMS
				    ? _("It declares no parameters that lkmtui can see: "
					"Enter loads it.")
				    : _("It has no parameters in /sys/module."),
			    false, attr_of(LKM_ROLE_NORMAL));
		} else {
			if (f->what == LKM_INPUT_LOAD_PARAMS)
				snprintf(buf, sizeof(buf), "%-*s %-*s %s", nw, _("NAME"),
					 tw, _("TYPE"), _("DESCRIPTION"));
			else
				snprintf(buf, sizeof(buf), "%-*s %-12s %-10s %s", nw,
					 _("NAME"), _("VALUE"), _("ACCESS"),
					 _("TYPE, DESCRIPTION"));
			put(y++, 2, cols - 2, buf, false, attr_of(LKM_ROLE_HEADER));
		}
		for (size_t i = 0; i < f->n_params && y < bottom - 2; i++) {
			const struct lkm_param_info *p = &f->params[i];

			if (f->what == LKM_INPUT_LOAD_PARAMS)
				snprintf(buf, sizeof(buf), "%-*s %-*s %s", nw, p->name,
					 tw, p->type ? p->type : "-",
					 p->desc ? p->desc : "");
			else
				snprintf(buf, sizeof(buf), "%-*s %-12s %-10s %s%s%s", nw,
					 p->name, p->value ? p->value : "-",
					 p->writable > 0    ? _("writable")
					 : p->writable == 0 ? _("read-only")
							    : _("not in /sys"),
					 p->type ? p->type : "",
					 p->type && p->desc ? ", " : "",
					 p->desc ? p->desc : "");
			put(y++, 2, cols - 2, buf, false, attr_of(LKM_ROLE_NORMAL));
		}
		if (f->what == LKM_INPUT_SET && f->n_params)
			draw_wrapped(
				y + 1, 2, bottom, cols - 4,
				_("Only writable parameters can change while the module "
				  "is "
				  "loaded; a read-only one takes its value at load time "
				  "(unload, then load with NAME=VALUE)."),
				attr_of(LKM_ROLE_NORMAL));
	}
	/* The terminal's cursor where the next character goes. */
	move(LKM_TUI_LIST_Y + 1, cx < cols ? cx : cols - 1);
}

void lkm_tui_draw_confirm(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_result *res = &app->preview;
	char buf[1024];
	int y = LKM_TUI_LIST_Y + 1;

	snprintf(buf, sizeof(buf), _("%s %s: the steps (a dry run, nothing done yet)"),
		 lkm_tui_op_word(app->req.op), app->req.target);
	draw_title(cols, buf, LKM_ROLE_HEADER);
	for (size_t i = 0; app->have_preview && i < res->n_steps && y < bottom - 4; i++) {
		lkm_tui_step_text(&res->steps[i], true, buf, sizeof(buf));
		put(y++, 4, cols - 4, buf, false, attr_of(LKM_ROLE_NORMAL));
	}
	if (app->have_preview && res->n_steps == 0)
		put(y++, 4, cols - 4, _("nothing to do"), false,
		    attr_of(LKM_ROLE_NORMAL));
	y++;
	for (size_t i = 0; app->have_preview && i < res->n_warnings && y < bottom - 3;
	     i++) {
		snprintf(buf, sizeof(buf), _("warning: %s"), res->warnings[i]);
		y = draw_wrapped(y, 2, bottom - 3, cols - 4, buf,
				 attr_of(LKM_ROLE_MESSAGE));
	}
	if (app->req.op == LKM_OP_UNLOAD) {
		put(y++, 2, cols - 2,
		    app->req.flags & LKM_STACK ? _("s: stack unload is on: also what it "
						   "used, when nothing else uses it")
					       : _("s: stack unload is off (s also "
						   "unloads what it used, when nothing "
						   "else uses it)"),
		    false, attr_of(LKM_ROLE_NORMAL));
		y++;
	}
	snprintf(buf, sizeof(buf), _("%s %s now? y or Enter: yes; n or Esc: no"),
		 lkm_tui_op_word(app->req.op), app->req.target);
	buf[0] = (char)toupper((unsigned char)buf[0]);
	put(y, 2, cols - 2, buf, false, attr_of(LKM_ROLE_PROMPT));
}

/* A headed list of the diagnosis ("Evidence:", "Fix:") from row Y, rows outside the
 * window [LKM_TUI_LIST_Y, BOTTOM) skipped; returns the row after it and a blank. */
static int draw_items(int y, int bottom, int cols, const char *heading,
		      char *const *items, size_t n, const char *mark,
		      enum lkm_tui_role role)
{
	char buf[2048];

	if (n == 0)
		return y;
	if (y >= LKM_TUI_LIST_Y && y < bottom)
		put(y, 2, cols - 2, heading, false, attr_of(LKM_ROLE_NOTICE));
	y++;
	for (size_t i = 0; i < n; i++, y++)
		if (y >= LKM_TUI_LIST_Y && y < bottom) {
			snprintf(buf, sizeof(buf), "%s%s", mark, items[i]);
			put(y, 4, cols - 4, buf, false, attr_of(role));
		}
	return y + 1;
}

/* The diagnosis from row Y (above the window when it is scrolled) in the window
 * [LKM_TUI_LIST_Y, BOTTOM); returns the row after its last. */
static int diag_body(const struct lkm_tui_app *app, int y, int bottom, int cols)
{
	const struct lkm_diagnosis *d = &app->diag;
	char buf[1024];

	/* Rows outside the window [LKM_TUI_LIST_Y, BOTTOM) are counted, not drawn. */
#define ROW_OK(r) ((r) >= LKM_TUI_LIST_Y && (r) < bottom)
	if (d->teach) {
		/* Paragraph lines: wrap into the visible window. */
		const char *p = d->teach;
		int w = cols - 4;

		if (bottom > LKM_TUI_LIST_Y)
			attrset(attr_of(LKM_ROLE_NORMAL));
		while (*p) {
			int len = (int)strlen(p), cut = len;

			if (len > w) {
				cut = w;
				while (cut > 0 && p[cut] != ' ')
					cut--;
				if (cut == 0)
					cut = w;
			}
			if (ROW_OK(y))
				mvaddnstr(y, 2, p, cut);
			y++;
			p += cut;
			while (*p == ' ')
				p++;
		}
	}
	y++;
	if (app->diag_steps[0]) {
		snprintf(buf, sizeof(buf), _("done before it failed: %s"),
			 app->diag_steps);
		if (ROW_OK(y))
			put(y, 2, cols - 2, buf, false, attr_of(LKM_ROLE_NORMAL));
		y += 2;
	}
	y = draw_items(y, bottom, cols, _("Evidence:"), d->evidence, d->n_evidence, "- ",
		       LKM_ROLE_NORMAL);
	y = draw_items(y, bottom, cols, _("Fix:"), d->fix, d->n_fix, "> ",
		       LKM_ROLE_PROMPT);
	if (app->fix_ok && ROW_OK(y)) {
		char fix[1024], line[1600];

		snprintf(fix, sizeof(fix), "%s %s%s%s", lkm_tui_op_word(app->fix.op),
			 app->fix.target, app->fix.args[0] ? " " : "", app->fix.args);
		snprintf(line, sizeof(line),
			 _("f runs the fix (%s), then offers %s %s again."), fix,
			 lkm_tui_op_word(app->diag_req.op), app->diag_req.target);
		put(y, 2, cols - 2, line, false, attr_of(LKM_ROLE_MESSAGE));
	}
	return app->fix_ok ? y + 1 : y;
#undef ROW_OK
}

void lkm_tui_draw_diag(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_diagnosis *d = &app->diag;
	char buf[1024];
	const struct lkm_tui_frame *f = lkm_tui_frame_of(app, LKM_SCREEN_DIAG);

	if (app->diag_req.target[0])
		snprintf(buf, sizeof(buf), _("%s %s failed: %s"),
			 lkm_tui_op_word(app->diag_req.op), app->diag_req.target,
			 d->title ? d->title : "");
	else
		snprintf(buf, sizeof(buf), _("%s: %s"), lkm_tui_op_word(app->diag_req.op),
			 d->title ? d->title : "");
	draw_title(cols, buf, LKM_ROLE_ALERT);
	diag_body(app, LKM_TUI_LIST_Y + 1 - (int)(f ? f->scroll.top : 0), bottom, cols);
}

void lkm_tui_diag_layout(struct lkm_tui_app *app)
{
	struct lkm_tui_frame *f = NULL;
	int bottom = app->lines - 1 - lkm_tui_strip_rows(app);

	for (size_t i = app->stack.n; i-- > 0 && f == NULL;)
		if (app->stack.v[i].id == LKM_SCREEN_DIAG)
			f = &app->stack.v[i];
	if (f == NULL)
		return;
	/* An empty window draws nothing: the body is only measured. */
	f->scroll.n = (size_t)(diag_body(app, LKM_TUI_LIST_Y + 1, LKM_TUI_LIST_Y,
					 app->cols > 0 ? app->cols : 80) -
			       LKM_TUI_LIST_Y);
	f->scroll.height =
		bottom > LKM_TUI_LIST_Y ? (size_t)(bottom - LKM_TUI_LIST_Y) : 1;
	lkm_tui_scroll_clamp(&f->scroll);
}

static void draw_input_cursor(const struct lkm_tui_app *app, int cols)
{
	const char *prompt =
		app->form.what == LKM_INPUT_LOAD_NAME ? _("Module, alias or file: ")
		: app->form.what == LKM_INPUT_LOAD_PARAMS
			? _("Parameters (NAME=VALUE ...): ")
		: app->form.what == LKM_INPUT_AFFINITY ? _("CPUs (as 0-3,8): ")
						       : _("NAME=VALUE: ");
	int cx = 2 + (int)strlen(prompt) + (int)strlen(app->form.text);

	move(LKM_TUI_LIST_Y + 1, cx < cols ? cx : cols - 1);
}

/* A rate as the line's pane writes it: interrupts per second, or bytes in binary units.
 */
static void rate_text(const struct lkm_tui_app *app, double r, char *buf, size_t size)
{
	char num[32];

	if (app->line_pane == LKM_PANE_INTERRUPTS)
		snprintf(buf, size, _("%.1f/s"), r);
	else
		snprintf(buf, size, _("%s/s"),
			 lkm_human_bytes((uint64_t)(r + 0.5), num, sizeof(num)));
}

/* One "  label      value" line of the line detail at *Y. */
static void line_field(int *y, int bottom, int cols, const char *label, const char *value)
{
	if (*y >= bottom)
		return;
	put(*y, 0, 2, "", false, attr_of(LKM_ROLE_NORMAL));
	put(*y, 2, 13, label, false, attr_of(LKM_ROLE_NORMAL));
	put((*y)++, 15, cols - 15, value, false, attr_of(LKM_ROLE_NORMAL));
}

#define GRAPH_ROWS     8
#define GRAPH_MIN_ROWS 3

/*
 * HEADING at *Y, then the last minute of H as a graph of at most GRAPH_ROWS rows (fewer
 * when the screen is short, none under GRAPH_MIN_ROWS) with its scale on the left and
 * the time below; *Y is left after it.
 */
static void draw_graph(const struct lkm_tui_app *app, int *y, int bottom, int cols,
		       const char *heading, const struct lkm_history *h, int rows)
{
	float hist[LKM_HISTORY_SECONDS];
	char buf[128], scale[48];
	int gw, lw = 10;
	double max;

	lkm_tui_line_history(app, h, hist);
	max = lkm_sparkline_max(hist, LKM_HISTORY_SECONDS);
	if (*y < bottom)
		put((*y)++, 2, cols - 2, heading, false, attr_of(LKM_ROLE_NOTICE));
	/* One column a second when it fits. */
	gw = cols - lw - 4;
	if (gw > LKM_HISTORY_SECONDS)
		gw = LKM_HISTORY_SECONDS;
	if (gw < 10 || rows < GRAPH_MIN_ROWS || *y + rows + 2 > bottom)
		return;
	rate_text(app, max, scale, sizeof(scale));
	for (int r = 0; r < rows; r++) {
		char row[LKM_HISTORY_SECONDS * 4 + 1];

		lkm_graph_row(hist, LKM_HISTORY_SECONDS, (size_t)gw, max, rows, r,
			      app->utf8, row, sizeof(row));
		put(*y, 0, lw,
		    r == 0	    ? scale
		    : r == rows - 1 ? "0"
				    : "",
		    true, attr_of(LKM_ROLE_NORMAL));
		attrset(attr_of(LKM_ROLE_DIVIDER));
		mvaddstr(*y, lw + 1, app->utf8 ? "\u2502" : "|");
		attrset(attr_of(LKM_ROLE_NEW));
		mvaddstr((*y)++, lw + 2, row);
	}
	snprintf(buf, sizeof(buf), "%-*s%s", gw - 3, _("-60s"), _("now"));
	put((*y)++, lw + 2, gw, buf, false, attr_of(LKM_ROLE_NORMAL));
}

/* The detail of one interrupt line or interface: its numbers, its CPUs, its last minute.
 */
void lkm_tui_draw_line_detail(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_snapshot *s = app->nsnaps ? &app->snaps[app->cur] : NULL;
	size_t item = lkm_tui_line_item(app);
	char buf[512], val[256], num[32];
	int y = LKM_TUI_LIST_Y + 1, rows;

	if (s == NULL || item == (size_t)-1) {
		snprintf(buf, sizeof(buf), _("%s is gone since the last refresh"),
			 app->line_key);
		draw_title(cols, buf, LKM_ROLE_ALERT);
		return;
	}
	if (app->line_pane == LKM_PANE_INTERRUPTS) {
		const struct lkm_irq *irq = &s->interrupts.v[item];
		struct lkm_irq_affinity a;
		struct lkm_cpuset online;
		unsigned n;

		snprintf(buf, sizeof(buf), _("Interrupt %s: %s"), irq->label,
			 irq->description);
		draw_title(cols, buf, LKM_ROLE_HEADER);
		snprintf(val, sizeof(val), _("%" PRIu64 " since boot"), irq->total);
		line_field(&y, bottom, cols, _("total"), val);
		if (app->rates.seconds > 0 && item < s->interrupts.n) {
			rate_text(app, app->rates.irq_total[item], val, sizeof(val));
			line_field(&y, bottom, cols, _("rate"), val);
		}
		if (lkm_irq_number(irq->label, &n) &&
		    lkm_irq_affinity_read(app->root, n, &a) == 0) {
			snprintf(val, sizeof(val),
				 _("%s  (the CPUs it may be delivered to)"), a.affinity);
			line_field(&y, bottom, cols, _("affinity"), val);
			snprintf(val, sizeof(val),
				 _("%s  (where the controller delivers it now)"),
				 a.effective_err ? _("not shown by this kernel")
						 : a.effective);
			line_field(&y, bottom, cols, _("effective"), val);
		} else {
			line_field(&y, bottom, cols, _("affinity"),
				   _("none: it runs on every CPU (no /proc/irq entry)"));
		}
		if (lkm_cpus_online(app->root, &online) == 0) {
			lkm_cpuset_format(&online, val, sizeof(val));
			line_field(&y, bottom, cols, _("online CPUs"), val);
		}
	} else {
		const struct lkm_netif *nif = &s->netdev.v[item];

		snprintf(buf, sizeof(buf), _("Interface %s"), nif->name);
		draw_title(cols, buf, LKM_ROLE_HEADER);
		snprintf(val, sizeof(val), _("%s in %" PRIu64 " packets"),
			 lkm_human_bytes(nif->c[LKM_RX_BYTES], num, sizeof(num)),
			 nif->c[LKM_RX_PACKETS]);
		line_field(&y, bottom, cols, _("received"), val);
		snprintf(val, sizeof(val), _("%s in %" PRIu64 " packets"),
			 lkm_human_bytes(nif->c[LKM_TX_BYTES], num, sizeof(num)),
			 nif->c[LKM_TX_PACKETS]);
		line_field(&y, bottom, cols, _("sent"), val);
		if (app->rates.seconds > 0 && item < s->netdev.n) {
			char tx[48];

			rate_text(app, app->rates.net[item][LKM_RX_BYTES], val,
				  sizeof(val));
			rate_text(app, app->rates.net[item][LKM_TX_BYTES], tx,
				  sizeof(tx));
			snprintf(buf, sizeof(buf), _("%s in, %s out"), val, tx);
			line_field(&y, bottom, cols, _("rate"), buf);
		}
	}
	y++;
	if (app->line_pane == LKM_PANE_INTERRUPTS) {
		draw_graph(app, &y, bottom, cols,
			   _("Interrupts per second, the last minute:"), &app->irq_hist,
			   GRAPH_ROWS);
		return;
	}
	/* Received and sent, each with its own scale: a busy direction does not flatten
	 * the other. Two graphs share the rows below the numbers. */
	rows = (bottom - y - 1 - 2 * 2) / 2;
	rows = rows > GRAPH_ROWS ? GRAPH_ROWS : rows;
	draw_graph(app, &y, bottom, cols,
		   _("Bytes per second received, the last minute:"), &app->net_rx_hist,
		   rows);
	y++;
	draw_graph(app, &y, bottom, cols, _("Bytes per second sent, the last minute:"),
		   &app->net_tx_hist, rows);
}

/* The status line of the modes that are not a pane. */
static void draw_mode_status(const struct lkm_tui_app *app, int y, int cols)
{
	const char *text;

	switch (lkm_tui_top(app)) {
	case LKM_SCREEN_DETAIL:
		text = app->session.can_act ? _("Up/Down pick  Enter go  e explain  l "
						"load  u unload  p set  Esc back")
					    : _("Up/Down pick  Enter go  e explain  Esc "
						"back  (look only)");
		break;
	case LKM_SCREEN_TEACH: text = _("any key returns"); break;
	case LKM_SCREEN_LINE:
		text = app->line_pane == LKM_PANE_INTERRUPTS
			       ? _("a change its CPUs  m its module  R refresh  Esc back")
			       : _("m its module  R refresh  Esc back");
		break;
	case LKM_SCREEN_FORM:
		text = app->form.what == LKM_INPUT_LOAD_NAME
			       ? _("Enter next  Tab complete  Esc cancel")
			       : _("Enter next  Esc cancel");
		break;
	case LKM_SCREEN_CONFIRM: text = _("y/Enter do it  n/Esc cancel"); break;
	default:
		text = app->fix_ok ? _("f run the fix  Up/Down scroll  other keys return")
				   : _("Up/Down scroll  other keys return");
		break;
	}
	fill_line(y, cols, attr_of(LKM_ROLE_STATUS));
	put(y, 0, cols, app->message[0] ? app->message : text, false,
	    attr_of(LKM_ROLE_STATUS) | (app->message[0] ? A_BOLD : 0));
}

void lkm_tui_draw(const struct lkm_tui_app *app)
{
	const struct lkm_view *v = &app->views[app->pane];
	enum lkm_tui_screen_id top = lkm_tui_top(app);
	size_t first = app->stack.n - 1;
	int lines, cols, strip, bottom;

	getmaxyx(stdscr, lines, cols);
	attrset(A_NORMAL);
	erase();
	curs_set(top == LKM_SCREEN_FILTER || top == LKM_SCREEN_FORM ? 1 : 0);
	if (lines < 4 || cols < 20) {
		mvaddnstr(0, 0, _("Terminal too small"), cols);
		return;
	}
	if (lkm_tui_screen_ops(top)->layer == LKM_LAYER_FULL) {
		lkm_tui_screen_ops(top)->draw(app, lines, cols);
		return;
	}
	strip = lkm_tui_strip_rows(app);
	bottom = lines - 1 - strip;
	draw_tabs(app, cols);
	/* The screen on top, over what it overlays (the teach box over a detail). */
	while (first > 0 &&
	       lkm_tui_screen_ops(app->stack.v[first].id)->layer == LKM_LAYER_OVERLAY)
		first--;
	for (size_t i = first; i < app->stack.n; i++) {
		const struct lkm_tui_screen_ops *ops =
			lkm_tui_screen_ops(app->stack.v[i].id);

		if (ops->draw)
			ops->draw(app, bottom, cols);
	}
	draw_strip(app, bottom, strip, cols);
	if (top == LKM_SCREEN_PANES || top == LKM_SCREEN_FILTER)
		draw_status(app, v, lines - 1, cols);
	else
		draw_mode_status(app, lines - 1, cols);
	attrset(A_NORMAL);
	if (top == LKM_SCREEN_FORM) {
		/* The cursor goes back where the input ends (the drawing above moved it).
		 */
		draw_input_cursor(app, cols);
	}
}
