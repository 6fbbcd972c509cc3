// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/dispatch.h"
#include "ui/tui/handlers.h"

/* Each action's handler: the key table (keys.c) says which keys run it. */
static const lkm_tui_handler run[LKM_ACT_COUNT] = {
	[LKM_ACT_HELP] = lkm_tui_on_help,
	[LKM_ACT_QUIT] = lkm_tui_on_quit,
	[LKM_ACT_PANE_MODULES] = lkm_tui_on_pane,
	[LKM_ACT_PANE_DEVICES] = lkm_tui_on_pane,
	[LKM_ACT_PANE_INTERRUPTS] = lkm_tui_on_pane,
	[LKM_ACT_PANE_NETDEV] = lkm_tui_on_pane,
	[LKM_ACT_PANE_NEXT] = lkm_tui_on_pane_next,
	[LKM_ACT_PANE_PREV] = lkm_tui_on_pane_prev,
	[LKM_ACT_SPLIT] = lkm_tui_on_split,
	[LKM_ACT_UP] = lkm_tui_on_move,
	[LKM_ACT_DOWN] = lkm_tui_on_move,
	[LKM_ACT_PAGE_UP] = lkm_tui_on_move,
	[LKM_ACT_PAGE_DOWN] = lkm_tui_on_move,
	[LKM_ACT_HOME] = lkm_tui_on_move,
	[LKM_ACT_END] = lkm_tui_on_move,
	[LKM_ACT_SORT_NEXT] = lkm_tui_on_sort,
	[LKM_ACT_SORT_PREV] = lkm_tui_on_sort,
	[LKM_ACT_SORT_INVERT] = lkm_tui_on_sort,
	[LKM_ACT_FILTER] = lkm_tui_on_filter,
	[LKM_ACT_FILTER_CLEAR] = lkm_tui_on_filter_clear,
	[LKM_ACT_TREE] = lkm_tui_on_tree,
	[LKM_ACT_CPU_LEFT] = lkm_tui_on_cpu_scroll,
	[LKM_ACT_CPU_RIGHT] = lkm_tui_on_cpu_scroll,
	[LKM_ACT_CPU_PAGE_LEFT] = lkm_tui_on_cpu_scroll,
	[LKM_ACT_CPU_PAGE_RIGHT] = lkm_tui_on_cpu_scroll,
	[LKM_ACT_SLOWER] = lkm_tui_on_interval,
	[LKM_ACT_FASTER] = lkm_tui_on_interval,
	[LKM_ACT_REFRESH] = lkm_tui_on_refresh,
	[LKM_ACT_REDRAW] = lkm_tui_on_redraw,
	[LKM_ACT_CLICK] = lkm_tui_on_click,
	[LKM_ACT_DETAIL] = lkm_tui_on_detail,
	[LKM_ACT_JUMP] = lkm_tui_on_jump,
	[LKM_ACT_TEACH] = lkm_tui_on_teach,
	[LKM_ACT_LOAD] = lkm_tui_on_load,
	[LKM_ACT_UNLOAD] = lkm_tui_on_unload,
	[LKM_ACT_SET] = lkm_tui_on_set,
	[LKM_ACT_LIVE_LOG] = lkm_tui_on_live_log,
	[LKM_ACT_AFFINITY] = lkm_tui_on_affinity,
	[LKM_ACT_HEALTH] = lkm_tui_on_health,
	[LKM_ACT_HARDWARE] = lkm_tui_on_hardware,
};

lkm_tui_handler lkm_tui_action_handler(enum lkm_tui_action_id id)
{
	return (unsigned)id < LKM_ACT_COUNT ? run[id] : NULL;
}

/* Sorting, the filter and the tree view change a pane's list. */
static bool changes_list(enum lkm_tui_action_id id)
{
	switch (id) {
	case LKM_ACT_SORT_NEXT:
	case LKM_ACT_SORT_PREV:
	case LKM_ACT_SORT_INVERT:
	case LKM_ACT_FILTER:
	case LKM_ACT_FILTER_CLEAR:
	case LKM_ACT_TREE: return true;
	default: return false;
	}
}

/* The key table's action for EV, run; a key bound to nothing says so, and so does one
 * that would change a pane's list out of sight (under the Hardware pane, the Health
 * screen, a detail). */
static unsigned run_action(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_tui_event e = *ev;
	lkm_tui_handler h;

	e.action = lkm_tui_keymap_lookup(&app->keymap, e.key);
	h = run[e.action];
	if (h == NULL || (changes_list(e.action) && !lkm_tui_panes_shown(app))) {
		char name[32];

		if (e.key == KEY_RESIZE)
			return 0;
		lkm_tui_key_name(e.key, name, sizeof(name));
		if (h != NULL)
			lkm_tui_message(app,
					_("%s works on the lists of the panes 1 to 4, "
					  "not on this screen"),
					name);
		else
			lkm_tui_message(app, _("%s does nothing here; ? lists the keys"),
					name);
		return LKM_TUI_REDRAW;
	}
	return h(app, &e);
}

unsigned lkm_tui_dispatch(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_tui_frame *f = lkm_tui_top_frame(app);
	unsigned flags = f && f->ops->key ? f->ops->key(app, f, ev) : LKM_TUI_PASS;

	/* A screen leaves the keys it does not take to the key table (the detail view
	 * quits, refreshes, unloads as the panes do); the panes take none themselves. */
	if (flags & LKM_TUI_PASS)
		flags = run_action(app, ev);
	return flags;
}
