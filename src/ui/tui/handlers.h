/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/keys.h"

/*
 * The handlers of the read-only actions, one per enum lkm_tui_action_id, and of the
 * modes. Each changes the app's state and returns enum lkm_tui_result flags; none draws.
 */
struct lkm_tui_app;

unsigned lkm_tui_on_help(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
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

/* Screens (screen.h): every key goes here while the screen is on top. */
unsigned lkm_tui_filter_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_help_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* The help screen, from the key table: the number of lines, and line I into BUF. */
size_t lkm_tui_help_lines(const struct lkm_tui_app *app);
void lkm_tui_help_line(const struct lkm_tui_app *app, size_t i, char *buf, size_t size);
