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

bool lkm_tui_scroll_action(struct lkm_tui_scroll *s, int action)
{
	switch (action) {
	case LKM_ACT_UP: lkm_tui_scroll_by(s, -1); return true;
	case LKM_ACT_DOWN: lkm_tui_scroll_by(s, 1); return true;
	case LKM_ACT_PAGE_UP: lkm_tui_scroll_by(s, -lkm_tui_scroll_page(s)); return true;
	case LKM_ACT_PAGE_DOWN: lkm_tui_scroll_by(s, lkm_tui_scroll_page(s)); return true;
	case LKM_ACT_HOME: s->top = 0; return true;
	case LKM_ACT_END: lkm_tui_scroll_by(s, (long)s->n); return true;
	default: return false;
	}
}
