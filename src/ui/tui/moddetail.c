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
#include "ui/tui/detail.h"
#include "ui/tui/paint.h"

/*
 * The detail screen of one module (Enter in the Modules pane, or m on an interrupt line
 * or an interface that a module drives): its data is a struct lkm_detail (detail.c
 * makes its lines); Up and Down pick one, Enter goes to it, e explains it; Esc returns to
 * the pane it came from. Opened with the module's name.
 */

static const char *detail_note(const struct lkm_tui_app *app, char *buf, size_t size)
{
	if (lkm_tui_can_act(app))
		snprintf(buf, size, "%s",
			 _("Enter goes to the line's module, interface or irq line; e "
			   "explains the "
			   "line; u unloads; p sets a parameter; Esc returns."));
	else
		snprintf(buf, size,
			 _("Enter goes to the line's module, interface or irq line; e "
			   "explains the line; Esc returns. Unload and set are "
			   "unavailable: %s."),
			 app->session.core.why_not);
	return buf;
}

static void detail_refresh(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	struct lkm_detail *d = f->data;
	char note[512];
	int h = app->term.lines - LKM_TUI_LIST_Y - 1 - lkm_tui_strip_rows(app);

	if (d->module[0] == '\0')
		return;
	if (lkm_detail_build(d, app->root, app->session.core.resolver, lkm_tui_snap(app),
			     d->module, app->term.cols > 0 ? app->term.cols : 80,
			     detail_note(app, note, sizeof(note))) < 0)
		lkm_tui_message(app, "%s",
				_("out of memory: the detail view is incomplete"));
	lkm_detail_set_height(d, h > 0 ? (size_t)h : 1);
}

/* Shows MODULE in F: the Modules pane's cursor goes with it. */
static void show_module(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			const char *module)
{
	struct lkm_detail *d = f->data;
	char name[256];

	snprintf(name, sizeof(name), "%s", module); /* MODULE may be a line of D */
	if (strcmp(d->module, name) != 0) {
		lkm_detail_release(d);
		snprintf(d->module, sizeof(d->module), "%s", name);
	}
	app->pane = LKM_PANE_MODULES;
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], name);
	detail_refresh(app, f);
}

/* A jump from an interrupt line or an interface returns there on Esc (the pop shows the
 * pane it came from). */
static int detail_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	f->data = calloc(1, sizeof(struct lkm_detail));
	if (f->data == NULL)
		return -ENOMEM;
	show_module(app, f, arg);
	return 0;
}

static void detail_release(void *data)
{
	lkm_detail_release(data);
	free(data);
}

/* Back from the detail: the Modules pane's cursor on the module it showed. */
static void close_detail(struct lkm_tui_app *app, const struct lkm_detail *d)
{
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], d->module);
	lkm_tui_pop(app);
}

/* The Devices pane's row for a "c:MAJOR" reference. */
static bool select_device(struct lkm_tui_app *app, const char *ref)
{
	struct lkm_view *v = &app->views[LKM_PANE_DEVICES];
	char prefix[40], key[256];
	size_t len = (size_t)snprintf(prefix, sizeof(prefix), "%s:", ref);

	for (size_t r = 0; r < v->nrows; r++) {
		if (v->rows[r].item == LKM_VIEW_SEPARATOR)
			continue;
		lkm_view_item_key(v, v->rows[r].item, key, sizeof(key));
		if (strncmp(key, prefix, len) == 0) {
			lkm_view_move_to(v, r);
			return true;
		}
	}
	return false;
}

/* e: what the line under the cursor means. */
static unsigned teach_line(struct lkm_tui_app *app, const struct lkm_detail *d)
{
	struct lkm_tui_teach_arg arg = { .module = d->module,
					 .line = lkm_detail_current(d) };

	if (arg.line == NULL) {
		lkm_tui_message(app, "%s", _("nothing here to explain"));
		return LKM_TUI_CHANGED;
	}
	lkm_tui_push(app, LKM_SCREEN_TEACH, &arg);
	return LKM_TUI_CHANGED;
}

/* p: a parameter of the module, the one under the cursor when it is writable. */
static unsigned set_param(struct lkm_tui_app *app, const struct lkm_detail *d)
{
	const struct lkm_detail_line *l = lkm_detail_current(d);
	char module[256], text[300] = "";

	snprintf(module, sizeof(module), "%s", d->module);
	if (l && l->kind == LKM_DL_PARAM && l->writable)
		snprintf(text, sizeof(text), "%s=", l->ref);
	return lkm_tui_ask(app, LKM_INPUT_SET, module, text);
}

static unsigned detail_enter(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	struct lkm_detail *d = f->data;
	const struct lkm_detail_line *l = lkm_detail_current(d);
	struct lkm_tui_teach_arg teach = { .module = d->module, .line = l };
	char ref[256];

	if (l == NULL)
		return LKM_TUI_HANDLED;
	snprintf(ref, sizeof(ref), "%s", l->ref);
	switch (l->kind) {
	case LKM_DL_MODULE: show_module(app, f, ref); return LKM_TUI_CHANGED;
	case LKM_DL_IFACE:
	case LKM_DL_IRQ:
	case LKM_DL_DEVICE: {
		enum lkm_pane p = l->kind == LKM_DL_IFACE ? LKM_PANE_NETDEV
				  : l->kind == LKM_DL_IRQ ? LKM_PANE_INTERRUPTS
							  : LKM_PANE_DEVICES;
		bool found;

		close_detail(app, d);
		app->pane = p;
		if (p == LKM_PANE_DEVICES)
			found = select_device(app, ref);
		else
			found = lkm_view_select_key(&app->views[p], ref);
		if (!found)
			lkm_tui_message(app, _("%s is not in this pane (filtered out?)"),
					ref);
		return LKM_TUI_CHANGED;
	}
	case LKM_DL_PARAM:
		if (l->writable)
			return set_param(app, d);
		/* fallthrough */
	default: lkm_tui_push(app, LKM_SCREEN_TEACH, &teach); return LKM_TUI_CHANGED;
	}
}

