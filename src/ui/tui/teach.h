/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "ui/tui/app.h"
#include "ui/tui/detail.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The teach box (e): what a row's terms mean (a module's state, counts, flags and taint
 * letters) or the line of a detail, in the explainer's sentences, over what is under
 * it; any key returns.
 */
extern const struct lkm_tui_screen_ops lkm_tui_teach_screen;

/* e: the terms of the module under the cursor, or of the detail's line. */
unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
/* The teach box for line L of the module's detail (a message when it has no terms). */
unsigned lkm_tui_teach_line(struct lkm_tui_app *app, const struct lkm_detail_line *l);
