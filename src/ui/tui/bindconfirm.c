// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A bind or an unbind of the Hardware pane (a step of it): its steps as the dry run found
 * them (the load the module needs first, each file to be written) and what stops
 * working on the device (its interfaces, the mounts of its disks: core/bind.c); y does
 * it, n cancels. A refusal (the root file system's disk, the login's interface, a
 * module with no driver for the bus) shows its diagnosis instead. Once done: the
 * driver before and after, and the kernel's lines; any key returns.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/bind.h"
#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"

struct bindc {
	char address[128];
	char module[256]; /* "": unbind */
	struct lkm_bind_result r;
	bool ran; /* R is what doing it did, not its dry run */
};

static int run(struct lkm_tui_app *app, struct bindc *b, unsigned flags)
{
	const struct lkm_session *s = &app->session.core;

	lkm_bind_result_release(&b->r);
	return b->module[0] ? lkm_bind(s, b->address, b->module, flags, &b->r)
			    : lkm_unbind(s, b->address, flags, &b->r);
}

static int bind_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_bind_arg *a = arg;
	struct bindc *b = calloc(1, sizeof(*b));

	if (b == NULL) {
		lkm_tui_message(app, "%s", _("out of memory"));
		return -ENOMEM;
	}
	/* Nothing open yet: released before each run. */
	b->r.log.fd = -1;
	b->r.load.log.fd = -1;
	snprintf(b->address, sizeof(b->address), "%s", a->address);
	snprintf(b->module, sizeof(b->module), "%s", a->module ? a->module : "");
	if (run(app, b, LKM_BIND_DRY_RUN) == -ENOMEM && !b->r.has_diag) {
		lkm_bind_result_release(&b->r);
		free(b);
		lkm_tui_message(app, "%s", _("out of memory"));
		return -ENOMEM;
	}
	f->data = b;
	return 0;
}

static void bind_release(void *data)
{
	struct bindc *b = data;

	lkm_bind_result_release(&b->r);
	free(b);
}

/* Whether y does it: a dry run that found nothing against it, on a session that may act
 * (an offline root, or a process without the privilege, shows why not). */
static bool may_do(const struct lkm_tui_app *app, const struct bindc *b)
{
	return !b->ran && !b->r.has_diag && b->r.err == 0 && lkm_tui_can_act(app);
}

static unsigned bind_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 const struct lkm_tui_event *ev)
{
	struct bindc *b = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_CONFIRM, ev->key);
	bool ran;

	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	if (action == LKM_ACT_YES && may_do(app, b)) {
		int err = run(app, b, 0);

		b->ran = true;
		if (err == 0)
			lkm_tui_message(app, _("%s: %s before, %s now"), b->address,
					b->r.before ? b->r.before : _("no driver"),
					b->r.after ? b->r.after : _("no driver"));
		return LKM_TUI_CHANGED | LKM_TUI_RESCAN;
	}
	if (may_do(app, b) && action != LKM_ACT_NO) {
		lkm_tui_message(app, "%s", _("y or Enter does it; n or Esc cancels"));
		return LKM_TUI_CHANGED;
	}
	if (may_do(app, b))
		lkm_tui_message(app, _("%s %s: cancelled"),
				b->module[0] ? _("bind") : _("unbind"), b->address);
	ran = b->ran;
	lkm_tui_pop_steps(app);
	/* Once done, a snapshot with the pane on top again: it scans the devices, which
	 * the snapshot taken under this screen left alone. */
	return ran ? LKM_TUI_CHANGED | LKM_TUI_RESCAN : LKM_TUI_CHANGED;
}

/* Each line of V under HEADING (skipped when there is none), from row Y. */
static int list(int y, int bottom, int cols, const char *heading, char *const *v,
		size_t n, enum lkm_tui_role role)
{
	if (n == 0)
		return y;
	if (heading)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "",
				       heading, lkm_tui_attr(LKM_ROLE_NOTICE));
	for (size_t i = 0; i < n; i++)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "- ", v[i],
				       lkm_tui_attr(role));
	return y;
}

static int steps(const struct bindc *b, int y, int bottom, int cols)
{
	attr_t normal = lkm_tui_attr(LKM_ROLE_NORMAL);
	char buf[1024];

	for (size_t i = 0; i < b->r.load.n_steps; i++) {
		lkm_tui_step_text(&b->r.load.steps[i], !b->ran, buf, sizeof(buf));
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "", buf,
				       normal);
	}
	for (size_t i = 0; i < b->r.n_steps; i++) {
		lkm_bind_step_text(&b->r.steps[i], &b->r, !b->ran, buf, sizeof(buf));
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "", buf,
				       normal);
	}
	return y + 1;
}

