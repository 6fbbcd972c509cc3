// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "core/owns.h"
#include "core/text.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "shared/strv.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/tui/fixreq.h"

/* ---- the session ---------------------------------------------------------------- */

void lkm_tui_session_open(struct lkm_tui_app *app, bool privileged)
{
	struct lkm_tui_session *s = &app->session;

	/* Out of memory for the resolver leaves a session without one: the TUI still
	 * shows what the kernel holds. */
	(void)lkm_session_open(&s->core, app->root, privileged);
}

static void drop_preview(struct lkm_tui_app *app)
{
	if (app->have_preview)
		lkm_result_release(&app->preview);
	app->have_preview = false;
}

/* ---- small helpers ---------------------------------------------------------------- */

const char *lkm_tui_op_word(enum lkm_op op)
{
	switch (op) {
	case LKM_OP_LOAD: return _("load");
	case LKM_OP_UNLOAD: return _("unload");
	default: return _("set");
	}
}

void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	lkm_text_step(&sb, s, dry_run ? LKM_STEP_TEXT_DRY_RUN : 0);
}

/* ---- running requests ----------------------------------------------------------------
 */

/* Runs REQ through the engine (a dry run when DRY). */
static int run(struct lkm_tui_app *app, const struct lkm_tui_req *req, bool dry,
	       struct lkm_result *res)
{
	const struct lkm_engine *e = &app->session.core.engine;
	unsigned flags = dry ? LKM_DRY_RUN : 0;

	switch (req->op) {
	case LKM_OP_LOAD: {
		const char *argv[LKM_TUI_MAX_WORDS];

		for (size_t i = 0; i < req->n_words; i++)
			argv[i] = req->words[i];
		return lkm_engine_load(e, req->target, argv, req->n_words,
				       flags | req->flags, res);
	}
	case LKM_OP_UNLOAD:
		return lkm_engine_unload(e, req->target, flags | req->flags, res);
	default:
		return lkm_engine_set(e, req->target, req->n_words ? req->words[0] : "",
				      flags | req->flags, res);
	}
}

/* The action's end: back to the screen it started from. */
static void leave(struct lkm_tui_app *app)
{
	lkm_tui_pop_steps(app);
}

/* The diagnosis of a failed RES (released by the caller) for REQ. */
static unsigned show_diag(struct lkm_tui_app *app, const struct lkm_tui_req *req,
			  const struct lkm_result *res)
{
	struct lkm_strbuf sb;

	/* The step before goes first (and with it a diagnosis shown before). */
	lkm_tui_push(app, &lkm_tui_diag_screen);
	if (lkm_explain_result(&app->session.core.ectx, res, &app->diag) < 0) {
		lkm_tui_message(app, "%s", _("out of memory"));
		leave(app);
		return LKM_TUI_CHANGED;
	}
	app->diag_req = *req;
	app->fix_ok = app->diag.n_fix && lkm_tui_fix_req(&app->diag.fixes[0], &app->fix);
	lkm_strbuf_init(&sb, app->diag_steps, sizeof(app->diag_steps));
	lkm_text_done_steps(&sb, res);
	return LKM_TUI_CHANGED;
}

/* What the engine would say, without asking it to act: the session cannot. */
static unsigned show_refusal(struct lkm_tui_app *app, const struct lkm_tui_req *req)
{
	struct lkm_result res;
	unsigned flags;

	memset(&res, 0, sizeof(res));
	res.log.fd = -1;
	res.op = req->op;
	res.target = strdup(req->target[0] ? req->target : "--root DIR");
	res.names_file = res.target && lkm_engine_names_file(res.target);
	res.refusal = app->session.core.refusal;
	res.err = res.refusal == LKM_REFUSE_OFFLINE_ROOT    ? -EROFS
		  : res.refusal == LKM_REFUSE_NOT_PERMITTED ? -EPERM
							    : -ENOENT;
	res.reason = strdup(app->session.core.why_not);
	flags = show_diag(app, req, &res);
	lkm_result_release(&res);
	return flags;
}

unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req)
{
	struct lkm_result res;

	if (!lkm_tui_can_act(app))
		return show_refusal(app, req);
	drop_preview(app);
	if (run(app, req, true, &res) == -ENOMEM && res.refusal == LKM_REFUSE_NONE &&
	    res.failed == res.n_steps) {
		lkm_result_release(&res);
		lkm_tui_message(app, "%s", _("out of memory"));
		leave(app);
		return LKM_TUI_CHANGED;
	}
	if (res.err) {
		unsigned flags = show_diag(app, req, &res);

		lkm_result_release(&res);
		return flags;
	}
	/* The step before (a form, a diagnosis, the confirmation of the same action) goes
	 * first: it drops what it held. */
	app->req = *req;
	lkm_tui_push(app, &lkm_tui_confirm_screen);
	app->preview = res;
	app->have_preview = true;
	return LKM_TUI_CHANGED;
}

static void keep_klog(struct lkm_tui_app *app, const struct lkm_result *res)
{
	lkm_tui_klog_release(app);
	for (size_t i = 0; i < res->log.n; i++)
		if (lkm_strv_addn(&app->klog, &app->n_klog, res->log.lines[i],
				  strlen(res->log.lines[i])) < 0)
			break; /* the strip shows the lines kept */
	if (res->log.err && res->log.n == 0)
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s: unreadable (%s)"),
			 lkm_tui_op_word(res->op), res->target, strerror(-res->log.err));
	else if (res->log.n == 0)
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s: no lines"), lkm_tui_op_word(res->op),
			 res->target);
	else
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s:"), lkm_tui_op_word(res->op),
			 res->target);
	/* The strip takes rows from the list. */
	lkm_tui_app_resize(app, app->lines, app->cols);
}

/* What was done, for the status line: "loaded fat, msdos". */
static void done_message(struct lkm_tui_app *app, const struct lkm_result *res)
{
	char list[200];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, list, sizeof(list));
	lkm_text_done_list(&sb, res);
	switch (res->op) {
	case LKM_OP_LOAD: lkm_tui_message(app, _("loaded %s"), list); break;
	case LKM_OP_UNLOAD: lkm_tui_message(app, _("unloaded %s"), list); break;
	default:
		lkm_tui_message(app, _("%s: wrote %s"),
				res->module ? res->module : res->target, list);
	}
}

static unsigned execute(struct lkm_tui_app *app)
{
	struct lkm_tui_req req = app->req;
	struct lkm_result res;
	unsigned flags = LKM_TUI_CHANGED | LKM_TUI_RESCAN;

	drop_preview(app);
	if (!lkm_tui_can_act(app))
		return show_refusal(app, &req) | flags;
	run(app, &req, false, &res);
	keep_klog(app, &res);
	if (res.err) {
		app->have_retry = false;
		flags |= show_diag(app, &req, &res);
		lkm_result_release(&res);
		return flags;
	}
	done_message(app, &res);
	if (res.op == LKM_OP_LOAD && res.module)
		snprintf(app->views[LKM_PANE_MODULES].cursor_key,
			 sizeof(app->views[LKM_PANE_MODULES].cursor_key), "%s",
			 res.module);
	lkm_result_release(&res);
	if (app->have_retry) {
		/* The fix worked: offer the action it was for again, with its own
		 * preview. */
		struct lkm_tui_req retry = app->retry;
		char msg[sizeof(app->message)];

		app->have_retry = false;
		snprintf(msg, sizeof(msg), "%s", app->message);
		flags |= lkm_tui_begin(app, &retry);
		if (lkm_tui_top(app) == LKM_SCREEN_CONFIRM)
			snprintf(app->message, sizeof(app->message),
				 _("%s; now again: %s %s?"), msg,
				 lkm_tui_op_word(retry.op), retry.target);
		return flags;
	}
	leave(app);
	return flags;
}

