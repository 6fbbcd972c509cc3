/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/app.h"
#include "ui/tui/keys.h"

/*
 * The top of the TUI's input: a key goes to the screen on top of the stack (screen.h);
 * on the panes, and for every key a screen passes on (LKM_TUI_PASS), the key table
 * (keys.c) names the action and this file's table runs its handler.
 */

/* Routes EV and returns the handler's flags; 0 when nothing handled it. */
unsigned lkm_tui_dispatch(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* The handler of action ID, or NULL (none, or out of range). */
lkm_tui_handler lkm_tui_action_handler(enum lkm_tui_action_id id);
