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

static int diag_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_diag_arg *a = arg;
	struct lkm_tui_diag *g = calloc(1, sizeof(*g));

	(void)app;
	if (g == NULL)
		return -ENOMEM;
	g->diag = *a->diag;
	memset(a->diag, 0, sizeof(*a->diag));
	g->req = *a->req;
	g->fix_ok = a->offer_fix && g->diag.n_fixes &&
		    lkm_tui_fix_req(&g->diag.fixes[0], &g->fix);
	snprintf(g->steps, sizeof(g->steps), "%s", a->steps ? a->steps : "");
	f->data = g;
	return 0;
}

static void diag_release(void *data)
{
	struct lkm_tui_diag *g = data;

	lkm_diagnosis_release(&g->diag);
	free(g);
}

static void diag_layout(struct lkm_tui_app *app, struct lkm_tui_frame *f);

static unsigned diag_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 const struct lkm_tui_event *ev)
{
	const struct lkm_tui_diag *g = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_DIAG, ev->key);

	switch (action) {
	case LKM_ACT_UP:
	case LKM_ACT_DOWN:
	case LKM_ACT_PAGE_UP:
	case LKM_ACT_PAGE_DOWN:
	case LKM_ACT_HOME:
	case LKM_ACT_END:
		/* Measured for this screen first: it never scrolls past its end. */
		diag_layout(app, f);
		lkm_tui_scroll_action(&f->scroll, action);
		return LKM_TUI_CHANGED;
	case LKM_ACT_FIX:
		if (!g->fix_ok) {
			lkm_tui_message(
				app, "%s",
				_("this fix is not an action lkmtui can run from here"));
			return LKM_TUI_CHANGED;
		}
		return lkm_tui_begin(app, &g->fix, &g->req);
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_pop_steps(app);
	return LKM_TUI_CHANGED;
}

/* A headed list of the diagnosis ("Evidence:", "Fix:") from row Y, each item wrapped
 * under its MARK, rows outside the window [LKM_TUI_LIST_Y, BOTTOM) counted, not drawn;
 * returns the row after it and a blank. Its N items are LINE(D, i). */
static int draw_items(int y, int bottom, int cols, const char *heading,
		      const struct lkm_diagnosis *d, size_t n,
		      const char *(*line)(const struct lkm_diagnosis *d, size_t i),
		      const char *mark, enum lkm_tui_role role)
{
	if (n == 0)
		return y;
	if (y >= LKM_TUI_LIST_Y && y < bottom)
		lkm_tui_put(y, 2, cols - 2, heading, false,
			    lkm_tui_attr(LKM_ROLE_NOTICE));
	y++;
	for (size_t i = 0; i < n; i++)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, mark,
				       line(d, i), lkm_tui_attr(role));
	return y + 1;
}

static const char *evidence_line(const struct lkm_diagnosis *d, size_t i)
{
	return d->evidence[i];
}

static const char *fix_line(const struct lkm_diagnosis *d, size_t i)
{
	return d->fixes[i].text;
}

/* The diagnosis G from row Y (above the window when it is scrolled) in the window
 * [LKM_TUI_LIST_Y, BOTTOM), every line wrapped to COLS; returns the row after its
 * last. An empty window draws nothing: the body is only measured. */
static int diag_body(const struct lkm_tui_diag *g, int y, int bottom, int cols)
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
	y = draw_items(y, bottom, cols, _("Evidence:"), d, d->n_evidence, evidence_line,
		       "- ", LKM_ROLE_NORMAL);
	y = draw_items(y, bottom, cols, _("Fix:"), d, d->n_fixes, fix_line, "> ",
		       LKM_ROLE_PROMPT);
	if (g->fix_ok) {
		char words[512], fix[1024], line[1600];

		lkm_tui_req_words_text(&g->fix, words, sizeof(words));
		snprintf(fix, sizeof(fix), "%s %s%s%s", lkm_tui_op_word(g->fix.op),
			 g->fix.target, words[0] ? " " : "", words);
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
	diag_body(g, LKM_TUI_LIST_Y + 1 - (int)f->scroll.top, bottom, cols);
}

static void diag_layout(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	int bottom = app->term.lines - 1 - lkm_tui_strip_rows(app);

	f->scroll.n = (size_t)(diag_body(f->data, LKM_TUI_LIST_Y + 1, LKM_TUI_LIST_Y,
					 app->term.cols > 0 ? app->term.cols : 80) -
			       LKM_TUI_LIST_Y);
	f->scroll.height =
		bottom > LKM_TUI_LIST_Y ? (size_t)(bottom - LKM_TUI_LIST_Y) : 1;
	lkm_tui_scroll_clamp(&f->scroll);
}

static void diag_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_FIX, LKM_ACT_NONE, 1, N_("run the fix") },
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("scroll") },
		{ LKM_ACT_NONE, LKM_ACT_NONE, 0, N_("other keys return") },
	};
	const struct lkm_tui_diag *g = f->data;
	/* The fix is offered when it is an action lkmtui can run. */
	size_t skip = g->fix_ok ? 0 : 1;

	lkm_tui_hint_text(&app->keymap, LKM_KEYS_DIAG, parts + skip,
			  sizeof(parts) / sizeof(parts[0]) - skip, buf, size);
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
