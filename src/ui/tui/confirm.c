// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/persist.h"
#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"

/*
 * The confirmation of an action (a step of it): its steps as the dry run found them,
 * y runs it (actions.c), s turns a stack unload on or off, n cancels.
 */
struct lkm_tui_confirm {
	struct lkm_tui_req req;	   /* what y runs */
	struct lkm_result preview; /* its dry run */
	struct lkm_tui_req retry;  /* a fix's: the action offered again after it */
	bool have_retry;
	struct lkm_diagnosis *foresight; /* what explain foresees for a load */
	size_t n_foresight;
};

static int confirm_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_confirm_arg *a = arg;
	struct lkm_tui_confirm *c = calloc(1, sizeof(*c));

	(void)app;
	if (c == NULL)
		return -ENOMEM;
	if (!lkm_tui_req_copy(&c->req, a->req) ||
	    (a->retry && !lkm_tui_req_copy(&c->retry, a->retry))) {
		lkm_tui_req_release(&c->req);
		free(c);
		return -ENOMEM;
	}
	c->have_retry = a->retry != NULL;
	c->preview = *a->preview;
	memset(a->preview, 0, sizeof(*a->preview));
	a->preview->log.fd = -1;
	c->foresight = a->foresight;
	c->n_foresight = a->n_foresight;
	f->data = c;
	return 0;
}

static void confirm_release(void *data)
{
	struct lkm_tui_confirm *c = data;

	lkm_result_release(&c->preview);
	lkm_diagnoses_free(c->foresight, c->n_foresight);
	lkm_tui_req_release(&c->req);
	lkm_tui_req_release(&c->retry);
	free(c);
}

static unsigned confirm_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			    const struct lkm_tui_event *ev)
{
	const struct lkm_tui_confirm *c = f->data;

	switch (lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_CONFIRM, ev->key)) {
	case LKM_ACT_YES:
		return lkm_tui_execute(app, &c->req, c->have_retry ? &c->retry : NULL);
	case LKM_ACT_STACK:
		if (c->req.op == LKM_OP_UNLOAD) {
			/* Borrows C's words: lkm_tui_begin copies them first. */
			struct lkm_tui_req req = c->req;

			req.flags ^= LKM_STACK;
			return lkm_tui_begin(app, &req, c->have_retry ? &c->retry : NULL);
		}
		break;
	case LKM_ACT_PERSIST:
		if (c->req.op == LKM_OP_BLOCK || c->req.op == LKM_OP_UNBLOCK) {
			struct lkm_tui_req req = c->req;

			req.flags ^= LKM_PERSIST;
			return lkm_tui_begin(app, &req, NULL);
		}
		break;
	case LKM_ACT_NO:
		lkm_tui_message(app, _("%s %s: cancelled"), lkm_tui_op_word(c->req.op),
				c->req.target);
		lkm_tui_pop_steps(app);
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

/* What p does on a block's or an unblock's preview, into BUF (empty: another action). */
static void persist_line(const struct lkm_tui_req *r, char *buf, size_t size)
{
	bool on = r->flags & LKM_PERSIST;

	buf[0] = '\0';
	if (r->op == LKM_OP_BLOCK && on)
		snprintf(buf, size,
			 _("p: for every boot, in %s (p again: in %s, until the next "
			   "boot)"),
			 LKM_PERSIST_FILE, LKM_BLOCK_RUN_FILE);
	else if (r->op == LKM_OP_BLOCK)
		snprintf(buf, size,
			 _("p: until the next boot, in %s, which a boot empties (p: in "
			   "%s, for every boot)"),
			 LKM_BLOCK_RUN_FILE, LKM_PERSIST_FILE);
	else if (r->op == LKM_OP_UNBLOCK && on)
		snprintf(buf, size, _("p: from %s and %s (p again: from %s only)"),
			 LKM_BLOCK_RUN_FILE, LKM_PERSIST_FILE, LKM_BLOCK_RUN_FILE);
	else if (r->op == LKM_OP_UNBLOCK)
		snprintf(buf, size, _("p: from %s only (p: from %s too)"),
			 LKM_BLOCK_RUN_FILE, LKM_PERSIST_FILE);
}

/* What explain foresees for this load: each problem's title and kind, and its fix. */
static int draw_foresight(const struct lkm_tui_confirm *c, int y, int bottom, int cols)
{
	attr_t warn = lkm_tui_attr(LKM_ROLE_MESSAGE);
	char buf[1024];

	for (size_t i = 0; i < c->n_foresight && y < bottom; i++) {
		const struct lkm_diagnosis *d = &c->foresight[i];

		snprintf(buf, sizeof(buf), "%s  [%s]", d->title, lkm_diag_id(d->kind));
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 4,
				       _("foreseen: "), buf, warn);
		for (size_t k = 0; k < d->n_fixes && k < 2 && y < bottom; k++)
			y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 6,
					       "> ", d->fixes[k].text,
					       lkm_tui_attr(LKM_ROLE_NORMAL));
	}
	return c->n_foresight ? y + 1 : y;
}

