/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/keys.h"

/*
 * The handlers of the key table's actions, one per enum lkm_tui_action_id (the table
 * that binds them is dispatch.c's): the panes' own (move, sort, filter, switch...), and
 * those that open a screen, which they push with what it needs (screen.h), or start an
 * action (actions.h). Each changes the app's state and returns enum lkm_tui_result
 * flags; none draws.
 */
struct lkm_tui_app;

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
unsigned lkm_tui_on_help(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_health(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_hardware(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Enter: the detail of the module, interrupt line or interface under the cursor. */
unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* m: the detail of the module under the cursor, or driving the line or interface. */
unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* e: the terms of the module under the cursor. */
unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* l, u, p: an action on the module under the cursor (or shown). */
unsigned lkm_tui_on_load(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_set(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* a: the affinity form for the interrupt line under the cursor. */
unsigned lkm_tui_on_affinity(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