static unsigned confirm_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	switch (lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_CONFIRM, ev->key)) {
	case LKM_ACT_YES: return execute(app);
	case LKM_ACT_STACK:
		if (app->req.op == LKM_OP_UNLOAD) {
			struct lkm_tui_req req = app->req;

			req.flags ^= LKM_STACK;
			return lkm_tui_begin(app, &req);
		}
		break;
	case LKM_ACT_NO:
		drop_preview(app);
		app->have_retry = false;
		lkm_tui_message(app, _("%s %s: cancelled"), lkm_tui_op_word(app->req.op),
				app->req.target);
		leave(app);
		return LKM_TUI_CHANGED;
	case LKM_ACT_UP:
	case LKM_ACT_DOWN: return LKM_TUI_HANDLED;
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_message(app, "%s", _("y or Enter does it; n or Esc cancels"));
	return LKM_TUI_CHANGED;
}

static void diag_layout(struct lkm_tui_app *app);

/* ---- the diagnosis
 * ---------------------------------------------------------------------- */

static unsigned diag_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_DIAG, ev->key);

	switch (action) {
	case LKM_ACT_UP:
	case LKM_ACT_DOWN:
		/* Measured for this screen first: it never scrolls past its end. */
		diag_layout(app);
		lkm_tui_scroll_action(&lkm_tui_top_frame(app)->scroll, action);
		return LKM_TUI_CHANGED;
	case LKM_ACT_FIX:
		if (!app->fix_ok) {
			lkm_tui_message(
				app, "%s",
				_("this fix is not an action lkmtui can run from here"));
			return LKM_TUI_CHANGED;
		}
		app->retry = app->diag_req;
		app->have_retry = true;
		return lkm_tui_begin(app, &app->fix);
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	app->have_retry = false;
	leave(app);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req)
{
	lkm_tui_push(app, &lkm_tui_diag_screen);
	app->diag = *d;
	memset(d, 0, sizeof(*d));
	app->diag_req = *req;
	app->fix_ok = false;
	app->diag_steps[0] = '\0';
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_refuse(struct lkm_tui_app *app, enum lkm_op op, const char *module)
{
	struct lkm_tui_req req = { .op = op };

	snprintf(req.target, sizeof(req.target), "%s", module ? module : "");
	return show_refusal(app, &req);
}

unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = lkm_tui_current_module(app);
	struct lkm_tui_req req = { .op = LKM_OP_UNLOAD };

	if (m == NULL) {
		lkm_tui_message(app, "%s",
				_("u unloads the module under the cursor in the Modules "
				  "pane (1)"));
		return LKM_TUI_CHANGED;
	}
	if (!lkm_tui_can_act(app))
		return lkm_tui_refuse(app, LKM_OP_UNLOAD, m);
	snprintf(req.target, sizeof(req.target), "%s", m);
	return lkm_tui_begin(app, &req);
}

static void draw_confirm(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_result *res = &app->preview;
	char buf[1024];
	int y = LKM_TUI_LIST_Y + 1;

	snprintf(buf, sizeof(buf), _("%s %s: the steps (a dry run, nothing done yet)"),
		 lkm_tui_op_word(app->req.op), app->req.target);
	lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
	for (size_t i = 0; app->have_preview && i < res->n_steps && y < bottom - 4; i++) {
		lkm_tui_step_text(&res->steps[i], true, buf, sizeof(buf));
		lkm_tui_put(y++, 4, cols - 4, buf, false, lkm_tui_attr(LKM_ROLE_NORMAL));
	}
	if (app->have_preview && res->n_steps == 0)
		lkm_tui_put(y++, 4, cols - 4, _("nothing to do"), false,
			    lkm_tui_attr(LKM_ROLE_NORMAL));
	y++;
	for (size_t i = 0; app->have_preview && i < res->n_warnings && y < bottom - 3;
	     i++) {
		snprintf(buf, sizeof(buf), _("warning: %s"), res->warnings[i]);
		y = lkm_tui_wrapped(y, 2, bottom - 3, cols - 4, buf,
				    lkm_tui_attr(LKM_ROLE_MESSAGE));
	}
	if (app->req.op == LKM_OP_UNLOAD) {
		lkm_tui_put(y++, 2, cols - 2,
			    app->req.flags & LKM_STACK
				    ? _("s: stack unload is on: also what it "
					"used, when nothing else uses it")
				    : _("s: stack unload is off (s also "
					"unloads what it used, when nothing "
					"else uses it)"),
			    false, lkm_tui_attr(LKM_ROLE_NORMAL));
		y++;
	}
	snprintf(buf, sizeof(buf), _("%s %s now? y or Enter: yes; n or Esc: no"),
		 lkm_tui_op_word(app->req.op), app->req.target);
	buf[0] = (char)toupper((unsigned char)buf[0]);
	lkm_tui_put(y, 2, cols - 2, buf, false, lkm_tui_attr(LKM_ROLE_PROMPT));
}

