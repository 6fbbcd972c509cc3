// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <curses.h>

#include "core/affinity.h"
#include "core/keep.h"
#include "core/persist.h"
#include "core/text.h"
#include "i18n.h"
#include "model/irqaffinity.h"
#include "model/modules.h"
#include "shared/strbuf.h"
#include "shared/strv.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/req.h"

/* ---- small helpers ---------------------------------------------------------------- */

void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	lkm_text_step(&sb, s, dry_run ? LKM_STEP_TEXT_DRY_RUN : 0);
}

/* ---- running requests ----------------------------------------------------------------
 */

/* Runs REQ through the engine (a dry run when DRY), its words split as the engine takes
 * them (lkm_params_parse). */
static int run(struct lkm_tui_app *app, const struct lkm_tui_req *req, bool dry,
	       struct lkm_result *res)
{
	const struct lkm_engine *e = &app->session.core.engine;
	unsigned flags = (dry ? LKM_DRY_RUN : 0) | req->flags;
	const char *none[] = { "" };
	const char *const *words = req->n_words ? (const char *const *)req->words : none;
	struct lkm_params p;
	int err;

	switch (req->op) {
	case LKM_OP_UNLOAD: return lkm_engine_unload(e, req->target, flags, res);
	case LKM_OP_BLOCK: return lkm_engine_block(e, req->target, flags, res);
	case LKM_OP_UNBLOCK: return lkm_engine_unblock(e, req->target, flags, res);
	default: break;
	}
	/* set: one word, "" when none was typed (the engine says what is missing). */
	if (lkm_params_parse(words, req->op == LKM_OP_SET ? 1 : req->n_words, &p) < 0) {
		lkm_result_init(res, req->op, req->target);
		res->err = -ENOMEM;
		return -ENOMEM;
	}
	if (req->op == LKM_OP_LOAD)
		err = lkm_engine_load(e, req->target, &p, flags, res);
	else
		err = lkm_engine_set(e, req->target, &p.v[0], flags, res);
	lkm_params_release(&p);
	return err;
}

/* What explain predicts for loading REQ: the diagnoses in *OUT, their number or < 0. */
static int foresee(struct lkm_tui_app *app, const struct lkm_tui_req *req,
		   struct lkm_diagnosis **out)
{
	struct lkm_params p;
	int n;

	*out = NULL;
	if (lkm_params_parse((const char *const *)req->words, req->n_words, &p) < 0)
		return -ENOMEM;
	n = lkm_explain_predict(&app->session.core.ectx, &app->session.core.engine,
				req->target, &p, out);
	lkm_params_release(&p);
	return n;
}

/* An action run by a thread of its own while the screen shows how long it has taken:
 * the kernel may take seconds (a module's exit function sleeping). The thread only
 * runs the engine; this one only draws. */
struct worker {
	struct lkm_tui_app *app;
	const struct lkm_tui_req *req;
	struct lkm_result *res;
	int done;	      /* an eventfd: written when the action has run */
	atomic_bool finished; /* the same, should that write fail */
};

static void *work(void *arg)
{
	struct worker *w = arg;
	uint64_t one = 1;

	run(w->app, w->req, false, w->res);
	atomic_store(&w->finished, true);
	if (write(w->done, &one, sizeof(one)) < 0)
		return NULL; /* the waiting side sees FINISHED within a second */
	return NULL;
}

static void run_shown(struct lkm_tui_app *app, const struct lkm_tui_req *req,
		      struct lkm_result *res)
{
	struct worker w = { .app = app, .req = req, .res = res };
	pthread_t t;

	w.done = eventfd(0, EFD_CLOEXEC);
	if (w.done < 0 || pthread_create(&t, NULL, work, &w) != 0) {
		if (w.done >= 0)
			close(w.done);
		run(app, req, false, res);
		return;
	}
	/* Signals stay blocked (the loop reads them after): nothing interrupts this. */
	for (int secs = 1;; secs++) {
		struct pollfd p = { .fd = w.done, .events = POLLIN };

		if (poll(&p, 1, 1000) != 0 || atomic_load(&w.finished))
			break;
		lkm_tui_message(app,
				req->op == LKM_OP_LOAD	   ? _("loading %s... (%d s)")
				: req->op == LKM_OP_UNLOAD ? _("unloading %s... (%d s)")
							   : _("setting %s... (%d s)"),
				req->target, secs);
		lkm_tui_draw(app);
		refresh();
	}
	pthread_join(t, NULL);
	close(w.done);
	app->message[0] = '\0';
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
	struct lkm_diagnosis d;
	char steps[512];
	struct lkm_strbuf sb;
	struct lkm_tui_diag_arg arg = {
		.diag = &d, .req = req, .steps = steps, .offer_fix = true
	};

