/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "ui/tui/app.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The TUI's actions, through the engine and never around it: load, unload and set (and
 * a fix), each as a dry-run preview to confirm, the real call, and on failure the
 * diagnosis with its fix. Their steps are screens (the form is form.c's): the
 * confirmation and the diagnosis. Handlers as in handlers.h: they change state and
 * return flags; none draws.
 */
struct lkm_tui_req;

extern const struct lkm_tui_screen_ops lkm_tui_confirm_screen;
extern const struct lkm_tui_screen_ops lkm_tui_diag_screen;

unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Starts REQ: a refusal's diagnosis when the session cannot act, else its dry run and
 * then the confirmation (or the dry run's diagnosis). */
unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req);

/* The refusal of OP on MODULE (may be NULL) when the session cannot act, as a
 * diagnosis. */
unsigned lkm_tui_refuse(struct lkm_tui_app *app, enum lkm_op op, const char *module);

/* One step as the preview and the diagnosis show it ("insert fat (dependency of msdos)").
 */
void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size);

/* A verb for an operation: "load", "unload", "set". */
const char *lkm_tui_op_word(enum lkm_op op);

/* Shows D (moved into the app: D is left empty) as the failure of REQ. */
unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req);
