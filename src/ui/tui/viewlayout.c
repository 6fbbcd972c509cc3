// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <string.h>

#include "ui/tui/view.h"

/* Where a pane's columns go on a screen of a given width, and the per-CPU counts
 * scrolled across it (view.h). */

static bool is_flex(const struct lkm_view *v, int col)
{
	return lkm_view_colinfo(v, col)->flags & (LKM_COL_WRAP | LKM_COL_TRUNC);
}

static bool is_counts(const struct lkm_view *v, int col)
{
	return v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_COUNTS;
}

/*
 * Columns go from the right until the rest fits, but a column that says what the row is
 * (LKM_COL_NAME: a module's name, an interrupt line's description) stays while another
 * can go: a dropped column in the middle keeps its place with no width. Returns the
 * width left.
 */
static int drop_columns(const struct lkm_view *v, struct lkm_view_layout *l, int total,
			int cols)
{
	for (size_t c = l->ncols; total > cols && c-- > 1;) {
		/* Kept too: the per-CPU counts the user scrolled to as numbers. */
		if ((lkm_view_colinfo(v, v->cols[c])->flags & LKM_COL_NAME) ||
		    (is_counts(v, v->cols[c]) && v->cpu_numbers))
			continue;
		total -= l->w[c] + 1;
		l->w[c] = 0;
	}
	/* Still too wide: the names go too, from the right, the first column last. */
	for (size_t c = l->ncols; total > cols && c-- > 1;) {
		if (l->w[c] == 0)
			continue;
		total -= l->w[c] + 1;
		l->w[c] = 0;
	}
	while (l->ncols > 1 && l->w[l->ncols - 1] == 0)
		l->ncols--;
	return total;
}

void lkm_view_layout(const struct lkm_view *v, int cols, int x0,
		     struct lkm_view_layout *l)
{
	int total = LKM_VIEW_GUTTER, min_flex = 12;
	size_t maxdepth = 0;

	memset(l, 0, sizeof(*l));
	if (v->tree)
		for (size_t r = 0; r < v->nrows; r++)
			if (v->rows[r].depth > maxdepth)
				maxdepth = v->rows[r].depth;
	l->tree_w = (int)maxdepth * 2;
	for (size_t c = 0; c < v->ncols; c++) {
		int hw = (int)strlen(lkm_view_colinfo(v, v->cols[c])->id) + 1;

		l->w[c] = (int)v->width[c];
		if (c == 0)
			l->w[c] += l->tree_w;
		if (l->w[c] < hw)
			l->w[c] = hw;
		total += l->w[c] + (c ? 1 : 0);
	}
	for (size_t c = v->ncols; c-- > 0 && total > cols;) {
		int want;

		if (is_counts(v, v->cols[c]) && v->cpu_numbers) {
			/* Scrolled: as many whole CPU columns as the rest leaves, one at
			 * least. */
			size_t step = v->cpu_width + 1, fit;
			int room = l->w[c] - (total - cols);

			fit = room > 0 ? ((size_t)room + 1) / step : 0;
			if (fit < 1)
				fit = 1;
			want = (int)(fit * step - 1);
			l->cpu_shown = fit;
		} else if (is_counts(v, v->cols[c])) {
			/* One character per CPU, and fewer when even that does not fit.
			 */
			want = (int)v->n_cpus < 40 ? (int)v->n_cpus : 40;
			if (want < 7)
				want = 7;
			l->spark = true;
		} else if (is_flex(v, v->cols[c])) {
			/* What says what the row is keeps enough to read. */
			want = lkm_view_colinfo(v, v->cols[c])->flags & LKM_COL_NAME
				       ? 20
				       : min_flex;
		} else {
			continue;
		}
		if (l->w[c] > want) {
			int cut = l->w[c] - want < total - cols ? l->w[c] - want
								: total - cols;

			if (is_counts(v, v->cols[c]))
				cut = l->w[c] - want;
			l->w[c] -= cut;
			total -= cut;
		}
	}
	/* Still too wide: the condensed counts fold further (more CPUs a character)
	 * before any column goes. */
	for (size_t c = 0; c < v->ncols && total > cols && l->spark; c++)
		if (is_counts(v, v->cols[c]) && l->w[c] > 7) {
			int cut = l->w[c] - 7 < total - cols ? l->w[c] - 7 : total - cols;

			l->w[c] -= cut;
			total -= cut;
		}
	if (!l->spark && l->cpu_shown == 0)
		l->cpu_shown = v->n_cpus; /* they all fit */
	if (l->cpu_shown < v->n_cpus)
		l->cpu_first = v->cpu_first < v->n_cpus - l->cpu_shown
				       ? v->cpu_first
				       : v->n_cpus - l->cpu_shown;
	l->ncols = v->ncols;
	total = drop_columns(v, l, total, cols);
	if (total > cols) /* a very narrow screen: cut the first column too */
		l->w[0] -= total - cols;
	if (total < cols) {
		for (size_t c = l->ncols; c-- > 0;)
			if (is_flex(v, v->cols[c]) && l->w[c] > 0) {
				l->w[c] += cols - total;
				break;
			}
	}
	for (size_t c = 0, x = (size_t)x0 + LKM_VIEW_GUTTER; c < l->ncols; c++) {
		l->x[c] = (int)x;
		if (l->w[c] > 0)
			x += (size_t)l->w[c] + 1;
	}
}

bool lkm_view_cpu_scroll(struct lkm_view *v, long delta, int cols)
{
	struct lkm_view_layout l;

	if (v->pane != LKM_PANE_INTERRUPTS)
		return false;
	lkm_view_layout(v, cols, 0, &l);
	if (!l.spark && !v->cpu_numbers)
		return false; /* every CPU's count is on the screen */
	if (delta < 0 && !v->cpu_numbers)
		return true; /* the condensed form is the leftmost */
	if (delta < 0 && v->cpu_first == 0) {
		v->cpu_numbers = false;
		return true;
	}
	if (delta > 0 && !v->cpu_numbers) {
		v->cpu_numbers = true;
		v->cpu_first = 0;
		return true;
	}
	if (delta == LKM_VIEW_CPU_PAGE || delta == -LKM_VIEW_CPU_PAGE)
		delta = delta < 0 ? -(long)l.cpu_shown : (long)l.cpu_shown;
	/* From where it shows (a resize may have clamped it), never past the last CPU. */
	v->cpu_first = l.cpu_first;
	if (delta < 0)
		v->cpu_first =
			(size_t)-delta > v->cpu_first ? 0 : v->cpu_first - (size_t)-delta;
	else
		v->cpu_first += (size_t)delta;
	if (v->cpu_first > v->n_cpus - l.cpu_shown)
		v->cpu_first = v->n_cpus - l.cpu_shown;
	return true;
}