static unsigned detail_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			   const struct lkm_tui_event *ev)
{
	struct lkm_detail *d = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_DETAIL, ev->key);
	long delta;

	if (lkm_tui_list_step(action, d->height, d->n, &delta)) {
		lkm_detail_move(d, delta);
		return LKM_TUI_CHANGED;
	}
	if (lkm_tui_is_pane_switch(action)) {
		close_detail(app, d);
		return LKM_TUI_PASS; /* on the panes, now on top */
	}
	switch (action) {
	case LKM_ACT_BACK: close_detail(app, d); return LKM_TUI_CHANGED;
	case LKM_ACT_GO: return detail_enter(app, f);
	case LKM_ACT_TEACH: return teach_line(app, d);
	case LKM_ACT_LOAD:
		/* Of a module that is not loaded: its name, ready to go. */
		return lkm_tui_ask(app, LKM_INPUT_LOAD_NAME, NULL,
				   d->loaded ? "" : d->module);
	case LKM_ACT_SET: return set_param(app, d);
	case LKM_ACT_BLOCK:
		if (!lkm_tui_can_act(app))
			return lkm_tui_refuse(app, LKM_OP_BLOCK, d->module);
		return lkm_tui_block(app, d->module);
	case LKM_ACT_HELP:
	case LKM_ACT_QUIT:
	case LKM_ACT_UNLOAD:
	case LKM_ACT_REFRESH:
	case LKM_ACT_REDRAW:
	case LKM_ACT_SLOWER:
	case LKM_ACT_FASTER:
	case LKM_ACT_LIVE_LOG: return LKM_TUI_PASS; /* as on the panes */
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_message(
		app, "%s",
		_("in the detail view: Up/Down, Enter, e, l, u, p, b; Esc returns"));
	return LKM_TUI_CHANGED;
}

static void draw_detail(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			int bottom, int cols)
{
	const struct lkm_detail *d = f->data;

	lkm_tui_title(cols, d->title, LKM_ROLE_HEADER);
	for (size_t i = d->top; i < d->n && LKM_TUI_LIST_Y + (int)(i - d->top) < bottom;
	     i++) {
		int y = LKM_TUI_LIST_Y + (int)(i - d->top);
		const struct lkm_detail_line *l = &d->v[i];
		bool at = i == d->cursor && lkm_detail_selectable(d, i);
		enum lkm_tui_role role = at			     ? LKM_ROLE_CURSOR
					 : l->kind == LKM_DL_SECTION ? LKM_ROLE_NOTICE
								     : LKM_ROLE_NORMAL;

		lkm_tui_fill_line(y, cols, lkm_tui_attr(role));
		lkm_tui_put(y, 0, 1, at ? ">" : " ", false, lkm_tui_attr(role));
		lkm_tui_put(y, 1, cols - 1, l->text, false, lkm_tui_attr(role));
	}
}

static int detail_cursor_row(const struct lkm_tui_app *app, const struct lkm_tui_frame *f)
{
	const struct lkm_detail *d = f->data;

	(void)app;
	return LKM_TUI_LIST_Y + (int)(d->cursor - d->top);
}

static const char *detail_module(const struct lkm_tui_frame *f)
{
	const struct lkm_detail *d = f->data;

	return d->module;
}

static void detail_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			char *buf, size_t size)
{
	static const struct lkm_tui_hint can[] = {
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("pick") },
		{ LKM_ACT_GO, LKM_ACT_NONE, 1, N_("go") },
		{ LKM_ACT_TEACH, LKM_ACT_NONE, 1, N_("explain") },
		{ LKM_ACT_LOAD, LKM_ACT_NONE, 1, N_("load") },
		{ LKM_ACT_UNLOAD, LKM_ACT_NONE, 1, N_("unload") },
		{ LKM_ACT_SET, LKM_ACT_NONE, 1, N_("set") },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 1, N_("back") },
	};
	static const struct lkm_tui_hint look[] = {
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("pick") },
		{ LKM_ACT_GO, LKM_ACT_NONE, 1, N_("go") },
		{ LKM_ACT_TEACH, LKM_ACT_NONE, 1, N_("explain") },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 1, N_("back") },
		{ LKM_ACT_NONE, LKM_ACT_NONE, 0, N_("(look only)") },
	};

	(void)f;
	if (lkm_tui_can_act(app))
		lkm_tui_hint_text(&app->keymap, LKM_KEYS_DETAIL, can,
				  sizeof(can) / sizeof(can[0]), buf, size);
	else
		lkm_tui_hint_text(&app->keymap, LKM_KEYS_DETAIL, look,
				  sizeof(look) / sizeof(look[0]), buf, size);
}

const struct lkm_tui_screen_ops lkm_tui_detail_screen = {
	.id = LKM_SCREEN_DETAIL,
	.name = "detail",
	.layer = LKM_LAYER_BASE,
	.open = detail_open,
	.key = detail_key,
	.draw = draw_detail,
	.hint = detail_hint,
	.refresh = detail_refresh,
	.cursor_row = detail_cursor_row,
	.module = detail_module,
	.release = detail_release,
};
