// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/handlers.h"
#include "ui/tui/linedetail.h"
#include "ui/tui/moddetail.h"

unsigned lkm_tui_on_quit(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return LKM_TUI_HANDLED | LKM_TUI_QUIT;
}

static unsigned switch_pane(struct lkm_tui_app *app, int pane)
{
	app->pane = (enum lkm_pane)((pane + LKM_PANE_COUNT) % LKM_PANE_COUNT);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_pane(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return switch_pane(app, ev->action - LKM_ACT_PANE_MODULES);
}

unsigned lkm_tui_on_pane_next(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return switch_pane(app, (int)app->pane + 1);
}

unsigned lkm_tui_on_pane_prev(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return switch_pane(app, (int)app->pane - 1);
}

unsigned lkm_tui_on_split(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	app->split = !app->split;
	/* Every view's height changes with the layout. */
	lkm_tui_app_resize(app, app->lines, app->cols);
	if (app->split && !lkm_tui_split_shown(app))
		snprintf(app->message, sizeof(app->message),
			 _("the split layout shows on a screen of %dx%d or more (this "
			   "one is "
			   "%dx%d); v again turns it off"),
			 LKM_TUI_SPLIT_MIN_COLS, LKM_TUI_SPLIT_MIN_LINES, app->cols,
			 app->lines);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_move(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	long page = v->height > 1 ? (long)v->height - 1 : 1;

	switch (ev->action) {
	case LKM_ACT_UP: lkm_view_move(v, -1); break;
	case LKM_ACT_DOWN: lkm_view_move(v, 1); break;
	case LKM_ACT_PAGE_UP: lkm_view_move(v, -page); break;
	case LKM_ACT_PAGE_DOWN: lkm_view_move(v, page); break;
	case LKM_ACT_HOME: lkm_view_move_to(v, 0); break;
	case LKM_ACT_END: lkm_view_move_to(v, v->nrows ? v->nrows - 1 : 0); break;
	default: return 0;
	}
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_sort(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);

	switch (ev->action) {
	case LKM_ACT_SORT_NEXT: lkm_view_sort_step(v, 1); break;
	case LKM_ACT_SORT_PREV: lkm_view_sort_step(v, -1); break;
	case LKM_ACT_SORT_INVERT:
		if (v->sort_col < 0) {
			snprintf(
				app->message, sizeof(app->message), "%s",
				_("the kernel's order has no reverse; s picks a column"));
			return LKM_TUI_CHANGED;
		}
		lkm_view_sort_invert(v);
		break;
	default: return 0;
	}
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_filter(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	snprintf(app->filter_saved, sizeof(app->filter_saved), "%s",
		 lkm_tui_view(app)->filter);
	lkm_tui_push(app, &lkm_tui_filter_screen);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_filter_clear(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);

	if (v->filter[0] == '\0')
		return LKM_TUI_HANDLED;
	lkm_view_set_filter(v, "");
	return LKM_TUI_CHANGED;
}

static unsigned filter_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	int key = ev->key;

	if (key >= 32 && key < 127) {
		lkm_view_filter_add(v, (char)key);
		return LKM_TUI_CHANGED;
	}
	switch (lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_PROMPT, key)) {
	case LKM_ACT_ACCEPT: lkm_tui_pop(app); break;
	case LKM_ACT_CANCEL: /* back to what the filter was before '/' */
		lkm_tui_pop(app);
		lkm_view_set_filter(v, app->filter_saved);
		break;
	case LKM_ACT_ERASE: lkm_view_filter_backspace(v); break;
	case LKM_ACT_KILL: lkm_view_set_filter(v, ""); break;
	/* Moving while typing is common enough to allow; it keeps the prompt open. */
	case LKM_ACT_UP: lkm_view_move(v, -1); break;
	case LKM_ACT_DOWN: lkm_view_move(v, 1); break;
	case LKM_ACT_PAGE_UP: lkm_view_move(v, -(long)v->height); break;
	case LKM_ACT_PAGE_DOWN: lkm_view_move(v, (long)v->height); break;
	default: return LKM_TUI_HANDLED;
	}
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_tree(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);

	if (!lkm_view_set_tree(v, !v->tree))
		snprintf(app->message, sizeof(app->message), "%s",
			 _("the tree view is for modules (1)"));
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_cpu_scroll(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_tui_rect r;
	long delta;

	switch (ev->action) {
	case LKM_ACT_CPU_LEFT: delta = -1; break;
	case LKM_ACT_CPU_RIGHT: delta = 1; break;
	case LKM_ACT_CPU_PAGE_LEFT: delta = -LKM_VIEW_CPU_PAGE; break;
	default: delta = LKM_VIEW_CPU_PAGE; break;
	}
	if (app->pane != LKM_PANE_INTERRUPTS) {
		snprintf(app->message, sizeof(app->message), "%s",
			 _("[ and ] scroll the per-CPU counts of Interrupts (3)"));
		return LKM_TUI_CHANGED;
	}
	lkm_tui_pane_rect(app, app->pane, &r);
	if (!lkm_view_cpu_scroll(lkm_tui_view(app), delta, r.w))
		snprintf(app->message, sizeof(app->message), "%s",
			 _("every CPU's count is on the screen: nothing to scroll"));
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_interval(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	app->interval = lkm_tui_interval_step(app->interval,
					      ev->action == LKM_ACT_SLOWER ? 1 : -1);
	snprintf(app->message, sizeof(app->message), _("refreshing every %gs"),
		 app->interval);
	return LKM_TUI_CHANGED | LKM_TUI_RETIME;
}

unsigned lkm_tui_on_refresh(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return LKM_TUI_CHANGED | LKM_TUI_RESCAN;
}

unsigned lkm_tui_on_redraw(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_live_log(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const struct lkm_view *v = &app->views[LKM_PANE_MODULES];
	const char *module = NULL;
	size_t item;

	if (app->live_on) {
		lkm_tui_live_start(app, NULL);
		return LKM_TUI_CHANGED;
	}
	if (lkm_tui_in_detail(app)) {
		module = app->detail.module;
	} else if (app->pane == LKM_PANE_MODULES && v->snap &&
		   (item = lkm_view_current(v)) != LKM_VIEW_SEPARATOR) {
		module = v->snap->modules.v[item].name;
	}
	if (module == NULL || module[0] == '\0') {
		snprintf(app->message, sizeof(app->message), "%s",
			 _("L follows the kernel log of a module: pick one in Modules "
			   "(1)"));
		return LKM_TUI_CHANGED;
	}
	lkm_tui_live_start(app, module);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_click(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	struct lkm_tui_rect r;
	unsigned flags = LKM_TUI_HANDLED;
	int ly;

	if (ev->y == LKM_TUI_TABS_Y) {
		int tab = lkm_tui_tab_at(ev->x);

		return tab < 0 ? LKM_TUI_HANDLED : switch_pane(app, tab);
	}
	if (lkm_tui_split_shown(app)) {
		/* A click in a pane gives it the keys, and on a row moves its cursor
		 * there. */
		int p = lkm_tui_pane_at(app, ev->y, ev->x);

		if (p < 0)
			return LKM_TUI_HANDLED;
		if (p != (int)app->pane)
			flags = switch_pane(app, p);
		v = lkm_tui_view(app);
	}
	lkm_tui_pane_rect(app, app->pane, &r);
	ly = lkm_tui_rect_list_y(&r);
	if (ev->y < ly)
		return flags;
	if ((size_t)(ev->y - ly) < v->height &&
	    v->top + (size_t)(ev->y - ly) < v->nrows) {
		lkm_view_move_to(v, v->top + (size_t)(ev->y - ly));
		return LKM_TUI_CHANGED;
	}
	return flags;
}

unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (app->pane == LKM_PANE_INTERRUPTS || app->pane == LKM_PANE_NETDEV)
		return lkm_tui_open_line(app);
	return lkm_tui_on_jump(app, ev);
}

const struct lkm_tui_screen_ops lkm_tui_filter_screen = {
	.id = LKM_SCREEN_FILTER,
	.name = "filter",
	.layer = LKM_LAYER_OVERLAY,
	.key = filter_key, /* drawn by the panes' status line, which it replaces */
	.cursor = lkm_tui_filter_cursor,
};
