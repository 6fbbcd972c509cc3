// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/diag.h"
#include "ui/tui/paint.h"
#include "ui/tui/req.h"

/* Fix I (of G's) is the one f runs: its request, when it is an lkmtui action. */
static void pick(struct lkm_tui_diag *g, size_t i)
{
	g->pick = i;
	g->fix_ok = g->offer_fix && i < g->diag.n_fixes &&
		    lkm_tui_fix_req(&g->diag.fixes[i], &g->fix);
	if (!g->fix_ok)
		lkm_tui_req_release(&g->fix);
}

/* Whether G has fixes to pick among: more than one, and one of them an action. */
static bool can_pick(const struct lkm_tui_diag *g)
{
	return g->offer_fix && g->diag.n_fixes > 1 && g->n_runnable > 0;
}

static int diag_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_diag_arg *a = arg;
	struct lkm_tui_diag *g = calloc(1, sizeof(*g));

	(void)app;
	if (g == NULL)
		return -ENOMEM;
	if (!lkm_tui_req_copy(&g->req, a->req)) {
		free(g);
		return -ENOMEM;
	}
	g->diag = *a->diag;
	memset(a->diag, 0, sizeof(*a->diag));
	g->offer_fix = a->offer_fix;
	for (size_t i = 0; g->offer_fix && i < g->diag.n_fixes; i++) {
		pick(g, i);
		g->n_runnable += g->fix_ok;
	}
	pick(g, 0);
	snprintf(g->steps, sizeof(g->steps), "%s", a->steps ? a->steps : "");
	f->data = g;
	return 0;
}

static void diag_release(void *data)
{
	struct lkm_tui_diag *g = data;

	lkm_diagnosis_release(&g->diag);
	lkm_tui_req_release(&g->req);
	lkm_tui_req_release(&g->fix);
	free(g);
}

static void diag_layout(struct lkm_tui_app *app, struct lkm_tui_frame *f);
static void show_fixes(struct lkm_tui_app *app, struct lkm_tui_frame *f);

static unsigned diag_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 const struct lkm_tui_event *ev)
{
	struct lkm_tui_diag *g = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_DIAG, ev->key);

	/* Measured for this screen first: it never scrolls past its end. */
	diag_layout(app, f);
	if (lkm_tui_scroll_action(&f->scroll, action))
		return LKM_TUI_CHANGED;
	switch (action) {
	case LKM_ACT_FIX:
		if (!g->fix_ok) {
			lkm_tui_message(
				app, "%s",
				_("this fix is not an action lkmtui can run from here"));
			return LKM_TUI_CHANGED;
		}
		return lkm_tui_begin(app, &g->fix, &g->req);
	case LKM_ACT_PICK_FIX:
		if (!can_pick(g))
			break;
		if ((size_t)(ev->key - '1') >= g->diag.n_fixes) {
			lkm_tui_message(app, _("there are %zu fixes: 1 to %zu"),
					g->diag.n_fixes, g->diag.n_fixes);
			return LKM_TUI_CHANGED;
		}
		pick(g, (size_t)(ev->key - '1'));
		show_fixes(app, f);
		return LKM_TUI_CHANGED;
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_pop_steps(app);
	return LKM_TUI_CHANGED;
}

/* The diagnosis G from row Y (above the window when it is scrolled) in the window
 * [LKM_TUI_LIST_Y, BOTTOM), every line wrapped to COLS; returns the row after its
 * last, and the row of its "Fix:" in *FIX_Y (unless NULL). An empty window draws
 * nothing: the body is only measured. */
