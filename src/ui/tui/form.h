/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "ui/tui/app.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The form: one line typed for an action (a module or a file to load, with Tab
 * completion; its parameters; a parameter's new value; an interrupt line's CPUs), with
 * what helps to type it below. Enter goes to the action's next step (its dry run, from
 * actions.c), Esc cancels it.
 */
extern const struct lkm_tui_screen_ops lkm_tui_form_screen;

unsigned lkm_tui_on_load(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_set(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Opens the form for WHAT (MODULE and TEXT may be NULL); the form of the affinity sets
 * the form's submit after this. */
unsigned lkm_tui_open_input(struct lkm_tui_app *app, enum lkm_tui_input what,
			    const char *module, const char *text);

/* Completion of a load target: module names (lkm_resolve_names) and file paths. Fills
 * the form's candidates and extends its text by what they share. Returns the count. */
size_t lkm_tui_complete(struct lkm_tui_app *app);