	if (lkm_explain_result(&app->session.core.ectx, res, &d) < 0) {
		lkm_tui_message(app, "%s", _("out of memory"));
		leave(app);
		return LKM_TUI_CHANGED;
	}
	lkm_strbuf_init(&sb, steps, sizeof(steps));
	lkm_text_done_steps(&sb, res);
	/* The step before goes (and with it a diagnosis shown before). */
	if (lkm_tui_push(app, LKM_SCREEN_DIAG, &arg) == NULL) {
		lkm_diagnosis_release(&d);
		lkm_tui_message(app, "%s", _("out of memory"));
	}
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
	res.err = res.refusal == LKM_REFUSE_OFFLINE_ROOT	? -EROFS
		  : res.refusal == LKM_REFUSE_NOT_PERMITTED	? -EPERM
		  : res.refusal == LKM_REFUSE_NO_MODULE_SUPPORT ? -ENOSYS
								: -ENOENT;
	res.reason = strdup(app->session.core.why_not);
	flags = show_diag(app, req, &res);
	lkm_result_release(&res);
	return flags;
}

/* R and AGAIN: copies of REQ and RETRY (RETRY may be NULL: AGAIN is then R's copy);
 * false when out of memory (said, the action left, nothing to release). */
static bool copy_reqs(struct lkm_tui_app *app, const struct lkm_tui_req *req,
		      const struct lkm_tui_req *retry, struct lkm_tui_req *r,
		      struct lkm_tui_req *again)
{
	if (lkm_tui_req_copy(r, req)) {
		if (lkm_tui_req_copy(again, retry ? retry : req))
			return true;
		lkm_tui_req_release(r);
	}
	lkm_tui_message(app, "%s", _("out of memory"));
	leave(app);
	return false;
}

/* lkm_tui_begin on copies R and AGAIN (the caller's, released by it). */
static unsigned begin(struct lkm_tui_app *app, const struct lkm_tui_req *r,
		      const struct lkm_tui_req *again)
{
	struct lkm_tui_confirm_arg arg = { .req = r, .retry = again };
	struct lkm_result res;

	/* A new action: the kernel's lines of the one before are not its. */
	if (app->strip.klog_title[0]) {
		lkm_tui_klog_release(app);
		lkm_tui_app_resize(app, app->term.lines, app->term.cols);
	}
	if (!lkm_tui_can_act(app))
		return show_refusal(app, r);
	if (run(app, r, true, &res) == -ENOMEM && res.refusal == LKM_REFUSE_NONE &&
	    res.failed == res.n_steps) {
		lkm_result_release(&res);
		lkm_tui_message(app, "%s", _("out of memory"));
		leave(app);
		return LKM_TUI_CHANGED;
	}
	if (res.err) {
		unsigned flags = show_diag(app, r, &res);

		lkm_result_release(&res);
		return flags;
	}
	/* A load: what explain foresees goes on the preview (not found: nothing). */
	if (r->op == LKM_OP_LOAD) {
		int n = foresee(app, r, &arg.foresight);

		arg.n_foresight = n > 0 ? (size_t)n : 0;
	}
	/* The step before (a form, a diagnosis, the confirmation of the same action) goes
	 * first: it drops what it held. */
	arg.preview = &res;
	if (lkm_tui_push(app, LKM_SCREEN_CONFIRM, &arg) == NULL) {
		lkm_result_release(&res);
		lkm_diagnoses_free(arg.foresight, arg.n_foresight);
		lkm_tui_message(app, "%s", _("out of memory"));
	}
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req,
		       const struct lkm_tui_req *retry)
{
	/* Copies: REQ and RETRY may be the data of the step that the next one replaces.
	 */
	struct lkm_tui_req r, again;
	unsigned flags;

	if (!copy_reqs(app, req, retry, &r, &again))
		return LKM_TUI_CHANGED;
	flags = begin(app, &r, retry ? &again : NULL);
	lkm_tui_req_release(&r);
	lkm_tui_req_release(&again);
	return flags;
}

