// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include "ui/tui/keys.h"
#include "ui/tui/scroll.h"

static size_t height_of(const struct lkm_tui_scroll *s)
{
	return s->height ? s->height : 1;
}

void lkm_tui_scroll_clamp(struct lkm_tui_scroll *s)
{
	size_t h = height_of(s);

	if (s->n <= h)
		s->top = 0;
	else if (s->top > s->n - h)
		s->top = s->n - h;
}

void lkm_tui_scroll_show(struct lkm_tui_scroll *s, size_t cursor)
{
	size_t h = height_of(s);

	if (cursor < s->top)
		s->top = cursor;
	else if (cursor >= s->top + h)
		s->top = cursor - h + 1;
	lkm_tui_scroll_clamp(s);
}

void lkm_tui_scroll_by(struct lkm_tui_scroll *s, long delta)
{
	if (delta < 0)
		s->top = (size_t)-delta > s->top ? 0 : s->top - (size_t)-delta;
	else
		s->top = (size_t)delta > s->n ? s->n : s->top + (size_t)delta;
	lkm_tui_scroll_clamp(s);
}

long lkm_tui_scroll_page(const struct lkm_tui_scroll *s)
{
	return (long)height_of(s);
}

/* ACTION as the rows or items to move by: one, a page of PAGE, or all N (home, end). */
static bool step_of(int action, long page, size_t n, long *delta)
{
	switch (action) {
	case LKM_ACT_UP: *delta = -1; return true;
	case LKM_ACT_DOWN: *delta = 1; return true;
	case LKM_ACT_PAGE_UP: *delta = -page; return true;
	case LKM_ACT_PAGE_DOWN: *delta = page; return true;
	case LKM_ACT_HOME: *delta = -(long)n - 1; return true;
	case LKM_ACT_END: *delta = (long)n + 1; return true;
	default: return false;
	}
}

bool lkm_tui_scroll_action(struct lkm_tui_scroll *s, int action)
{
	long delta;

	if (!step_of(action, lkm_tui_scroll_page(s), s->n, &delta))
		return false;
	lkm_tui_scroll_by(s, delta);
	return true;
}

bool lkm_tui_list_step(int action, size_t height, size_t n, long *delta)
{
	return step_of(action, height > 1 ? (long)height - 1 : 1, n, delta);
}

bool lkm_tui_item_action(struct lkm_tui_scroll *s, size_t *cursor, size_t n, size_t cur,
			 size_t end, int action, bool *moved)
{
	size_t last = n ? n - 1 : 0;
	long delta;

	*moved = false;
	if (!lkm_tui_list_step(action, s->height, n, &delta))
		return false;
	if (action == LKM_ACT_DOWN && end > s->top + height_of(s)) {
		lkm_tui_scroll_by(s, 1);
		return true;
	}
	if (action == LKM_ACT_UP && cur < s->top) {
		lkm_tui_scroll_by(s, -1);
		return true;
	}
	if (delta < 0)
		*cursor = (size_t)-delta > *cursor ? 0 : *cursor - (size_t)-delta;
	else
		*cursor = (size_t)delta > last - *cursor ? last : *cursor + (size_t)delta;
	*moved = true;
	return true;
}

void lkm_tui_scroll_keep(struct lkm_tui_scroll *s, size_t cur, size_t end)
{
	lkm_tui_scroll_clamp(s);
	if (end <= s->top || cur >= s->top + height_of(s))
		lkm_tui_scroll_show(s, cur);
}

void lkm_tui_scroll_follow(struct lkm_tui_scroll *s, size_t cur, size_t end)
{
	if (end > cur)
		lkm_tui_scroll_show(s, end - 1);
	lkm_tui_scroll_show(s, cur);
}
