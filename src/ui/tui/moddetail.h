/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/app.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The detail screen of one module (Enter in the Modules pane, or m on an interrupt line
 * or an interface that a module drives): its lines come from detail.c; Up and Down pick
 * one, Enter goes to it, e explains it; Esc returns to the pane it came from.
 */
extern const struct lkm_tui_screen_ops lkm_tui_detail_screen;

/* Opens the detail of MODULE (returns flags); on the detail already, shows MODULE there.
 */
unsigned lkm_tui_open_detail(struct lkm_tui_app *app, const char *module);
/* m: the detail of the module under the cursor, or driving the line or interface. */
unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* Rebuilds the open detail after a refresh or a resize (its screen's refresh). */
void lkm_tui_detail_refresh(struct lkm_tui_app *app);
