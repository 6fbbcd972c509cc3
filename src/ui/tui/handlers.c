// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "core/owns.h"
#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/handlers.h"

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
	lkm_tui_app_resize(app, app->term.lines, app->term.cols);
	if (app->split && !lkm_tui_split_shown(app))
		snprintf(app->message, sizeof(app->message),
			 _("the split layout shows on a screen of %dx%d or more (this "
			   "one is "
			   "%dx%d); v again turns it off"),
			 LKM_TUI_SPLIT_MIN_COLS, LKM_TUI_SPLIT_MIN_LINES, app->term.cols,
			 app->term.lines);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_move(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	long delta;

	if (!lkm_tui_list_step(ev->action, v->height, v->nrows, &delta))
		return 0;
	lkm_view_move(v, delta);
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
	lkm_tui_push(app, LKM_SCREEN_FILTER, NULL);
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
	const char *module;

	if (app->strip.live_on) {
		lkm_tui_live_start(app, NULL);
		return LKM_TUI_CHANGED;
	}
	module = lkm_tui_current_module(app);
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
		int tab = lkm_tui_tab_at(ev->x, app->term.cols);

		if (tab == LKM_PANE_COUNT)
			return lkm_tui_on_hardware(app, ev);
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

/* The detail of the interrupt line or interface under the cursor. */
static unsigned open_line(struct lkm_tui_app *app)
{
	struct lkm_view *v = lkm_tui_view(app);
	size_t item = lkm_view_current(v);
	char key[64];
	struct lkm_tui_line_arg arg = { .pane = app->pane, .key = key };

	if (v->snap == NULL || item == LKM_VIEW_SEPARATOR)
		return LKM_TUI_HANDLED;
	lkm_view_item_key(v, item, key, sizeof(key));
	lkm_tui_push(app, LKM_SCREEN_LINE, &arg);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (app->pane == LKM_PANE_INTERRUPTS || app->pane == LKM_PANE_NETDEV)
		return open_line(app);
	return lkm_tui_on_jump(app, ev);
}

static unsigned open_detail(struct lkm_tui_app *app, const char *module)
{
	lkm_tui_push(app, LKM_SCREEN_DETAIL, module);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	const struct lkm_snapshot *s = lkm_tui_snap(app);
	size_t item = lkm_view_current(v);
	char mod[256];

	if (s == NULL || item == LKM_VIEW_SEPARATOR)
		return LKM_TUI_HANDLED;
	switch (app->pane) {
	case LKM_PANE_MODULES: return open_detail(app, s->modules.v[item].name);
	case LKM_PANE_INTERRUPTS: {
		const char *label = s->interrupts.v[item].label;

		if (lkm_owns_irq_module(app->root, s, label, mod, sizeof(mod)) == 0)
			return open_detail(app, mod);
		lkm_tui_message(
			app,
			_("no module drives irq %s that /sys shows (the kernel's own, or "
			  "built in)"),
			label);
		return LKM_TUI_CHANGED;
	}
	case LKM_PANE_NETDEV: {
		const char *name = s->netdev.v[item].name;

		if (lkm_owns_iface_module(app->root, name, mod, sizeof(mod)) == 0)
			return open_detail(app, mod);
		lkm_tui_message(
			app,
			_("no module drives %s that /sys shows (virtual, or built in)"),
			name);
		return LKM_TUI_CHANGED;
	}
	case LKM_PANE_DEVICES: {
		const struct lkm_device *dev = &s->devices.v[item];

		if (lkm_owns_major_module(app->root, s, dev, mod, sizeof(mod)) == 0)
			return open_detail(app, mod);
		lkm_tui_message(app,
				_("no module drives major %u (%s) that /sys shows (the "
				  "kernel's own, or built in)"),
				dev->major, dev->name);
		return LKM_TUI_CHANGED;
	}
	default:
		lkm_tui_message(
			app, "%s",
			_("a module's detail (Enter in the Modules pane) lists the "
			  "devices it drives"));
		return LKM_TUI_CHANGED;
	}
}

unsigned lkm_tui_on_help(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	lkm_tui_push(app, LKM_SCREEN_HELP, NULL);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_health(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	(void)ev;
	if (lkm_tui_top(app) != LKM_SCREEN_HEALTH)
		lkm_tui_push(app, LKM_SCREEN_HEALTH, NULL);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_hardware(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	(void)ev;
	if (lkm_tui_top(app) != LKM_SCREEN_HARDWARE)
		lkm_tui_push(app, LKM_SCREEN_HARDWARE, NULL);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	size_t item = lkm_view_current(v);
	struct lkm_tui_teach_arg arg = { 0 };

	if (app->pane != LKM_PANE_MODULES || item == LKM_VIEW_SEPARATOR ||
	    v->snap == NULL) {
		lkm_tui_message(
			app, "%s",
			app->pane == LKM_PANE_MODULES
				? _("e explains the module under the cursor: this "
				    "row has none")
				: _("e explains a module's state, counts, flags and "
				    "taint letters: go to the Modules pane (1)"));
		return LKM_TUI_CHANGED;
	}
	arg.row = &v->snap->modules.v[item];
	lkm_tui_push(app, LKM_SCREEN_TEACH, &arg);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_load(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return lkm_tui_ask(app, LKM_INPUT_LOAD_NAME, NULL, "");
}

unsigned lkm_tui_on_set(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = lkm_tui_current_module(app);

	if (m == NULL) {
		lkm_tui_message(
			app, "%s",
			_("p sets a parameter of the module under the cursor in the "
			  "Modules pane (1)"));
		return LKM_TUI_CHANGED;
	}
	return lkm_tui_ask(app, LKM_INPUT_SET, m, "");
}

unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = lkm_tui_current_module(app);
	struct lkm_tui_req req = { .op = LKM_OP_UNLOAD };

	if (m == NULL) {
		lkm_tui_message(app, "%s",
				_("u unloads the module under the cursor in the Modules "
				  "pane (1)"));
		return LKM_TUI_CHANGED;
	}
	if (!lkm_tui_can_act(app))
		return lkm_tui_refuse(app, LKM_OP_UNLOAD, m);
	snprintf(req.target, sizeof(req.target), "%s", m);
	return lkm_tui_begin(app, &req, NULL);
}

unsigned lkm_tui_on_affinity(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = &app->views[LKM_PANE_INTERRUPTS];
	size_t item = lkm_view_current(v);
	char label[64];

	if (app->pane != LKM_PANE_INTERRUPTS || v->snap == NULL ||
	    item == LKM_VIEW_SEPARATOR)
		return lkm_tui_ask_affinity(app, NULL);
	lkm_view_item_key(v, item, label, sizeof(label));
	return lkm_tui_ask_affinity(app, label);
}
