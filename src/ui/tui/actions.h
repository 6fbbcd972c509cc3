/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "core/explain.h"
#include "ui/tui/app.h"
#include "ui/tui/req.h"

/*
 * The TUI's actions, through the engine and never around it: load, unload and set (and
 * a fix), each asked for in a form, shown as a dry-run preview to confirm, run, and on
 * failure explained with its fix; and an interrupt line's CPUs. This is no screen: it
 * pushes the action's steps (the form, the confirmation, the diagnosis) on the stack
 * with what each shows, and the steps call back here. Each returns enum lkm_tui_result
 * flags; none draws.
 */

/* Asks for the words of OP in the form (LKM_INPUT_* WHAT, for MODULE, TEXT typed
 * already; either may be NULL), or shows the refusal when the session cannot act. */
unsigned lkm_tui_ask(struct lkm_tui_app *app, enum lkm_tui_input what, const char *module,
		     const char *text);

/* Starts REQ: a refusal's diagnosis when the session cannot act, else its dry run and
 * then the confirmation (or the dry run's diagnosis). RETRY (may be NULL): the action a
 * fix REQ is for, offered again once it worked. */
unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req,
		       const struct lkm_tui_req *retry);

/* Runs REQ for real (y on its confirmation): what was done on the status line and the
 * kernel's lines in the strip, then RETRY's preview (may be NULL), or the diagnosis. */
unsigned lkm_tui_execute(struct lkm_tui_app *app, const struct lkm_tui_req *req,
			 const struct lkm_tui_req *retry);

/* b on a module's detail: the preview of blocking MODULE, or of unblocking it when
 * lkmtui's files block it (from /etc too when it is blocked there). */
unsigned lkm_tui_block(struct lkm_tui_app *app, const char *module);

/* The refusal of OP on MODULE (may be NULL) when the session cannot act, as a
 * diagnosis. */
unsigned lkm_tui_refuse(struct lkm_tui_app *app, enum lkm_op op, const char *module);

/* Shows D (moved into the diagnosis screen: D is left empty) as the failure of REQ. */
unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req);

/* a: the affinity form for interrupt line LABEL (a message when it has no number). */
unsigned lkm_tui_ask_affinity(struct lkm_tui_app *app, const char *label);

/* Enter in the affinity form: TEXT checked against the online CPUs (a refusal goes to
 * NOTE, of SIZE bytes, and the form stays), then written through the kernel boundary;
 * a refusal of the kernel's opens its diagnosis. */
unsigned lkm_tui_affinity_set(struct lkm_tui_app *app, const char *label,
			      const char *text, char *note, size_t size);

/* One step as the preview and the diagnosis show it ("insert fat (dependency of msdos)").
 */
void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size);
