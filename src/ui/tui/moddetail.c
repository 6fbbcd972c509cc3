// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "core/owns.h"
#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/form.h"
#include "ui/tui/moddetail.h"
#include "ui/tui/paint.h"
#include "ui/tui/teach.h"

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

void lkm_tui_detail_refresh(struct lkm_tui_app *app)
{
	char note[512];
	int h = app->lines - LKM_TUI_LIST_Y - 1 - lkm_tui_strip_rows(app);

	if (app->detail.module[0] == '\0')
		return;
	if (lkm_detail_build(&app->detail, app->root, app->session.core.resolver,
			     lkm_tui_snap(app), app->detail.module,
			     app->cols > 0 ? app->cols : 80,
			     detail_note(app, note, sizeof(note))) < 0)
		lkm_tui_message(app, "%s",
				_("out of memory: the detail view is incomplete"));
	lkm_detail_set_height(&app->detail, h > 0 ? (size_t)h : 1);
}

unsigned lkm_tui_open_detail(struct lkm_tui_app *app, const char *module)
{
	char name[256];

	snprintf(name, sizeof(name), "%s", module);
	if (strcmp(app->detail.module, name) != 0) {
		lkm_detail_release(&app->detail);
		snprintf(app->detail.module, sizeof(app->detail.module), "%s", name);
		app->detail.cursor = 0;
		app->detail.top = 0;
	}
	/* A jump from an interrupt line or an interface returns there on Esc (the pop
	 * shows the pane it came from); Enter on a neighbour replaces the module shown.
	 */
	if (lkm_tui_top(app) != LKM_SCREEN_DETAIL)
		lkm_tui_push(app, &lkm_tui_detail_screen);
	app->pane = LKM_PANE_MODULES;
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], name);
	lkm_tui_detail_refresh(app);
	return LKM_TUI_CHANGED;
}

static void detail_close(struct lkm_tui_app *app)
{
	lkm_detail_release(&app->detail);
}

/* Back from the detail: the Modules pane's cursor on the module it showed. */
static void close_detail(struct lkm_tui_app *app)
{
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], app->detail.module);
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

static unsigned detail_enter(struct lkm_tui_app *app)
{
	const struct lkm_detail_line *l = lkm_detail_current(&app->detail);
	struct lkm_tui_event ev = { .key = 'p' };
	char ref[256];

	if (l == NULL)
		return LKM_TUI_HANDLED;
	snprintf(ref, sizeof(ref), "%s", l->ref);
	switch (l->kind) {
	case LKM_DL_MODULE: return lkm_tui_open_detail(app, ref);
	case LKM_DL_IFACE:
	case LKM_DL_IRQ:
	case LKM_DL_DEVICE: {
		enum lkm_pane p = l->kind == LKM_DL_IFACE ? LKM_PANE_NETDEV
				  : l->kind == LKM_DL_IRQ ? LKM_PANE_INTERRUPTS
							  : LKM_PANE_DEVICES;
		bool found;

		close_detail(app);
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
			return lkm_tui_on_set(app, &ev);
		/* fallthrough */
	default: return lkm_tui_teach_line(app, l);
	}
}

static unsigned detail_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_detail *d = &app->detail;
	long page = d->height > 1 ? (long)d->height - 1 : 1;

	switch (lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_DETAIL, ev->key)) {
	case LKM_ACT_UP: lkm_detail_move(d, -1); return LKM_TUI_CHANGED;
	case LKM_ACT_DOWN: lkm_detail_move(d, 1); return LKM_TUI_CHANGED;
	case LKM_ACT_PAGE_UP: lkm_detail_move(d, -page); return LKM_TUI_CHANGED;
	case LKM_ACT_PAGE_DOWN: lkm_detail_move(d, page); return LKM_TUI_CHANGED;
	case LKM_ACT_HOME: lkm_detail_move(d, -(long)d->n); return LKM_TUI_CHANGED;
	case LKM_ACT_END: lkm_detail_move(d, (long)d->n); return LKM_TUI_CHANGED;
	case LKM_ACT_BACK: close_detail(app); return LKM_TUI_CHANGED;
	case LKM_ACT_GO: return detail_enter(app);
	case LKM_ACT_HELP:
	case LKM_ACT_QUIT:
	case LKM_ACT_TEACH:
	case LKM_ACT_LOAD:
	case LKM_ACT_UNLOAD:
	case LKM_ACT_SET:
	case LKM_ACT_REFRESH:
	case LKM_ACT_REDRAW:
	case LKM_ACT_SLOWER:
	case LKM_ACT_FASTER:
	case LKM_ACT_LIVE_LOG: return LKM_TUI_PASS; /* as on the panes */
	case LKM_ACT_PANE_MODULES:
	case LKM_ACT_PANE_DEVICES:
	case LKM_ACT_PANE_INTERRUPTS:
	case LKM_ACT_PANE_NETDEV:
	case LKM_ACT_PANE_NEXT:
	case LKM_ACT_PANE_PREV:
		close_detail(app);
		return LKM_TUI_PASS; /* on the panes, now on top */
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_message(app, "%s",
			_("in the detail view: Up/Down, Enter, e, l, u, p; Esc returns"));
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	const struct lkm_snapshot *s = lkm_tui_snap(app);
	size_t item = lkm_view_current(v);
	char mod[256];

	if (s == NULL || item == LKM_VIEW_SEPARATOR)
		return LKM_TUI_HANDLED;
	switch (app->pane) {
	case LKM_PANE_MODULES: return lkm_tui_open_detail(app, s->modules.v[item].name);
	case LKM_PANE_INTERRUPTS: {
		const char *label = s->interrupts.v[item].label;

		if (lkm_owns_irq_module(app->root, s, label, mod, sizeof(mod)) == 0)
			return lkm_tui_open_detail(app, mod);
		lkm_tui_message(
			app,
			_("no module drives irq %s that /sys shows (the kernel's own, or "
			  "built in)"),
			label);
		return LKM_TUI_CHANGED;
	}
	case LKM_PANE_NETDEV: {
		const char *name = s->netdev.v[item].name;

		if (lkm_owns_iface_module(app->root, name, mod, sizeof(mod)) == 0)
			return lkm_tui_open_detail(app, mod);
		lkm_tui_message(
			app,
			_("no module drives %s that /sys shows (virtual, or built in)"),
			name);
		return LKM_TUI_CHANGED;
	}
	default:
		lkm_tui_message(
			app, "%s",
			_("a module's detail (Enter in the Modules pane) lists the "
			  "devices it drives"));
		return LKM_TUI_CHANGED;
	}
}

static void draw_detail(const struct lkm_tui_app *app, int bottom, int cols)
{
	const struct lkm_detail *d = &app->detail;

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

static void detail_hint(const struct lkm_tui_app *app, char *buf, size_t size)
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
	.key = detail_key,
	.draw = draw_detail,
	.hint = detail_hint,
	.refresh = lkm_tui_detail_refresh,
	.release = detail_close,
};