static int diagnosis(const struct lkm_diagnosis *d, int y, int bottom, int cols)
{
	y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "",
			       d->title ? d->title : "", lkm_tui_attr(LKM_ROLE_ALERT));
	for (size_t i = 0; i < d->n_evidence; i++)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "- ",
				       d->evidence[i], lkm_tui_attr(LKM_ROLE_NORMAL));
	for (size_t i = 0; i < d->n_fixes; i++)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "> ",
				       d->fixes[i].text, lkm_tui_attr(LKM_ROLE_PROMPT));
	return y + 1;
}

static void title(const struct bindc *b, int cols)
{
	const char *what = b->module[0] ? _("bind") : _("unbind");
	char buf[512];

	if (b->r.has_diag || (b->ran && b->r.err))
		snprintf(buf, sizeof(buf), _("%s %s: refused or failed"), what,
			 b->address);
	else if (b->ran)
		snprintf(buf, sizeof(buf), _("%s %s: done"), what, b->address);
	else if (b->module[0])
		snprintf(buf, sizeof(buf),
			 _("bind %s to %s's driver: the steps (a dry run, nothing done "
			   "yet)"),
			 b->address, b->module);
	else
		snprintf(buf, sizeof(buf),
			 _("unbind %s: the steps (a dry run, nothing done yet)"),
			 b->address);
	lkm_tui_title(cols, buf, b->r.has_diag ? LKM_ROLE_ALERT : LKM_ROLE_HEADER);
}

static void bind_draw(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      int bottom, int cols)
{
	const struct bindc *b = f->data;
	char buf[512];
	int y = LKM_TUI_LIST_Y + 1;

	title(b, cols);
	if (b->r.has_diag) {
		y = diagnosis(&b->r.diag, y, bottom, cols);
	} else {
		y = steps(b, y, bottom, cols);
		if (b->r.n_losing)
			y = list(y, bottom, cols,
				 b->ran ? _("What stopped working:")
					: _("What stops working:"),
				 b->r.losing, b->r.n_losing, LKM_ROLE_MESSAGE) +
			    1;
		else if (!b->ran)
			y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "",
					       _("Nothing on it that lkmtui sees is in "
						 "use: no network interface, no mounted "
						 "disk."),
					       lkm_tui_attr(LKM_ROLE_NORMAL)) +
			    1;
	}
	if (b->ran && !b->r.has_diag) {
		snprintf(buf, sizeof(buf), _("%s: %s before, %s now"), b->address,
			 b->r.before ? b->r.before : _("no driver"),
			 b->r.after ? b->r.after : _("no driver"));
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", buf,
				       lkm_tui_attr(LKM_ROLE_PROMPT));
		y = list(y, bottom, cols, _("The kernel said:"), b->r.log.lines,
			 b->r.log.n, LKM_ROLE_NORMAL) +
		    1;
	}
	if (may_do(app, b)) {
		if (b->module[0])
			snprintf(buf, sizeof(buf),
				 _("Bind %s to %s now? y or Enter: yes; n or Esc: no"),
				 b->address, b->module);
		else
			snprintf(buf, sizeof(buf),
				 _("Unbind %s now? y or Enter: yes; n or Esc: no"),
				 b->address);
	} else if (!b->ran && !b->r.has_diag) {
		snprintf(buf, sizeof(buf),
			 _("Bind and unbind are unavailable: %s. Any key returns."),
			 app->session.core.why_not);
	} else {
		snprintf(buf, sizeof(buf), "%s", _("Any key returns."));
	}
	lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", buf,
			   lkm_tui_attr(LKM_ROLE_PROMPT));
}

static void bind_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      char *buf, size_t size)
{
	const struct bindc *b = f->data;

	if (may_do(app, b))
		lkm_tui_confirm_hint(app, buf, size);
	else
		snprintf(buf, size, "%s", _("any key returns"));
}

const struct lkm_tui_screen_ops lkm_tui_bind_screen = {
	.id = LKM_SCREEN_BIND,
	.name = "bind",
	.layer = LKM_LAYER_STEP,
	.open = bind_open,
	.key = bind_key,
	.draw = bind_draw,
	.hint = bind_hint,
	.release = bind_release,
};