static void draw_confirm(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			 int bottom, int cols)
{
	const struct lkm_tui_confirm *c = f->data;
	const struct lkm_result *res = &c->preview;
	attr_t normal = lkm_tui_attr(LKM_ROLE_NORMAL);
	char buf[1024];
	int y = LKM_TUI_LIST_Y + 1;

	(void)app;
	snprintf(buf, sizeof(buf), _("%s %s: the steps (a dry run, nothing done yet)"),
		 lkm_tui_op_word(c->req.op), c->req.target);
	lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
	for (size_t i = 0; i < res->n_steps && y < bottom - 4; i++) {
		lkm_tui_step_text(&res->steps[i], true, buf, sizeof(buf));
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom - 4, 4, cols - 4, "",
				       buf, normal);
	}
	if (res->n_steps == 0)
		lkm_tui_put(y++, 4, cols - 4, _("nothing to do"), false, normal);
	y++;
	for (size_t i = 0; i < res->n_warnings && y < bottom - 3; i++) {
		snprintf(buf, sizeof(buf), _("warning: %s"), res->warnings[i]);
		y = lkm_tui_wrapped(y, 2, bottom - 3, cols - 4, buf,
				    lkm_tui_attr(LKM_ROLE_MESSAGE));
	}
	y = draw_foresight(c, y, bottom - 3, cols);
	if (c->req.op == LKM_OP_UNLOAD)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "",
				       c->req.flags & LKM_STACK
					       ? _("s: stack unload is on: also what it "
						   "used, when nothing else uses it")
					       : _("s: stack unload is off (s also "
						   "unloads what it used, when nothing "
						   "else uses it)"),
				       normal) +
		    1;
	persist_line(&c->req, buf, sizeof(buf));
	if (buf[0])
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", buf,
				       normal) +
		    1;
	snprintf(buf, sizeof(buf), _("%s %s now? y or Enter: yes; n or Esc: no"),
		 lkm_tui_op_word(c->req.op), c->req.target);
	buf[0] = (char)toupper((unsigned char)buf[0]);
	lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", buf,
			   lkm_tui_attr(LKM_ROLE_PROMPT));
}

void lkm_tui_confirm_hint(const struct lkm_tui_app *app, char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_YES, LKM_ACT_NONE, 2, N_("do it") },
		{ LKM_ACT_NO, LKM_ACT_NONE, 2, N_("cancel") },
	};

	lkm_tui_hint_text(&app->keymap, LKM_KEYS_CONFIRM, parts,
			  sizeof(parts) / sizeof(parts[0]), buf, size);
}

static void confirm_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			 char *buf, size_t size)
{
	(void)f;
	lkm_tui_confirm_hint(app, buf, size);
}

const struct lkm_tui_screen_ops lkm_tui_confirm_screen = {
	.id = LKM_SCREEN_CONFIRM,
	.name = "confirm",
	.layer = LKM_LAYER_STEP,
	.open = confirm_open,
	.key = confirm_key,
	.draw = draw_confirm,
	.hint = confirm_hint,
	.release = confirm_release,
};
