// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/sparkline.h"
#include "ui/tui/view.h"
#include "ui/tui/scroll.h"

#define CELL_MAX 4096

struct lkm_view_sortkey {
	double num;
	bool has_num;
	char text[64];
};

/* What each pane shows, in order: chosen from the shared column model, never defined
 * here. */
static const int module_cols[] = {
	LKM_MODCOL_NAME,  LKM_MODCOL_SIZE,  LKM_MODCOL_USECOUNT, LKM_MODCOL_USEDBY,
	LKM_MODCOL_STATE, LKM_MODCOL_FLAGS, LKM_MODCOL_TAINTS,
};
static const int device_cols[] = { LKM_DEVCOL_TYPE, LKM_DEVCOL_MAJOR, LKM_DEVCOL_NAME };
static const int irq_cols[] = {
	LKM_IRQCOL_IRQ,	    LKM_IRQCOL_TOTAL,	    LKM_IRQCOL_RATE,
	LKM_IRQCOL_HISTORY, LKM_IRQCOL_AFFINITY,    LKM_IRQCOL_EFFECTIVE,
	LKM_IRQCOL_COUNTS,  LKM_IRQCOL_DESCRIPTION,
};
static const int net_cols[] = {
	LKM_NETCOL_IFACE,
	LKM_NETCOL_RX_BYTES_RATE,
	LKM_NETCOL_RX_PACKETS_RATE,
	LKM_NETCOL_TX_BYTES_RATE,
	LKM_NETCOL_TX_PACKETS_RATE,
	LKM_NETCOL_HISTORY,
	LKM_NETCOL_FIRST_COUNTER + LKM_RX_ERRS,
	LKM_NETCOL_FIRST_COUNTER + LKM_RX_DROP,
	LKM_NETCOL_FIRST_COUNTER + LKM_TX_ERRS,
	LKM_NETCOL_FIRST_COUNTER + LKM_TX_DROP,
	LKM_NETCOL_FIRST_COUNTER + LKM_RX_BYTES,
	LKM_NETCOL_FIRST_COUNTER + LKM_RX_PACKETS,
	LKM_NETCOL_FIRST_COUNTER + LKM_TX_BYTES,
	LKM_NETCOL_FIRST_COUNTER + LKM_TX_PACKETS,
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

bool lkm_view_is_history(const struct lkm_view *v, int col)
{
	return (v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_HISTORY) ||
	       (v->pane == LKM_PANE_NETDEV && col == LKM_NETCOL_HISTORY);
}

void lkm_view_init(struct lkm_view *v, enum lkm_pane pane)
{
	const int *cols = module_cols;
	size_t n = ARRAY_SIZE(module_cols);

	memset(v, 0, sizeof(*v));
	v->pane = pane;
	v->sort_col = -1;
	switch (pane) {
	case LKM_PANE_DEVICES:
		cols = device_cols;
		n = ARRAY_SIZE(device_cols);
		break;
	case LKM_PANE_INTERRUPTS:
		cols = irq_cols;
		n = ARRAY_SIZE(irq_cols);
		/* irqtop's habit: the busiest lines first. */
		v->sort_col = LKM_IRQCOL_RATE;
		v->sort_desc = true;
		break;
	case LKM_PANE_NETDEV:
		cols = net_cols;
		n = ARRAY_SIZE(net_cols);
		break;
	default: break;
	}
	memcpy(v->cols, cols, n * sizeof(*cols));
	v->ncols = n;
}

void lkm_view_release(struct lkm_view *v)
{
	free(v->rows);
	free(v->prev_keys);
	free(v->prev_index);
	free(v->is_new);
	free(v->keys);
	free(v->index);
	free(v->scratch);
	memset(v, 0, sizeof(*v));
}

int lkm_view_source_error(const struct lkm_view *v)
{
	if (v->snap == NULL)
		return 0;
	switch (v->pane) {
	case LKM_PANE_MODULES: return v->snap->modules_err;
	case LKM_PANE_DEVICES: return v->snap->devices_err;
	case LKM_PANE_INTERRUPTS: return v->snap->interrupts_err;
	case LKM_PANE_NETDEV: return v->snap->netdev_err;
	default: return 0;
	}
}

static size_t item_count(const struct lkm_view *v)
{
	return v->snap ? lkm_pane_rows(v->pane, v->snap) : 0;
}

void lkm_view_item_key(const struct lkm_view *v, size_t item, char *buf, size_t size)
{
	const struct lkm_snapshot *s = v->snap;

	buf[0] = '\0';
	if (item >= item_count(v))
		return;
	switch (v->pane) {
	case LKM_PANE_MODULES: snprintf(buf, size, "%s", s->modules.v[item].name); break;
	case LKM_PANE_DEVICES:
		snprintf(buf, size, "%c:%u:%s",
			 s->devices.v[item].kind == LKM_DEV_CHAR ? 'c' : 'b',
			 s->devices.v[item].major, s->devices.v[item].name);
		break;
	case LKM_PANE_INTERRUPTS:
		snprintf(buf, size, "%s", s->interrupts.v[item].label);
		break;
	case LKM_PANE_NETDEV: snprintf(buf, size, "%s", s->netdev.v[item].name); break;
	default: break;
	}
}

static int reserve(void **p, size_t *cap, size_t n, size_t elem)
{
	void *q;

	if (n <= *cap)
		return 0;
	if (n < 16)
		n = 16;
	q = realloc(*p, n * elem);
	if (q == NULL)
		return -ENOMEM;
	*p = q;
	*cap = n;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool in_sorted(const char **index, size_t n, const char *key)
{
	return n && bsearch(&key, index, n, sizeof(*index), cmp_str) != NULL;
}

static void add_gone(struct lkm_view *v, const char *key)
{
	size_t len = strlen(v->gone);

	v->ngone++;
	if (len)
		snprintf(v->gone + len, sizeof(v->gone) - len, ", %s", key);
	else
		snprintf(v->gone, sizeof(v->gone), "%s", key);
}

int lkm_view_refresh(struct lkm_view *v, const struct lkm_snapshot *snap,
		     const struct lkm_rates *rates)
{
	size_t n, len = 0, bufsize = 0;
	char *arena, *p;
	const char **index;

	v->snap = snap;
	v->rates = rates;
	n = item_count(v);
	/* The keys, one after the other, into scratch kept from the last refresh. */
	for (size_t i = 0; i < n; i++) {
		if (len + 256 > v->scratch_cap &&
		    reserve((void **)&v->scratch, &v->scratch_cap, 2 * (len + 256), 1) <
			    0)
			return -ENOMEM;
		lkm_view_item_key(v, i, v->scratch + len, 256);
		len += strlen(v->scratch + len) + 1;
	}
	bufsize = len;
	if (reserve((void **)&v->is_new, &v->is_new_cap, n, sizeof(*v->is_new)) < 0)
		return -ENOMEM;
	/* An idle refresh: the same items in the same order. Nothing is new, nothing
	 * went, and nothing needs sorting or allocating. */
	if (v->have_prev && lkm_view_source_error(v) == 0 && bufsize == v->prev_len &&
	    n == v->prev_n && memcmp(v->scratch, v->prev_keys, bufsize) == 0) {
		memset(v->is_new, 0, n * sizeof(*v->is_new));
		v->gone[0] = '\0';
		v->ngone = 0;
		return lkm_view_rebuild(v);
	}
	len = 0;
	arena = malloc(bufsize ? bufsize : 1);
	index = malloc((n ? n : 1) * sizeof(*index));
	if (arena == NULL || index == NULL) {
		free(arena);
		free(index);
		return -ENOMEM;
	}
	if (bufsize)
		memcpy(arena, v->scratch, bufsize);
	p = arena;
	for (size_t i = 0; i < n; i++) {
		index[i] = p;
		v->is_new[i] = v->have_prev && !in_sorted(v->prev_index, v->prev_n, p);
		len += strlen(p) + 1;
		p = arena + len;
	}
	if (n > 1)
		qsort(index, n, sizeof(*index), cmp_str);
	v->gone[0] = '\0';
	v->ngone = 0;
	if (v->have_prev)
		for (size_t i = 0; i < v->prev_n; i++)
			if (!in_sorted(index, n, v->prev_index[i]))
				add_gone(v, v->prev_index[i]);
	free(v->prev_keys);
	free(v->prev_index);
	v->prev_keys = arena;
	v->prev_len = len;
	v->prev_index = index;
	v->prev_n = n;
	/* A source that could not be read marks nothing new when it comes back. */
	v->have_prev = lkm_view_source_error(v) == 0;
	return lkm_view_rebuild(v);
}

const struct lkm_colinfo *lkm_view_colinfo(const struct lkm_view *v, int col)
{
	size_t n;
	const struct lkm_colinfo *cols = lkm_columns(v->pane, &n);

	return col >= 0 && (size_t)col < n ? &cols[col] : NULL;
}

static bool is_numeric(const struct lkm_view *v, int col)
{
	const struct lkm_colinfo *ci = lkm_view_colinfo(v, col);

	return ci && (ci->flags & (LKM_COL_RIGHT | LKM_COL_RATE));
}

static int cmp_items(const struct lkm_view *v, size_t a, size_t b)
{
	const struct lkm_view_sortkey *ka = &v->keys[a], *kb = &v->keys[b];
	int r = 0;

	if (v->sort_col >= 0) {
		if (ka->has_num && kb->has_num)
			r = (ka->num > kb->num) - (ka->num < kb->num);
		else if (ka->has_num != kb->has_num)
			r = ka->has_num ? 1 : -1; /* an empty or word cell sorts as the
						     smallest */
		else
			r = strcmp(ka->text, kb->text);
		if (v->sort_desc)
			r = -r;
	}
	if (r == 0) /* stable: the kernel's order breaks ties */
		r = (a > b) - (a < b);
	return r;
}

static int cmp_rows(const void *pa, const void *pb, void *arg)
{
	const struct lkm_view *v = arg;

	return cmp_items(v, ((const struct lkm_view_row *)pa)->item,
			 ((const struct lkm_view_row *)pb)->item);
}

static int cmp_size_items(const void *pa, const void *pb, void *arg)
{
	return cmp_items(arg, *(const size_t *)pa, *(const size_t *)pb);
}

static bool item_matches(const struct lkm_view *v, size_t item, char *cell)
{
	if (v->filter[0] == '\0')
		return true;
	for (size_t c = 0; c < v->ncols; c++) {
		if (is_numeric(v, v->cols[c]))
			continue;
		lkm_cell(v->pane, v->cols[c], v->snap, v->rates, item, ",",
			 LKM_CELL_HUMAN, cell, CELL_MAX);
		if (strcasestr(cell, v->filter))
			return true;
	}
	return false;
}

static int push_row(struct lkm_view *v, size_t item, unsigned depth, unsigned more,
		    bool last)
{
	struct lkm_view_row *r;

	if (reserve((void **)&v->rows, &v->rows_cap, v->nrows + 1, sizeof(*v->rows)) < 0)
		return -ENOMEM;
	r = &v->rows[v->nrows++];
	r->item = item;
	r->depth = depth;
	r->more = more;
	r->last = last;
	r->is_new = item != LKM_VIEW_SEPARATOR && item < v->is_new_cap && v->have_prev &&
		    v->is_new[item];
	if (item != LKM_VIEW_SEPARATOR)
		v->nitems++;
	return 0;
}

static size_t digits(uint64_t n)
{
	size_t d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Sort keys of every item for the sort column, natural widths, and the CPU count. */
static void measure(struct lkm_view *v, size_t n, char *cell)
{
	const struct lkm_colinfo *info;

	v->cpu_width = 1;
	v->n_cpus = v->pane == LKM_PANE_INTERRUPTS ? v->snap->interrupts.n_cpus : 0;
	for (size_t c = 0; c < v->ncols; c++) {
		info = lkm_view_colinfo(v, v->cols[c]);
		v->width[c] = info ? strlen(info->id) : 0;
		/* Drawn from the TUI's own state: a fixed width, nothing to measure per
		 * row. */
		if (info && (info->flags & LKM_COL_TUI))
			v->width[c] =
				lkm_view_is_history(v, v->cols[c]) ? LKM_SPARK_CELLS : 9;
	}
	for (size_t i = 0; i < n; i++) {
		struct lkm_view_sortkey *k = &v->keys[i];

		if (v->sort_col >= 0) {
			char *end;

			/* Raw: the key is the number, not its rounded human form. */
			lkm_cell(v->pane, v->sort_col, v->snap, v->rates, i, ",",
				 LKM_CELL_RAW, cell, CELL_MAX);
			snprintf(k->text, sizeof(k->text), "%s", cell);
			k->num = strtod(cell, &end);
			k->has_num = is_numeric(v, v->sort_col) && end != cell;
		}
		for (size_t c = 0; c < v->ncols; c++) {
			size_t w;

			if (lkm_view_colinfo(v, v->cols[c])->flags & LKM_COL_TUI)
				continue;
			if (v->pane == LKM_PANE_INTERRUPTS &&
			    v->cols[c] == LKM_IRQCOL_COUNTS) {
				const struct lkm_irq *irq = &v->snap->interrupts.v[i];

				/* The widest count is the largest: one digit count per
				 * line, not one snprintf per CPU (82,000 of them on a
				 * 256-CPU host). */
				uint64_t top = 0;

				for (size_t k2 = 0; k2 < irq->n_counts; k2++)
					if (irq->counts[k2] > top)
						top = irq->counts[k2];
				w = digits(top);
				if (w > v->cpu_width)
					v->cpu_width = w;
				continue;
			}
			lkm_cell(v->pane, v->cols[c], v->snap, v->rates, i, ",",
				 LKM_CELL_HUMAN, cell, CELL_MAX);
			w = strlen(cell);
			if (w > v->width[c])
				v->width[c] = w;
		}
	}
	for (size_t c = 0; c < v->ncols; c++)
		if (v->pane == LKM_PANE_INTERRUPTS && v->cols[c] == LKM_IRQCOL_COUNTS &&
		    v->n_cpus)
			v->width[c] = v->n_cpus * (v->cpu_width + 1) - 1;
}

static int cmp_index_name(const void *pa, const void *pb, void *arg)
{
	const struct lkm_modules *m = arg;

	return lkm_module_name_cmp(m->v[*(const size_t *)pa].name,
				   m->v[*(const size_t *)pb].name);
}

struct tree {
	size_t *start, *count, *child; /* children of i: child[start[i] .. + count[i]] */
	size_t *parents;	       /* how many modules i uses */
	signed char *kept;	       /* -1 unknown, 0 no, 1 yes, 2 being computed */
	bool *emitted;
	size_t path[LKM_VIEW_MAX_DEPTH];
};

static size_t find_module(struct lkm_view *v, const char *name)
{
	const struct lkm_modules *m = &v->snap->modules;
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = lkm_module_name_cmp(name, m->v[v->index[mid]].name);

		if (r == 0)
			return v->index[mid];
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return LKM_VIEW_SEPARATOR;
}

/* Whether I or anything under it passes the filter (what a filtered tree keeps). */
static bool tree_kept(struct lkm_view *v, struct tree *t, size_t i, char *cell)
{
	bool keep;

	if (t->kept[i] >= 0)
		return t->kept[i] == 1; /* 2 (a cycle) counts as not kept */
	t->kept[i] = 2;
	keep = item_matches(v, i, cell);
	for (size_t c = 0; c < t->count[i]; c++)
		if (tree_kept(v, t, t->child[t->start[i] + c], cell))
			keep = true;
	t->kept[i] = keep;
	return keep;
}

static int tree_emit(struct lkm_view *v, struct tree *t, size_t i, unsigned depth,
		     unsigned more, bool last)
{
	size_t nkept = 0, seen = 0;

	for (unsigned d = 0; d < depth; d++)
		if (t->path[d] == i)
			return 0; /* a cycle in used-by: show the module once on this path
				   */
	if (push_row(v, i, depth, more, last) < 0)
		return -ENOMEM;
	t->emitted[i] = true;
	if (depth + 1 >= LKM_VIEW_MAX_DEPTH)
		return 0;
	t->path[depth] = i;
	for (size_t c = 0; c < t->count[i]; c++)
		nkept += t->kept[t->child[t->start[i] + c]] == 1;
	for (size_t c = 0; c < t->count[i]; c++) {
		size_t ch = t->child[t->start[i] + c];
		bool is_last;

		if (t->kept[ch] != 1)
			continue;
		is_last = ++seen == nkept;
		if (tree_emit(v, t, ch, depth + 1, is_last ? more : more | (1u << depth),
			      is_last) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* Modules as a forest: a module's users under it, so what is above must go last. */
static int build_tree(struct lkm_view *v, size_t n, char *cell)
{
	const struct lkm_modules *m = &v->snap->modules;
	struct tree t = { 0 };
	size_t total = 0, *roots = NULL, nroots = 0;
	int rc = -ENOMEM;

	if (reserve((void **)&v->index, &v->index_cap, n, sizeof(*v->index)) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		v->index[i] = i;
		total += m->v[i].n_used_by;
	}
	if (n > 1)
		qsort_r(v->index, n, sizeof(*v->index), cmp_index_name, (void *)m);
	t.start = calloc(n + 1, sizeof(size_t));
	t.count = calloc(n + 1, sizeof(size_t));
	t.parents = calloc(n + 1, sizeof(size_t));
	t.child = calloc(total + 1, sizeof(size_t));
	t.kept = malloc(n + 1);
	t.emitted = calloc(n + 1, sizeof(bool));
	roots = malloc((n + 1) * sizeof(size_t));
	if (!t.start || !t.count || !t.parents || !t.child || !t.kept || !t.emitted ||
	    !roots)
		goto out;
	total = 0;
	for (size_t i = 0; i < n; i++) {
		const struct lkm_module *mod = &m->v[i];

		t.start[i] = total;
		for (const char *u = lkm_module_next_user(mod, NULL); u;
		     u = lkm_module_next_user(mod, u)) {
			size_t j = find_module(v, u);

			if (j == LKM_VIEW_SEPARATOR || j == i)
				continue;
			t.child[total++] = j;
			t.parents[j]++;
		}
		t.count[i] = total - t.start[i];
		if (t.count[i] > 1)
			qsort_r(t.child + t.start[i], t.count[i], sizeof(size_t),
				cmp_size_items, v);
	}
	memset(t.kept, -1, n + 1);
	for (size_t i = 0; i < n; i++) {
		tree_kept(v, &t, i, cell);
		if (t.parents[i] == 0)
			roots[nroots++] = i;
	}
	if (nroots > 1)
		qsort_r(roots, nroots, sizeof(size_t), cmp_size_items, v);
	for (size_t r = 0; r < nroots; r++)
		if (t.kept[roots[r]] == 1 && tree_emit(v, &t, roots[r], 0, 0, true) < 0)
			goto out;
	/* Modules only reachable through a used-by cycle: shown as roots rather than
	 * lost. */
	for (size_t i = 0; i < n; i++)
		if (!t.emitted[i] && item_matches(v, i, cell) &&
		    tree_emit(v, &t, i, 0, 0, true) < 0)
			goto out;
	v->nshown = 0;
	for (size_t i = 0; i < n; i++)
		v->nshown += t.emitted[i];
	rc = 0;
out:
	free(t.start);
	free(t.count);
	free(t.parents);
	free(t.child);
	free(t.kept);
	free(t.emitted);
	free(roots);
	return rc;
}

static int build_flat(struct lkm_view *v, size_t n, char *cell)
{
	size_t first_named;

	for (size_t i = 0; i < n; i++)
		if (item_matches(v, i, cell) && push_row(v, i, 0, 0, false) < 0)
			return -ENOMEM;
	/* qsort of nothing is undefined with a NULL base: an empty pane has no rows
	 * array. */
	if (v->nrows > 1)
		qsort_r(v->rows, v->nrows, sizeof(*v->rows), cmp_rows, v);
	v->nshown = v->nitems;
	if (v->pane != LKM_PANE_INTERRUPTS)
		return 0;
	/* NMI, LOC, ... below the numbered lines, each group sorted on its own. */
	{
		size_t k = 0, named = 0;
		struct lkm_view_row *tmp;
		size_t nr = v->nrows;

		tmp = malloc((nr ? nr : 1) * sizeof(*tmp));
		if (tmp == NULL)
			return -ENOMEM;
		for (size_t r = 0; r < nr; r++)
			if (v->snap->interrupts.v[v->rows[r].item].is_numbered)
				tmp[k++] = v->rows[r];
		first_named = k;
		for (size_t r = 0; r < nr; r++)
			if (!v->snap->interrupts.v[v->rows[r].item].is_numbered)
				tmp[k++] = v->rows[r], named++;
		v->nrows = 0;
		v->nitems = 0;
		for (size_t r = 0; r < nr; r++) {
			if (r == first_named && first_named > 0 && named > 0 &&
			    push_row(v, LKM_VIEW_SEPARATOR, 0, 0, false) < 0) {
				free(tmp);
				return -ENOMEM;
			}
			push_row(v, tmp[r].item, 0, 0,
				 false); /* capacity is already there */
		}
		free(tmp);
	}
	v->nshown = v->nitems;
	return 0;
}

static bool row_is_item(const struct lkm_view *v, size_t r)
{
	return r < v->nrows && v->rows[r].item != LKM_VIEW_SEPARATOR;
}

static void remember_cursor(struct lkm_view *v)
{
	if (row_is_item(v, v->cursor))
		lkm_view_item_key(v, v->rows[v->cursor].item, v->cursor_key,
				  sizeof(v->cursor_key));
}

static void scroll_to_cursor(struct lkm_view *v)
{
	struct lkm_tui_scroll w = { v->top, v->nrows, v->height };

	if (v->height == 0)
		return; /* not laid out yet */
	lkm_tui_scroll_show(&w, v->cursor);
	v->top = w.top;
}

/*
 * The cursor on an item: forward from ROW, else backward. REMEMBER is false when a
 * rebuild lost the cursor's item (filtered out, gone): the key is kept, so the cursor
 * returns to that item when it is shown again, until the user moves.
 */
static void settle_cursor(struct lkm_view *v, size_t row, bool remember)
{
	if (v->nrows == 0) {
		v->cursor = 0;
		v->top = 0;
		return;
	}
	if (row >= v->nrows)
		row = v->nrows - 1;
	v->cursor = row;
	while (v->cursor < v->nrows && !row_is_item(v, v->cursor))
		v->cursor++;
	if (v->cursor >= v->nrows) {
		v->cursor = row;
		while (v->cursor > 0 && !row_is_item(v, v->cursor))
			v->cursor--;
	}
	if (remember)
		remember_cursor(v);
	scroll_to_cursor(v);
}

bool lkm_view_select_key(struct lkm_view *v, const char *key)
{
	char k[256];

	for (size_t r = 0; r < v->nrows; r++) {
		if (!row_is_item(v, r))
			continue;
		lkm_view_item_key(v, v->rows[r].item, k, sizeof(k));
		if (strcmp(k, key) == 0) {
			v->cursor = r;
			remember_cursor(v);
			scroll_to_cursor(v);
			return true;
		}
	}
	return false;
}

int lkm_view_rebuild(struct lkm_view *v)
{
	size_t n = item_count(v), old = v->cursor;
	/* Where the cursor is on the screen: after a sort it stays there when it can. */
	size_t offset = v->cursor >= v->top ? v->cursor - v->top : 0;
	char *cell = malloc(CELL_MAX);
	int rc = -ENOMEM;

	v->nrows = 0;
	v->nitems = 0;
	v->nshown = 0;
	if (cell == NULL ||
	    reserve((void **)&v->keys, &v->keys_cap, n, sizeof(*v->keys)) < 0)
		goto out;
	measure(v, n, cell);
	if (v->tree && v->pane == LKM_PANE_MODULES)
		rc = build_tree(v, n, cell);
	else
		rc = build_flat(v, n, cell);
	if (rc < 0)
		v->nrows = v->nitems = v->nshown = 0;
out:
	free(cell);
	if (v->cursor_key[0] == '\0' || !lkm_view_select_key(v, v->cursor_key))
		settle_cursor(v, old, v->cursor_key[0] == '\0');
	/* After a sort the cursor's item may move far: it keeps its row on the screen.
	 * After a refresh or a filter the list keeps its place, so new items above stay
	 * in sight. */
	if (v->keep_offset)
		v->top = v->cursor > offset ? v->cursor - offset : 0;
	v->keep_offset = false;
	scroll_to_cursor(v);
	return rc;
}

size_t lkm_view_current(const struct lkm_view *v)
{
	return row_is_item(v, v->cursor) ? v->rows[v->cursor].item : LKM_VIEW_SEPARATOR;
}

void lkm_view_move_to(struct lkm_view *v, size_t row)
{
	settle_cursor(v, row, true);
}

void lkm_view_move(struct lkm_view *v, long delta)
{
	size_t row = v->cursor;

	if (v->nrows == 0)
		return;
	if (delta < 0) {
		size_t d = (size_t)-delta;

		row = d > row ? 0 : row - d;
		while (row > 0 && !row_is_item(v, row))
			row--;
	} else {
		row = (size_t)delta > v->nrows - 1 - row ? v->nrows - 1
							 : row + (size_t)delta;
		while (row + 1 < v->nrows && !row_is_item(v, row))
			row++;
	}
	settle_cursor(v, row, true);
}

void lkm_view_set_height(struct lkm_view *v, size_t height)
{
	v->height = height;
	scroll_to_cursor(v);
}

void lkm_view_sort_by(struct lkm_view *v, int col)
{
	v->sort_col = col;
	/* Counters and rates: the biggest first. Identifiers (the key, a major):
	 * ascending. */
	v->sort_desc = col >= 0 && is_numeric(v, col) && col != v->cols[0] &&
		       v->pane != LKM_PANE_DEVICES;
	v->keep_offset = true;
	lkm_view_rebuild(v);
}

static bool sortable(const struct lkm_view *v, int col)
{
	const struct lkm_colinfo *ci = lkm_view_colinfo(v, col);

	if (v->pane == LKM_PANE_INTERRUPTS && col == LKM_IRQCOL_COUNTS)
		return false;
	return ci && !(ci->flags & LKM_COL_TUI);
}

void lkm_view_sort_step(struct lkm_view *v, int step)
{
	long pos = -1, n = (long)v->ncols + 1; /* position 0 is "the kernel's order" */

	for (size_t c = 0; c < v->ncols; c++)
		if (v->cols[c] == v->sort_col)
			pos = (long)c;
	pos = ((pos + 1 + step) % n + n) % n;
	/* Per-CPU counts as a whole, a sparkline, a CPU list are no order anyone asks
	 * for: step over them. */
	for (long k = 0; k < n && pos > 0 && !sortable(v, v->cols[pos - 1]); k++)
		pos = ((pos + step) % n + n) % n;
	lkm_view_sort_by(v, pos == 0 ? -1 : v->cols[pos - 1]);
}

void lkm_view_sort_invert(struct lkm_view *v)
{
	v->sort_desc = !v->sort_desc;
	v->keep_offset = true;
	lkm_view_rebuild(v);
}

void lkm_view_set_filter(struct lkm_view *v, const char *text)
{
	snprintf(v->filter, sizeof(v->filter), "%s", text ? text : "");
	lkm_view_rebuild(v);
}

void lkm_view_filter_add(struct lkm_view *v, char c)
{
	size_t len = strlen(v->filter);

	if (len + 1 >= sizeof(v->filter))
		return;
	v->filter[len] = c;
	v->filter[len + 1] = '\0';
	lkm_view_rebuild(v);
}

void lkm_view_filter_backspace(struct lkm_view *v)
{
	size_t len = strlen(v->filter);

	if (len == 0)
		return;
	v->filter[len - 1] = '\0';
	lkm_view_rebuild(v);
}

bool lkm_view_set_tree(struct lkm_view *v, bool on)
{
	if (v->pane != LKM_PANE_MODULES)
		return false;
	v->tree = on;
	v->keep_offset = true;
	lkm_view_rebuild(v);
	return true;
}
