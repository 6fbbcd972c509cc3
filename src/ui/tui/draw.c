// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/handlers.h"

#define CELL_MAX 4096
#define GUTTER 2 /* '>' for the cursor, '+' for a new item */

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
		[LKM_ROLE_TAB_ACTIVE] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN, A_BOLD },
		[LKM_ROLE_HEADER] = { A_BOLD | A_UNDERLINE, COLOR_BLACK, COLOR_GREEN, A_NORMAL },
		[LKM_ROLE_HEADER_SORT] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN, A_BOLD },
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

static void fill_line(int y, int cols, attr_t attr)
{
	attrset(attr);
	mvhline(y, 0, ' ', cols);
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

struct layout {
	int x[LKM_VIEW_MAX_COLS];
	int w[LKM_VIEW_MAX_COLS];
	size_t ncols;      /* columns that fit, from the left */
	bool spark;        /* interrupts: per-CPU counts condensed to one character each */
	int tree_w;        /* cells of tree branches before the name */
};

static const struct lkm_colinfo *colinfo(const struct lkm_view *v, int col)
{
	size_t n;

	return &lkm_columns(v->pane, &n)[col];
}

static bool is_flex(const struct lkm_view *v, int col)
{
	return colinfo(v, col)->flags & (LKM_COL_WRAP | LKM_COL_TRUNC);
}

static bool is_counts(const struct lkm_view *v, int col)
{
	return v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_COUNTS;
}

/*
 * Column widths for COLS cells: natural widths (header + sort mark, or the widest cell);
 * too wide, the flexible columns (lists, descriptions) shrink, per-CPU counts condense,
 * then columns drop from the right; the last flexible column takes what is left.
 */
static void lay_out(const struct lkm_view *v, int cols, struct layout *l)
{
	int total = GUTTER, min_flex = 12;
	size_t maxdepth = 0;

	memset(l, 0, sizeof(*l));
	if (v->tree)
		for (size_t r = 0; r < v->nrows; r++)
			if (v->rows[r].depth > maxdepth)
				maxdepth = v->rows[r].depth;
	l->tree_w = (int)maxdepth * 2;
	for (size_t c = 0; c < v->ncols; c++) {
		int hw = (int)strlen(colinfo(v, v->cols[c])->id) + 1;

		l->w[c] = (int)v->width[c];
		if (c == 0)
			l->w[c] += l->tree_w;
		if (l->w[c] < hw)
			l->w[c] = hw;
		total += l->w[c] + (c ? 1 : 0);
	}
	for (size_t c = v->ncols; c-- > 0 && total > cols;) {
		int want;

		if (is_counts(v, v->cols[c])) {
			/* One character per CPU, and fewer when even that does not fit. */
			want = (int)v->n_cpus < 40 ? (int)v->n_cpus : 40;
			if (want < 7)
				want = 7;
			l->spark = true;
		} else if (is_flex(v, v->cols[c])) {
			want = min_flex;
		} else {
			continue;
		}
		if (l->w[c] > want) {
			int cut = l->w[c] - want < total - cols ? l->w[c] - want : total - cols;

			if (is_counts(v, v->cols[c]))
				cut = l->w[c] - want;
			l->w[c] -= cut;
			total -= cut;
		}
	}
	l->ncols = v->ncols;
	while (total > cols && l->ncols > 1) {
		l->ncols--;
		total -= l->w[l->ncols] + 1;
	}
	if (total > cols) /* a very narrow screen: cut the first column too */
		l->w[0] -= total - cols;
	if (total < cols) {
		for (size_t c = l->ncols; c-- > 0;)
			if (is_flex(v, v->cols[c])) {
				l->w[c] += cols - total;
				break;
			}
	}
	for (size_t c = 0, x = GUTTER; c < l->ncols; c++) {
		l->x[c] = (int)x;
		x += (size_t)l->w[c] + 1;
	}
}

static void draw_header(const struct lkm_tui_app *app, const struct lkm_view *v,
			const struct layout *l, int cols)
{
	fill_line(LKM_TUI_HEADER_Y, cols, attr_of(LKM_ROLE_HEADER));
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
			/* One header per CPU, over its counts, as /proc/interrupts has it. */
			const struct lkm_interrupts *irqs = &v->snap->interrupts;
			size_t len = 0;
			char cpus[CELL_MAX];

			cpus[0] = '\0';
			for (size_t k = 0; k < irqs->n_cpus && len < sizeof(cpus); k++)
				len += (size_t)snprintf(cpus + len, sizeof(cpus) - len, "%s%*s",
							k ? " " : "", (int)v->cpu_width,
							irqs->cpus[k]);
			put(LKM_TUI_HEADER_Y, l->x[c], l->w[c], cpus, false,
			    attr_of(LKM_ROLE_HEADER));
			continue;
		}
		if (is_counts(v, v->cols[c]))
			snprintf(text, sizeof(text), "CPU0-%zu", v->n_cpus ? v->n_cpus - 1 : 0);
		else
			snprintf(text, sizeof(text), "%s%s", ci->id, mark);
		if (app->utf8 && sorted) {
			/* The arrow is 3 bytes for 1 cell: pad by hand. */
			int w = l->w[c], len = (int)strlen(ci->id) + 1;

			attrset(attr_of(LKM_ROLE_HEADER_SORT));
			if (right && len < w) {
				mvhline(LKM_TUI_HEADER_Y, l->x[c], ' ', w - len);
				mvaddstr(LKM_TUI_HEADER_Y, l->x[c] + w - len, text);
			} else {
				mvaddstr(LKM_TUI_HEADER_Y, l->x[c], text);
				if (len < w)
					mvhline(LKM_TUI_HEADER_Y, l->x[c] + len, ' ', w - len);
			}
			continue;
		}
		put(LKM_TUI_HEADER_Y, l->x[c], l->w[c], text, right,
		    attr_of(sorted ? LKM_ROLE_HEADER_SORT : LKM_ROLE_HEADER));
	}
}

