// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "core/explain.h"
#include "core/text.h"
#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/tui/teach.h"

static void add_term(struct lkm_tui_app *app, const char *label, const char *key)
{
	const char *t = lkm_explain_term(key);

	if (t == NULL || app->teach.n_terms >= LKM_TUI_MAX_TERMS)
		return;
	snprintf(app->teach.terms[app->teach.n_terms].label,
		 sizeof(app->teach.terms[0].label), "%s", label);
	app->teach.terms[app->teach.n_terms++].text = t;
}

static unsigned open_teach(struct lkm_tui_app *app)
{
	if (lkm_tui_top(app) != LKM_SCREEN_TEACH)
		lkm_tui_push(app, &lkm_tui_teach_screen);
	return LKM_TUI_CHANGED;
}

static unsigned teach_module(struct lkm_tui_app *app, const struct lkm_module *m)
{
	struct lkm_term t[LKM_TEXT_MAX_TERMS];
	size_t n = lkm_text_module_terms(m, ",", t, LKM_TEXT_MAX_TERMS);

	app->teach.n_terms = 0;
	snprintf(app->teach.title, sizeof(app->teach.title), _("%s: what its cells mean"),
		 m->name);
	/* The box is labelled by what the cells show ("Live", "2", "[permanent]"). */
	for (size_t i = 0; i < n; i++)
		add_term(app, t[i].value, t[i].key);
	return open_teach(app);
}

static const char *param_teach(int writable)
{
	if (writable > 0)
		return _("writable: the module lets this value change while it is loaded "
			 "(p sets "
			 "it; the driver decides when it takes effect).");
	if (writable == 0)
		return _("read-only: the module declared it so; only a load gives it a "
			 "value "
			 "(unload, then load with NAME=VALUE).");
	return _("not in /sys: the module is not loaded, or keeps this parameter out of "
		 "/sys "
		 "(mode 0); a load can still give it a value.");
}

unsigned lkm_tui_teach_line(struct lkm_tui_app *app, const struct lkm_detail_line *l)
{
	const char *label = l->text;

	while (*label == ' ')
		label++;
	app->teach.n_terms = 0;
	snprintf(app->teach.title, sizeof(app->teach.title),
		 _("%s: what this line means"), app->detail.module);
	if (l->kind == LKM_DL_TERM) {
		/* The value, not the label column before it ("  state      Live"). */
		if (l->value)
			label = l->value;
		add_term(app, label, l->ref);
	} else if (l->kind == LKM_DL_PARAM) {
		snprintf(app->teach.terms[0].label, sizeof(app->teach.terms[0].label),
			 "%s", l->ref);
		app->teach.terms[0].text = param_teach(!l->in_sys    ? -1
						       : l->writable ? 1
								     : 0);
		app->teach.n_terms = 1;
	}
	if (app->teach.n_terms == 0) {
		lkm_tui_message(app, "%s",
				_("e explains states, counts, flags, taint letters and "
				  "parameters; Enter goes to this line"));
		return LKM_TUI_CHANGED;
	}
	return open_teach(app);
}

unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	size_t item = lkm_view_current(v);

	if (lkm_tui_in_detail(app)) {
		const struct lkm_detail_line *l = lkm_detail_current(&app->detail);

		if (l)
			return lkm_tui_teach_line(app, l);
		lkm_tui_message(app, "%s", _("nothing here to explain"));
		return LKM_TUI_CHANGED;
	}
	if (app->pane != LKM_PANE_MODULES || item == LKM_VIEW_SEPARATOR ||
	    v->snap == NULL) {
		lkm_tui_message(app, "%s",
				_("e explains a module's state, counts, flags and taint "
				  "letters (1)"));
		return LKM_TUI_CHANGED;
	}
	return teach_module(app, &v->snap->modules.v[item]);
}

static unsigned teach_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_pop(app);
	return LKM_TUI_CHANGED;
}

/* The teach box, over what is under it. */
static void draw_teach(const struct lkm_tui_app *app, int bottom, int cols)
{
	int w = cols - 4 > 76 ? 76 : cols - 4, x = (cols - w) / 2, y = LKM_TUI_LIST_Y + 1;
	int lw = 4, inner = w - 4;

	for (size_t i = 0; i < app->teach.n_terms; i++)
		if ((int)strlen(app->teach.terms[i].label) > lw)
			lw = (int)strlen(app->teach.terms[i].label);
	if (lw > inner / 3)
		lw = inner / 3;
	/* Measure, then draw: the box is as tall as its text, and goes under the cursor's
	 * row when it fits there, else above it, so the row it explains stays in sight.
	 */
	{
		int rows = 1, top, cy;

		for (size_t i = 0; i < app->teach.n_terms; i++)
			rows += lkm_tui_wrapped_rows(app->teach.terms[i].text,
						     inner - lw - 2);
		if (lkm_tui_in_detail(app)) {
			cy = LKM_TUI_LIST_Y + (int)(app->detail.cursor - app->detail.top);
		} else {
			struct lkm_tui_rect pr;

			lkm_tui_pane_rect(app, app->pane, &pr);
			cy = lkm_tui_rect_list_y(&pr) +
			     (int)(app->views[app->pane].cursor -
				   app->views[app->pane].top);
		}
		top = cy + 1;
		if (top + rows + 1 > bottom && cy - rows - 1 >= LKM_TUI_LIST_Y)
			top = cy - rows - 1;
		if (top + rows + 1 > bottom)
			top = y;
		if (top + rows + 1 > bottom)
			rows = bottom - top - 1;
		for (int r = 0; r < rows + 1 && top + r < bottom; r++)
			lkm_tui_fill_line(top + r, cols, lkm_tui_attr(LKM_ROLE_NORMAL));
		attrset(lkm_tui_attr(LKM_ROLE_NORMAL));
		mvhline(top, x, '-', w);
		mvhline(top + rows, x, '-', w);
		for (int r = 1; r < rows; r++) {
			mvaddch(top + r, x, '|');
			mvaddch(top + r, x + w - 1, '|');
		}
		{
			int tl = (int)strlen(app->teach.title) + 2;

			lkm_tui_put(top, x + 2, tl < w - 4 ? tl : w - 4, "", false,
				    lkm_tui_attr(LKM_ROLE_NORMAL));
			lkm_tui_put(top, x + 3, tl - 2 < w - 6 ? tl - 2 : w - 6,
				    app->teach.title, false,
				    lkm_tui_attr(LKM_ROLE_NOTICE));
		}
		y = top + 1;
		for (size_t i = 0; i < app->teach.n_terms && y < top + rows; i++) {
			lkm_tui_put(y, x + 2, lw, app->teach.terms[i].label, false,
				    lkm_tui_attr(LKM_ROLE_PROMPT));
			y = lkm_tui_wrapped(y, x + 2 + lw + 2, top + rows, inner - lw - 2,
					    app->teach.terms[i].text,
					    lkm_tui_attr(LKM_ROLE_NORMAL));
		}
	}
}

static void teach_hint(const struct lkm_tui_app *app, char *buf, size_t size)
{
	(void)app;
	snprintf(buf, size, "%s", _("any key returns"));
}

const struct lkm_tui_screen_ops lkm_tui_teach_screen = {
	.id = LKM_SCREEN_TEACH,
	.name = "teach",
	.layer = LKM_LAYER_OVERLAY,
	.key = teach_key,
	.draw = draw_teach,
	.hint = teach_hint,
};