/* A headed list of the diagnosis ("Evidence:", "Fix:") from row Y, rows outside the
 * window [LKM_TUI_LIST_Y, BOTTOM) skipped; returns the row after it and a blank. */
static int draw_items(int y, int bottom, int cols, const char *heading,
		      char *const *items, size_t n, const char *mark,
		      enum lkm_tui_role role)
{
	char buf[2048];

	if (n == 0)
		return y;
	if (y >= LKM_TUI_LIST_Y && y < bottom)
		lkm_tui_put(y, 2, cols - 2, heading, false,
			    lkm_tui_attr(LKM_ROLE_NOTICE));
	y++;
	for (size_t i = 0; i < n; i++, y++)
		if (y >= LKM_TUI_LIST_Y && y < bottom) {
			snprintf(buf, sizeof(buf), "%s%s", mark, items[i]);
			lkm_tui_put(y, 4, cols - 4, buf, false, lkm_tui_attr(role));
		}
	return y + 1;
}

/* The diagnosis from row Y (above the window when it is scrolled) in the window
 * [LKM_TUI_LIST_Y, BOTTOM); returns the row after its last. */
static int diag_body(const struct lkm_tui_app *app, int y, int bottom, int cols)
{
	const struct lkm_diagnosis *d = &app->diag;
	char buf[1024];

	/* Rows outside the window [LKM_TUI_LIST_Y, BOTTOM) are counted, not drawn. */
#define ROW_OK(r) ((r) >= LKM_TUI_LIST_Y && (r) < bottom)
	if (d->teach) {
		/* Paragraph lines: wrap into the visible window. */
		const char *p = d->teach;
		size_t w = cols > 5 ? (size_t)(cols - 4) : 1;

		if (bottom > LKM_TUI_LIST_Y)
			attrset(lkm_tui_attr(LKM_ROLE_NORMAL));
		while (*p) {
			const char *line = p;
			size_t cut = lkm_text_wrap(line, w, &p);

			if (ROW_OK(y))
				mvaddnstr(y, 2, line, (int)cut);
			y++;
		}
	}
	y++;
	if (app->diag_steps[0]) {
		snprintf(buf, sizeof(buf), _("done before it failed: %s"),
			 app->diag_steps);
		if (ROW_OK(y))
			lkm_tui_put(y, 2, cols - 2, buf, false,
				    lkm_tui_attr(LKM_ROLE_NORMAL));
		y += 2;
	}
	y = draw_items(y, bottom, cols, _("Evidence:"), d->evidence, d->n_evidence, "- ",
		       LKM_ROLE_NORMAL);
	y = draw_items(y, bottom, cols, _("Fix:"), d->fix, d->n_fix, "> ",
		       LKM_ROLE_PROMPT);
	if (app->fix_ok && ROW_OK(y)) {
		char words[512], fix[1024], line[1600];

		lkm_tui_req_words_text(&app->fix, words, sizeof(words));
		snprintf(fix, sizeof(fix), "%s %s%s%s", lkm_tui_op_word(app->fix.op),
			 app->fix.target, words[0] ? " " : "", words);
		snprintf(line, sizeof(line),
			 _("f runs the fix (%s), then offers %s %s again."), fix,
			 lkm_tui_op_word(app->diag_req.op), app->diag_req.target);
		lkm_tui_put(y, 2, cols - 2, line, false, lkm_tui_attr(LKM_ROLE_MESSAGE));
	}
	return app->fix_ok ? y + 1 : y;
#undef ROW_OK
}

