/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

struct lkm_tui_app;

/* Draws the whole screen into stdscr (the caller refreshes it once per loop turn). */
void lkm_tui_draw(const struct lkm_tui_app *app);

/* The panes (the floor of the screen stack) between the tab bar and BOTTOM. */
void lkm_tui_draw_panes(const struct lkm_tui_app *app, int bottom, int cols);

/* The filter prompt's cursor, at the end of what is typed on the status line. */
void lkm_tui_filter_cursor(const struct lkm_tui_app *app, int cols);
