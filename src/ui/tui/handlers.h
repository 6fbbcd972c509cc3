/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The handlers of the panes' read-only actions, one per enum lkm_tui_action_id (the table
 * that binds them is dispatch.c's), and the filter prompt's screen. Each changes the
 * app's state and returns enum lkm_tui_result flags; none draws.
 */
struct lkm_tui_app;

extern const struct lkm_tui_screen_ops lkm_tui_filter_screen;

unsigned lkm_tui_on_quit(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_pane(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_pane_next(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_pane_prev(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_split(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_move(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_sort(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_filter(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_filter_clear(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_tree(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_cpu_scroll(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_interval(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_refresh(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_redraw(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_live_log(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_click(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Enter: the detail of the module, interrupt line or interface under the cursor. */
unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