/* Per-CPU counts: aligned numbers, or one character per CPU (or per group of CPUs). */
static void draw_counts(const struct lkm_tui_app *app, const struct lkm_view *v,
			const struct layout *l, size_t c, int y, size_t item, attr_t attr)
{
	static const char levels[] = " .:-=+*#%@";
	const struct lkm_irq *irq = &v->snap->interrupts.v[item];
	const struct lkm_rates *rt = v->rates;
	bool use_rates = rt && rt->seconds > 0;
	char buf[CELL_MAX];
	size_t len = 0;

	if (!l->spark) {
		for (size_t k = 0; k < irq->n_counts && len + 1 < sizeof(buf); k++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%*" PRIu64,
						k ? " " : "", (int)v->cpu_width, irq->counts[k]);
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
			for (size_t k = b * per; k < (b + 1) * per && k < irq->n_counts; k++) {
				double x = use_rates ? rt->irq_cpu[item * rt->irq_cpu_stride + k]
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
				lv = 1 + (int)((val[b] / max) * (double)(sizeof(levels) - 3) + 0.5);
			if (lv > (int)sizeof(levels) - 2)
				lv = (int)sizeof(levels) - 2;
			buf[b] = levels[lv];
		}
		buf[nb < sizeof(buf) ? nb : sizeof(buf) - 1] = '\0';
		put(y, l->x[c], l->w[c], buf, false, attr);
	}
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
		len += (size_t)snprintf(buf + len, size > len ? size - len : 0, "%s",
					row->more & (1u << d) ? (app->utf8 ? "\u2502 " : "| ")
							      : "  ");
	snprintf(buf + len, size > len ? size - len : 0, "%s",
		 row->last ? (app->utf8 ? "\u2514\u2500" : "`-")
			   : (app->utf8 ? "\u251c\u2500" : "|-"));
}

