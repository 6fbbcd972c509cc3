/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

struct lkm_tui_app;

/* The panes' status line at row Y: what the pane shows and how, or the filter being
 * typed, or the one-shot message. */
void lkm_tui_panes_status(const struct lkm_tui_app *app, int y, int cols);
