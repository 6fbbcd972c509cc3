/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "ui/tui/detail.h"
#include "ui/tui/screen.h"

/*
 * The form's own data (a step of an action): one line typed for an action (a module or
 * a file to load, with Tab completion; its parameters; a parameter's new value; an
 * interrupt line's CPUs), with what helps to type it below. Enter goes to the action's
 * next step (actions.h), Esc cancels it. Opened with a struct lkm_tui_form_arg
 * (screen.h).
 */
struct lkm_tui_form {
	enum lkm_tui_input what;
	char module[256]; /* the module the parameters are for, or the irq label */
	char text[512];	  /* what is typed */
	char note[256];	  /* one line under the input: no match, a refusal */
	bool selected;	  /* the text was put there (a module's name): the first key
			     typed replaces it */
	char **cands;	  /* completion candidates shown under the input */
	size_t n_cands;
	struct lkm_param_info *params;
	size_t n_params;
};

/* Completion of a load target: module names (lkm_resolve_names) and file paths. Fills
 * F's candidates and extends its text by what they share. Returns the count. */
size_t lkm_tui_complete(struct lkm_tui_app *app, struct lkm_tui_form *f);