static void draw_row(const struct lkm_tui_app *app, const struct lkm_view *v,
		     const struct layout *l, size_t r, int y, int cols, char *cell)
{
	const struct lkm_view_row *row = &v->rows[r];
	bool at_cursor = r == v->cursor;
	attr_t base = attr_of(at_cursor ? LKM_ROLE_CURSOR : row->is_new ? LKM_ROLE_NEW
									  : LKM_ROLE_NORMAL);

	if (row->item == LKM_VIEW_SEPARATOR) {
		attrset(attr_of(LKM_ROLE_DIVIDER));
		if (app->utf8) {
			move(y, 0);
			for (int x = 0; x < cols; x++)
				addstr("\u2500");
		} else {
			mvhline(y, 0, '-', cols);
		}
		return;
	}
	fill_line(y, cols, base);
	put(y, 0, 1, at_cursor ? ">" : " ", false, base);
	put(y, 1, 1, row->is_new ? "+" : " ", false, base);
	for (size_t c = 0; c < l->ncols; c++) {
		int col = v->cols[c];
		const struct lkm_colinfo *ci = colinfo(v, col);
		attr_t attr = base;

		if (is_counts(v, col)) {
			draw_counts(app, v, l, c, y, row->item, base);
			continue;
		}
		if (!at_cursor && is_alert_cell(v, col, row->item))
			attr = attr_of(LKM_ROLE_ALERT);
		else if (at_cursor && is_alert_cell(v, col, row->item))
			attr = base | A_BOLD;
		if (c == 0 && v->tree) {
			char prefix[2 * LKM_VIEW_MAX_DEPTH * 3 + 8];
			char text[CELL_MAX];

			tree_prefix(app, row, prefix, sizeof(prefix));
			lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",", cell, CELL_MAX);
			if (app->utf8) {
				/* Box-drawing characters are 3 bytes for 1 cell. */
				attrset(attr);
				mvaddstr(y, l->x[c], prefix);
				put(y, l->x[c] + (int)row->depth * 2, l->w[c] - (int)row->depth * 2,
				    cell, false, attr);
				continue;
			}
			snprintf(text, sizeof(text), "%s%s", prefix, cell);
			put(y, l->x[c], l->w[c], text, false, attr);
			continue;
		}
		lkm_cell(v->pane, col, v->snap, v->rates, row->item, ",", cell, CELL_MAX);
		put(y, l->x[c], l->w[c], cell, ci->flags & LKM_COL_RIGHT, attr);
	}
}

static const char *pane_source(enum lkm_pane pane)
{
	static const char *const paths[LKM_PANE_COUNT] = {
		"/proc/modules", "/proc/devices", "/proc/interrupts", "/proc/net/dev",
	};

	return paths[pane];
}

/* A paragraph at row Y, wrapped at word boundaries to COLS; returns the next row. */
static int draw_paragraph(int y, int maxy, int cols, const char *text, attr_t attr)
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
		mvaddnstr(y++, 1, p, cut);
		p += cut;
		while (*p == ' ')
			p++;
	}
	return y;
}

static void draw_body(const struct lkm_tui_app *app, const struct lkm_view *v, int lines,
		      int cols)
{
	int err = lkm_view_source_error(v);
	struct layout l;
	char *cell;
	char msg[512];

	if (v->pane == LKM_PANE_MODULES && err == -ENOENT) {
		draw_paragraph(LKM_TUI_LIST_Y + 1, lines - 1, cols,
			       _("This kernel has no loadable-module support (no /proc/modules), "
				 "so there are no modules to show; the Devices, Interrupts and "
				 "Network panes still work."),
			       attr_of(LKM_ROLE_NOTICE));
		return;
	}
	if (err < 0) {
		snprintf(msg, sizeof(msg), _("Cannot read %s: %s."), pane_source(v->pane),
			 strerror(-err));
		draw_paragraph(LKM_TUI_LIST_Y + 1, lines - 1, cols, msg, attr_of(LKM_ROLE_NOTICE));
		return;
	}
	lay_out(v, cols, &l);
	draw_header(app, v, &l, cols);
	if (v->nrows == 0) {
		if (v->filter[0])
			snprintf(msg, sizeof(msg), _("Nothing matches '%s' (Esc clears the filter)."),
				 v->filter);
		else
			snprintf(msg, sizeof(msg), _("%s is empty."), pane_source(v->pane));
		draw_paragraph(LKM_TUI_LIST_Y + 1, lines - 1, cols, msg, attr_of(LKM_ROLE_NOTICE));
		return;
	}
	cell = malloc(CELL_MAX);
	if (cell == NULL)
		return;
	for (size_t r = v->top; r < v->nrows && (int)(r - v->top) + LKM_TUI_LIST_Y < lines - 1;
	     r++)
		draw_row(app, v, &l, r, LKM_TUI_LIST_Y + (int)(r - v->top), cols, cell);
	free(cell);
}