static void keep_klog(struct lkm_tui_app *app, const struct lkm_result *res)
{
	struct lkm_tui_strip *s = &app->strip;

	lkm_tui_klog_release(app);
	for (size_t i = 0; i < res->log.n; i++)
		if (lkm_strv_addn(&s->klog, &s->n_klog, res->log.lines[i],
				  strlen(res->log.lines[i])) < 0)
			break; /* the strip shows the lines kept */
	if (res->log.err && res->log.n == 0)
		snprintf(s->klog_title, sizeof(s->klog_title),
			 _("kernel log of %s %s: unreadable (%s)"),
			 lkm_tui_op_word(res->op), res->target, strerror(-res->log.err));
	else if (res->log.n == 0)
		snprintf(s->klog_title, sizeof(s->klog_title),
			 _("kernel log of %s %s: no lines"), lkm_tui_op_word(res->op),
			 res->target);
	else
		snprintf(s->klog_title, sizeof(s->klog_title), _("kernel log of %s %s:"),
			 lkm_tui_op_word(res->op), res->target);
	/* The strip takes rows from the list. */
	lkm_tui_app_resize(app, app->term.lines, app->term.cols);
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
	case LKM_OP_BLOCK: lkm_tui_message(app, _("blocked %s"), res->module); break;
	case LKM_OP_UNBLOCK: lkm_tui_message(app, _("unblocked %s"), res->module); break;
	default:
		lkm_tui_message(app, _("%s: wrote %s"),
				res->module ? res->module : res->target, list);
	}
}

/* A load done from a module's detail: the detail shows the module loaded (another one
 * than it showed, maybe), not what it showed before. */
static void show_loaded(struct lkm_tui_app *app, const struct lkm_result *res)
{
	if (res->op != LKM_OP_LOAD || res->module == NULL ||
	    lkm_tui_top(app) != LKM_SCREEN_DETAIL)
		return;
	lkm_tui_pop(app);
	if (lkm_tui_push(app, LKM_SCREEN_DETAIL, res->module) == NULL)
		lkm_tui_message(app, "%s", _("out of memory"));
}

/* The fix did what RETRY asks as well (a stack unload took the module the unload was
 * refused for; a load by name loaded the module whose file failed): nothing to offer
 * again. */
static bool retry_done(const struct lkm_result *res, const struct lkm_tui_req *retry)
{
	if (retry->op != res->op || retry->op == LKM_OP_SET)
		return false;
	for (size_t i = 0; i < res->n_steps; i++)
		if (res->steps[i].done &&
		    lkm_tui_req_names_module(retry, res->steps[i].module))
			return true;
	return false;
}

/* lkm_tui_execute on copies R and AGAIN (the caller's, released by it). */
static unsigned execute(struct lkm_tui_app *app, const struct lkm_tui_req *r,
			const struct lkm_tui_req *again)
{
	struct lkm_result res;
	unsigned flags = LKM_TUI_CHANGED | LKM_TUI_RESCAN;
	char msg[sizeof(app->message)];
	bool done;

	if (!lkm_tui_can_act(app))
		return show_refusal(app, r) | flags;
	run_shown(app, r, &res);
	/* modprobe.d changed: the next preview and action must meet the new rules (the
	 * session's resolver read them when it was made). */
	if (r->op == LKM_OP_BLOCK || r->op == LKM_OP_UNBLOCK || (r->flags & LKM_PERSIST))
		(void)lkm_session_reopen(&app->session.core);
	keep_klog(app, &res);
	if (res.err) {
		flags |= show_diag(app, r, &res);
		lkm_result_release(&res);
		return flags;
	}
	done_message(app, &res);
	if (res.op == LKM_OP_LOAD && res.module)
		snprintf(app->views[LKM_PANE_MODULES].cursor_key,
			 sizeof(app->views[LKM_PANE_MODULES].cursor_key), "%s",
			 res.module);
	done = again == NULL || retry_done(&res, again);
	if (done) {
		leave(app);
		show_loaded(app, &res);
		lkm_result_release(&res);
		return flags;
	}
	/* The fix worked: offer the action it was for again, with its own preview, under
	 * the kernel's lines of the fix. */
	snprintf(msg, sizeof(msg), "%s", app->message);
	flags |= begin(app, again, NULL);
	keep_klog(app, &res);
	lkm_result_release(&res);
	if (lkm_tui_top(app) == LKM_SCREEN_CONFIRM)
		lkm_tui_message(app, _("%s; now again: %s %s?"), msg,
				lkm_tui_op_word(again->op), again->target);
	return flags;
}

unsigned lkm_tui_execute(struct lkm_tui_app *app, const struct lkm_tui_req *req,
			 const struct lkm_tui_req *retry)
{
	/* Copies: both are the confirmation's, which goes with the next step. */
	struct lkm_tui_req r, again;
	unsigned flags = LKM_TUI_CHANGED | LKM_TUI_RESCAN;

	if (!copy_reqs(app, req, retry, &r, &again))
		return flags;
	flags |= execute(app, &r, retry ? &again : NULL);
	lkm_tui_req_release(&r);
	lkm_tui_req_release(&again);
	return flags;
}

unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req)
{
	/* A copy: REQ may be the data of the step that the diagnosis replaces. */
	struct lkm_tui_req r;
	struct lkm_tui_diag_arg arg = { .diag = d, .req = &r };

	if (!lkm_tui_req_copy(&r, req) ||
	    lkm_tui_push(app, LKM_SCREEN_DIAG, &arg) == NULL) {
		lkm_diagnosis_release(d);
		lkm_tui_message(app, "%s", _("out of memory"));
	}
	lkm_tui_req_release(&r);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_block(struct lkm_tui_app *app, const char *module)
{
	struct lkm_tui_req req = { .op = LKM_OP_BLOCK };
	int run = lkm_persist_has(app->root, LKM_HAS_BLOCK_RUN, module);
	int etc = lkm_persist_has(app->root, LKM_HAS_BLOCK_ETC, module);

	if (run > 0 || etc > 0)
		req.op = LKM_OP_UNBLOCK;
	if (etc > 0)
		req.flags |= LKM_PERSIST;
	snprintf(req.target, sizeof(req.target), "%s", module);
	return lkm_tui_begin(app, &req, NULL);
}

unsigned lkm_tui_refuse(struct lkm_tui_app *app, enum lkm_op op, const char *module)
{
	struct lkm_tui_req req = { .op = op };

	snprintf(req.target, sizeof(req.target), "%s", module ? module : "");
	return show_refusal(app, &req);
}

unsigned lkm_tui_ask(struct lkm_tui_app *app, enum lkm_tui_input what, const char *module,
		     const char *text)
{
	struct lkm_tui_form_arg arg = { .what = what, .module = module, .text = text };

	if (what != LKM_INPUT_AFFINITY && !lkm_tui_can_act(app))
		return lkm_tui_refuse(app,
				      what == LKM_INPUT_SET ? LKM_OP_SET : LKM_OP_LOAD,
				      what == LKM_INPUT_SET ? module : NULL);
	if (lkm_tui_push(app, LKM_SCREEN_FORM, &arg) == NULL)
		lkm_tui_message(app, "%s", _("out of memory"));
	return LKM_TUI_CHANGED;
}

/* ---- an interrupt line's CPUs -------------------------------------------------------
 */

unsigned lkm_tui_ask_affinity(struct lkm_tui_app *app, const char *label)
{
	struct lkm_irq_affinity a;
	unsigned irq;

	if (label == NULL || !lkm_irq_number(label, &irq)) {
		lkm_tui_message(app, "%s",
				_("a changes the CPUs of a numbered interrupt line "
				  "(Interrupts pane, 3); NMI, LOC and the like run on "
				  "every CPU"));
		return LKM_TUI_CHANGED;
	}
	lkm_irq_affinity_read(app->root, irq, &a);
	return lkm_tui_ask(app, LKM_INPUT_AFFINITY, label, a.affinity);
}

unsigned lkm_tui_affinity_set(struct lkm_tui_app *app, const char *label,
			      const char *text, char *note, size_t size)
{
	struct lkm_affinity_change ch;
	struct lkm_diagnosis d = { 0 };
	struct lkm_tui_req req = { .op = LKM_OP_SET };
	const struct lkm_ops *ops = NULL;
	struct lkm_real_ops real;
	unsigned irq;
	int err;

	if (!lkm_irq_number(label, &irq))
		return LKM_TUI_CHANGED;
	/* The form checks before anything is written: the refusal stays on the form. */
	if (lkm_affinity_check(app->root, irq, text, &ch, &d) < 0) {
		snprintf(note, size, "%s%s%s", d.title, d.n_evidence ? ": " : "",
			 d.n_evidence ? d.evidence[d.n_evidence - 1] : "");
		lkm_diagnosis_release(&d);
		return LKM_TUI_CHANGED;
	}
	/* A root only looked at is never written to (whole-program tests say the kernel
	 * is faked, and write into their copy). */
	lkm_real_ops_init(&real, NULL, app->root);
	if (lkm_session_may_act(app->root))
		ops = &real.ops;
	err = lkm_affinity_set(ops, app->root, irq, text, &ch, &d);
	snprintf(req.target, sizeof(req.target), _("irq %u to CPUs %s"), irq, ch.cpus);
	if (err < 0)
		return lkm_tui_show_diagnosis(app, &d, &req);
	lkm_tui_pop_steps(app); /* back to the line's detail, or the pane */
	if (ch.irqbalance)
		lkm_tui_message(app,
				_("irq %u: CPUs %s (was %s); irqbalance runs and will "
				  "move it again"),
				irq, ch.after, ch.before);
	else
		lkm_tui_message(app, _("irq %u: CPUs %s (was %s)"), irq, ch.after,
				ch.before);
	return LKM_TUI_CHANGED;
}