static void draw_diag(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_diagnosis *d = &app->diag;
	char buf[1024];
	const struct lkm_tui_frame *f = lkm_tui_frame_of(app, LKM_SCREEN_DIAG);

	if (app->diag_req.target[0])
		snprintf(buf, sizeof(buf), _("%s %s failed: %s"),
			 lkm_tui_op_word(app->diag_req.op), app->diag_req.target,
			 d->title ? d->title : "");
	else
		snprintf(buf, sizeof(buf), _("%s: %s"), lkm_tui_op_word(app->diag_req.op),
			 d->title ? d->title : "");
	lkm_tui_title(cols, buf, LKM_ROLE_ALERT);
	diag_body(app, LKM_TUI_LIST_Y + 1 - (int)(f ? f->scroll.top : 0), bottom, cols);
}

static void diag_layout(struct lkm_tui_app *app)
{
	struct lkm_tui_frame *f = lkm_tui_frame_find(app, LKM_SCREEN_DIAG);
	int bottom = app->lines - 1 - lkm_tui_strip_rows(app);

	if (f == NULL)
		return;
	/* An empty window draws nothing: the body is only measured. */
	f->scroll.n = (size_t)(diag_body(app, LKM_TUI_LIST_Y + 1, LKM_TUI_LIST_Y,
					 app->cols > 0 ? app->cols : 80) -
			       LKM_TUI_LIST_Y);
	f->scroll.height =
		bottom > LKM_TUI_LIST_Y ? (size_t)(bottom - LKM_TUI_LIST_Y) : 1;
	lkm_tui_scroll_clamp(&f->scroll);
}

static void confirm_hint(const struct lkm_tui_app *app, char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_YES, LKM_ACT_NONE, 2, N_("do it") },
		{ LKM_ACT_NO, LKM_ACT_NONE, 2, N_("cancel") },
	};

	lkm_tui_hint_text(&app->keymap, LKM_KEYS_CONFIRM, parts,
			  sizeof(parts) / sizeof(parts[0]), buf, size);
}

static void diag_hint(const struct lkm_tui_app *app, char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_FIX, LKM_ACT_NONE, 1, N_("run the fix") },
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("scroll") },
		{ LKM_ACT_NONE, LKM_ACT_NONE, 0, N_("other keys return") },
	};
	/* The fix is offered when it is an action lkmtui can run. */
	size_t skip = app->fix_ok ? 0 : 1;

	lkm_tui_hint_text(&app->keymap, LKM_KEYS_DIAG, parts + skip,
			  sizeof(parts) / sizeof(parts[0]) - skip, buf, size);
}

static void diag_release(struct lkm_tui_app *app)
{
	lkm_diagnosis_release(&app->diag);
	memset(&app->diag, 0, sizeof(app->diag));
}

const struct lkm_tui_screen_ops lkm_tui_confirm_screen = {
	.id = LKM_SCREEN_CONFIRM,
	.name = "confirm",
	.layer = LKM_LAYER_STEP,
	.key = confirm_key,
	.draw = draw_confirm,
	.hint = confirm_hint,
	.release = drop_preview,
};

const struct lkm_tui_screen_ops lkm_tui_diag_screen = {
	.id = LKM_SCREEN_DIAG,
	.name = "diagnosis",
	.layer = LKM_LAYER_STEP,
	.key = diag_key,
	.draw = draw_diag,
	.hint = diag_hint,
	.refresh = diag_layout,
	.release = diag_release,
};