static int pane_count_text(enum lkm_pane pane, size_t n, char *buf, size_t size)
{
	switch (pane) {
	case LKM_PANE_MODULES: return snprintf(buf, size, ngettext("%zu module", "%zu modules", n), n);
	case LKM_PANE_DEVICES:
		return snprintf(buf, size, ngettext("%zu device major", "%zu device majors", n), n);
	case LKM_PANE_INTERRUPTS:
		return snprintf(buf, size, ngettext("%zu interrupt line", "%zu interrupt lines", n),
				n);
	default: return snprintf(buf, size, ngettext("%zu interface", "%zu interfaces", n), n);
	}
}

static void draw_status(const struct lkm_tui_app *app, const struct lkm_view *v, int y,
			int cols)
{
	char left[512], right[128];
	size_t len = 0, total = v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
	int rw;

	fill_line(y, cols, attr_of(LKM_ROLE_STATUS));
	if (app->mode == LKM_MODE_FILTER) {
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
	snprintf(right, sizeof(right), _("every %gs  ? help  q quit"), app->interval);
	rw = (int)strlen(right);
	if (lkm_view_source_error(v) < 0) {
		if (v->pane == LKM_PANE_MODULES && lkm_view_source_error(v) == -ENOENT)
			snprintf(left, sizeof(left), "%s", _("no loadable-module support"));
		else
			snprintf(left, sizeof(left), _("%s unreadable"), pane_source(v->pane));
		put(y, 0, cols, left, false, attr_of(LKM_ROLE_STATUS));
		if ((int)strlen(left) + rw + 2 <= cols)
			put(y, cols - rw - 1, rw, right, false, attr_of(LKM_ROLE_STATUS));
		return;
	}
	if (v->filter[0])
		len += (size_t)snprintf(left + len, sizeof(left) - len, _("%zu of "), v->nshown);
	len += (size_t)pane_count_text(v->pane, total, left + len, sizeof(left) - len);
	if (v->filter[0] && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, _(" match '%s'"), v->filter);
	if (len < sizeof(left)) {
		if (v->sort_col >= 0)
			len += (size_t)snprintf(left + len, sizeof(left) - len,
						v->sort_desc ? _(" | sorted by %s, descending")
							     : _(" | sorted by %s"),
						colinfo(v, v->sort_col)->id);
		else
			len += (size_t)snprintf(left + len, sizeof(left) - len, "%s",
						_(" | in the kernel's order"));
	}
	if (v->tree && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, "%s", _(" | tree"));
	if (v->ngone && len < sizeof(left))
		len += (size_t)snprintf(left + len, sizeof(left) - len, _(" | gone: %s"), v->gone);
	put(y, 0, cols, left, false, attr_of(LKM_ROLE_STATUS));
	if ((int)(len < sizeof(left) ? len : sizeof(left)) + rw + 2 <= cols)
		put(y, cols - rw - 1, rw, right, false, attr_of(LKM_ROLE_STATUS));
}

static void draw_help(const struct lkm_tui_app *app, int lines, int cols)
{
	size_t n = lkm_tui_help_lines(app);
	char buf[512];

	for (int y = 0; y < lines - 1; y++) {
		size_t i = app->help_top + (size_t)y;

		fill_line(y, cols, attr_of(LKM_ROLE_NORMAL));
		if (i >= n)
			continue;
		lkm_tui_help_line(app, i, buf, sizeof(buf));
		put(y, 0, cols, buf, false, attr_of(i == 0 ? LKM_ROLE_NOTICE : LKM_ROLE_NORMAL));
	}
	fill_line(lines - 1, cols, attr_of(LKM_ROLE_STATUS));
	put(lines - 1, 0, cols, _("Help: any key returns"), false, attr_of(LKM_ROLE_STATUS));
}

void lkm_tui_draw(const struct lkm_tui_app *app)
{
	const struct lkm_view *v = &app->views[app->pane];
	int lines, cols;

	getmaxyx(stdscr, lines, cols);
	attrset(A_NORMAL);
	erase();
	curs_set(app->mode == LKM_MODE_FILTER ? 1 : 0);
	if (lines < 4 || cols < 20) {
		mvaddnstr(0, 0, _("Terminal too small"), cols);
		return;
	}
	if (app->mode == LKM_MODE_HELP) {
		draw_help(app, lines, cols);
		return;
	}
	draw_tabs(app, cols);
	draw_body(app, v, lines, cols);
	draw_status(app, v, lines - 1, cols);
	attrset(A_NORMAL);
}
