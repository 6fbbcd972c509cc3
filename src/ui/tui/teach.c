// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/explain.h"
#include "core/text.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/tui/teach.h"

static void add_term(struct lkm_tui_teach *t, const char *label, const char *key)
{
	const char *text = lkm_explain_term(key);

	if (text == NULL || t->n_terms >= LKM_TUI_MAX_TERMS)
		return;
	snprintf(t->terms[t->n_terms].label, sizeof(t->terms[0].label), "%s", label);
	t->terms[t->n_terms++].text = text;
}

/* The cells of module M's row. */
static void teach_module(struct lkm_tui_teach *tb, const struct lkm_module *m)
{
	struct lkm_term t[LKM_TEXT_MAX_TERMS];
	size_t n = lkm_text_module_terms(m, ",", t, LKM_TEXT_MAX_TERMS);

	snprintf(tb->title, sizeof(tb->title), _("%s: what its cells mean"), m->name);
	/* The box is labelled by what the cells show ("Live", "2", "[permanent]"). */
	for (size_t i = 0; i < n; i++)
		add_term(tb, t[i].value, t[i].key);
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

/* A device of the Hardware pane: modalias, binding, driver_override and a driver that
 * drives nothing, then what this device shows of them. */
static void teach_device(struct lkm_tui_teach *t, const struct lkm_hwentry *e)
{
	struct lkm_strbuf sb;
	bool idle = false;

	snprintf(t->title, sizeof(t->title), _("%s: what its row means"), e->dev.address);
	add_term(t, "modalias", "modalias");
	add_term(t, _("bound"), "binding");
	add_term(t, "driver_override", "driver-override");
	for (size_t i = 0; i < e->n_cands; i++)
		idle |= e->cands[i].state == LKM_CAND_LOADED &&
			!(e->dev.module &&
			  strcmp(e->dev.module, e->cands[i].module) == 0);
	if (idle || e->dev.driver == NULL)
		add_term(t, _("no device"), "loaded-no-device");
	lkm_strbuf_init(&sb, t->example, sizeof(t->example));
	lkm_strbuf_addf(&sb, _("%s answers to %s."), e->dev.address,
			e->dev.modalias ? e->dev.modalias : "-");
	if (e->n_cands == 0)
		lkm_strbuf_add(&sb, _(" No module of this tree matches it."));
	for (size_t i = 0; i < e->n_cands; i++)
		lkm_strbuf_addf(&sb, i ? ", %s (%s)" : _(" modules.alias gives %s (%s)"),
				e->cands[i].module,
				lkm_cand_state_text(e->cands[i].state));
	lkm_strbuf_add(&sb, e->n_cands ? "." : "");
	if (e->dev.driver)
		lkm_strbuf_addf(&sb, _(" Bound to %s."), e->dev.driver);
	else
		lkm_strbuf_add(&sb, _(" No driver has it."));
	if (t->n_terms < LKM_TUI_MAX_TERMS) {
		snprintf(t->terms[t->n_terms].label, sizeof(t->terms[0].label), "%s",
			 _("here"));
		t->terms[t->n_terms++].text = t->example;
	}
}

/* Line L of MODULE's detail. */
static void teach_line(struct lkm_tui_teach *t, const char *module,
		       const struct lkm_detail_line *l)
{
	const char *label = l->text;

	while (*label == ' ')
		label++;
	snprintf(t->title, sizeof(t->title), _("%s: what this line means"), module);
	if (l->kind == LKM_DL_TERM) {
		/* The value, not the label column before it ("  state      Live"). */
		if (l->value)
			label = l->value;
		add_term(t, label, l->ref);
	} else if (l->kind == LKM_DL_PARAM) {
		snprintf(t->terms[0].label, sizeof(t->terms[0].label), "%s", l->ref);
		t->terms[0].text = param_teach(!l->in_sys ? -1 : l->writable ? 1 : 0);
		t->n_terms = 1;
	}
}

static int teach_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_teach_arg *a = arg;
	struct lkm_tui_teach *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return -ENOMEM;
	if (a->row) {
		teach_module(t, a->row);
	} else if (a->device) {
		teach_device(t, a->device);
	} else {
		teach_line(t, a->module, a->line);
		if (t->n_terms == 0) {
			free(t);
			lkm_tui_message(app, "%s",
					_("e explains states, counts, flags, taint "
					  "letters and parameters; Enter goes to this "
					  "line"));
			return -ENOENT;
		}
	}
	f->data = t;
	return 0;
}

static void teach_release(void *data)
{
	free(data);
}

static unsigned teach_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			  const struct lkm_tui_event *ev)
{
	(void)f;
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_pop(app);
	return LKM_TUI_CHANGED;
}

/* The screen row of the cursor of the screen under the box (a detail, or the panes). */
static int cursor_row_below(const struct lkm_tui_app *app, const struct lkm_tui_frame *f)
{
	const struct lkm_tui_frame *b = lkm_tui_frame_below(app, f);
	const struct lkm_tui_screen_ops *o =
		b ? b->ops : lkm_tui_screen(LKM_SCREEN_PANES);

	return o->cursor_row ? o->cursor_row(app, b) : LKM_TUI_LIST_Y;
}

/* The teach box, over what is under it. */
static void draw_teach(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		       int bottom, int cols)
{
	const struct lkm_tui_teach *t = f->data;
	int w = cols - 4 > 76 ? 76 : cols - 4, x = (cols - w) / 2, y = LKM_TUI_LIST_Y + 1;
	int lw = 4, inner = w - 4, rows = 1, top, cy, tl;

	for (size_t i = 0; i < t->n_terms; i++)
		if ((int)strlen(t->terms[i].label) > lw)
			lw = (int)strlen(t->terms[i].label);
	if (lw > inner / 3)
		lw = inner / 3;
	/* Measure, then draw: the box is as tall as its text, and goes under the cursor's
	 * row when it fits there, else above it, so the row it explains stays in sight.
	 */
	for (size_t i = 0; i < t->n_terms; i++)
		rows += lkm_tui_wrapped_rows(t->terms[i].text, inner - lw - 2);
	cy = cursor_row_below(app, f);
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
	tl = (int)strlen(t->title) + 2;
	lkm_tui_put(top, x + 2, tl < w - 4 ? tl : w - 4, "", false,
		    lkm_tui_attr(LKM_ROLE_NORMAL));
	lkm_tui_put(top, x + 3, tl - 2 < w - 6 ? tl - 2 : w - 6, t->title, false,
		    lkm_tui_attr(LKM_ROLE_NOTICE));
	y = top + 1;
	for (size_t i = 0; i < t->n_terms && y < top + rows; i++) {
		lkm_tui_put(y, x + 2, lw, t->terms[i].label, false,
			    lkm_tui_attr(LKM_ROLE_PROMPT));
		y = lkm_tui_wrapped(y, x + 2 + lw + 2, top + rows, inner - lw - 2,
				    t->terms[i].text, lkm_tui_attr(LKM_ROLE_NORMAL));
	}
}

static void teach_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		       char *buf, size_t size)
{
	(void)app;
	(void)f;
	snprintf(buf, size, "%s", _("any key returns"));
}

const struct lkm_tui_screen_ops lkm_tui_teach_screen = {
	.id = LKM_SCREEN_TEACH,
	.name = "teach",
	.layer = LKM_LAYER_OVERLAY,
	.open = teach_open,
	.key = teach_key,
	.draw = draw_teach,
	.hint = teach_hint,
	.release = teach_release,
};