static int diag_body(const struct lkm_tui_diag *g, int y, int bottom, int cols,
		     int *fix_y)
{
	const struct lkm_diagnosis *d = &g->diag;
	attr_t normal = lkm_tui_attr(LKM_ROLE_NORMAL);
	char buf[1024];

	if (d->teach && d->teach[0])
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 4, "",
				       d->teach, normal);
	y++;
	if (g->steps[0]) {
		snprintf(buf, sizeof(buf), _("done before it failed: %s"), g->steps);
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", buf,
				       normal) +
		    1;
	}
	if (d->n_evidence)
		y = lkm_tui_diag_list(y, bottom, 2, cols, d, LKM_TUI_EVIDENCE,
				      LKM_TUI_NO_PICK) +
		    1;
	if (fix_y)
		*fix_y = y;
	if (d->n_fixes)
		y = lkm_tui_diag_list(y, bottom, 2, cols, d, LKM_TUI_FIXES,
				      can_pick(g) ? g->pick : LKM_TUI_NO_PICK) +
		    1;
	if (g->fix_ok) {
		char fix[1024], line[1600];

		lkm_tui_req_text(&g->fix, fix, sizeof(fix));
		/* A load by name of the module whose file failed does what was asked. */
		if (g->fix.op == LKM_OP_LOAD && g->req.op == LKM_OP_LOAD &&
		    lkm_tui_req_names_module(&g->req, g->fix.target))
			snprintf(line, sizeof(line), _("f runs the fix (%s)."), fix);
		else
			snprintf(line, sizeof(line),
				 _("f runs the fix (%s), then offers %s %s again."), fix,
				 lkm_tui_op_word(g->req.op), g->req.target);
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 2, cols - 2, "", line,
				       lkm_tui_attr(LKM_ROLE_MESSAGE));
	}
	return y;
}

static void draw_diag(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      int bottom, int cols)
{
	const struct lkm_tui_diag *g = f->data;
	const struct lkm_diagnosis *d = &g->diag;
	char buf[1024];

	(void)app;
	if (g->req.target[0])
		snprintf(buf, sizeof(buf), _("%s %s failed: %s"),
			 lkm_tui_op_word(g->req.op), g->req.target,
			 d->title ? d->title : "");
	else
		snprintf(buf, sizeof(buf), _("%s: %s"), lkm_tui_op_word(g->req.op),
			 d->title ? d->title : "");
	lkm_tui_title(cols, buf, LKM_ROLE_ALERT);
	diag_body(g, LKM_TUI_LIST_Y + 1 - (int)f->scroll.top, bottom, cols, NULL);
}

static void diag_layout(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	int end = diag_body(f->data, LKM_TUI_LIST_Y + 1, LKM_TUI_LIST_Y,
			    app->term.cols > 0 ? app->term.cols : 80, NULL);

	lkm_tui_list_window(app, &f->scroll, (size_t)(end - LKM_TUI_LIST_Y));
}

/* The fixes and what f runs in sight (from "Fix:" when they do not fit): a digit picks
 * a fix that may be below the window. */
static void show_fixes(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	int fix_y = 0, end = diag_body(f->data, LKM_TUI_LIST_Y + 1, LKM_TUI_LIST_Y,
				       app->term.cols > 0 ? app->term.cols : 80, &fix_y);

	lkm_tui_scroll_follow(&f->scroll, (size_t)(fix_y - LKM_TUI_LIST_Y),
			      (size_t)(end - LKM_TUI_LIST_Y));
}

static void diag_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      char *buf, size_t size)
{
	static const struct lkm_tui_hint all[] = {
		{ LKM_ACT_FIX, LKM_ACT_NONE, 1, N_("run the fix") },
		{ LKM_ACT_PICK_FIX, LKM_ACT_NONE, 1, N_("pick a fix") },
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("scroll") },
		{ LKM_ACT_NONE, LKM_ACT_NONE, 0, N_("other keys return") },
	};
	const struct lkm_tui_diag *g = f->data;
	struct lkm_tui_hint parts[sizeof(all) / sizeof(all[0])];
	size_t n = 0;

	/* The fix is offered when it is an action lkmtui can run; the pick when there
	 * is more than one fix. */
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if ((all[i].a != LKM_ACT_FIX || g->fix_ok) &&
		    (all[i].a != LKM_ACT_PICK_FIX || can_pick(g)))
			parts[n++] = all[i];
	lkm_tui_hint_text(&app->keymap, LKM_KEYS_DIAG, parts, n, buf, size);
}

const struct lkm_tui_screen_ops lkm_tui_diag_screen = {
	.id = LKM_SCREEN_DIAG,
	.name = "diagnosis",
	.layer = LKM_LAYER_STEP,
	.open = diag_open,
	.key = diag_key,
	.draw = draw_diag,
	.hint = diag_hint,
	.refresh = diag_layout,
	.release = diag_release,
};
