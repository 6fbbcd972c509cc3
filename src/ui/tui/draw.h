/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

struct lkm_tui_app;

/* Draws the whole screen into stdscr (the caller refreshes it once per loop turn). */
void lkm_tui_draw(const struct lkm_tui_app *app);
