/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "ui/tui/app.h"
#include "ui/tui/keys.h"

/*
 * The TUI's actions, through the engine and never around it: the detail view, teach, and
 * load, unload and set, each as input (with completion), a dry-run preview, confirmation,
 * the real call, and on failure the diagnosis with its fix. Handlers as in handlers.h:
 * they change state and return flags; none draws.
 */
struct lkm_tui_app;
struct lkm_tui_req;

unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_load(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_on_set(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

unsigned lkm_tui_detail_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_teach_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_input_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
unsigned lkm_tui_confirm_mode_key(struct lkm_tui_app *app,
				  const struct lkm_tui_event *ev);
unsigned lkm_tui_diag_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Opens the detail view of MODULE (returns flags). */
unsigned lkm_tui_open_detail(struct lkm_tui_app *app, const char *module);
/* Rebuilds the open detail view after a refresh or a resize. */
void lkm_tui_detail_refresh(struct lkm_tui_app *app);
/* Whether the detail view is what the screen shows under a teach box, a form, a preview.
 */
bool lkm_tui_in_detail(const struct lkm_tui_app *app);

/* Starts REQ: a refusal's diagnosis when the session cannot act, else its dry run and
 * then the confirmation (or the dry run's diagnosis). */
unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req);

/* Completion of a load target: module names (lkm_resolve_names) and file paths. Fills
 * the form's candidates and extends its text by what they share. Returns the count. */
size_t lkm_tui_complete(struct lkm_tui_app *app);

/* One step as the preview and the diagnosis show it ("insert fat (dependency of msdos)").
 */
void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size);

/* A verb for an operation: "load", "unload", "set". */
const char *lkm_tui_op_word(enum lkm_op op);

/* Drops the form, the preview, the diagnosis, the kernel log: what the session holds. */
void lkm_tui_actions_release(struct lkm_tui_app *app);

/* Opens the input line for WHAT (the forms of actions.c and of the affinity). */
unsigned lkm_tui_open_input(struct lkm_tui_app *app, enum lkm_tui_input what,
			    const char *module, const char *text);

/* Shows D (moved into the app: D is left empty) as the failure of REQ. */
unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req);
