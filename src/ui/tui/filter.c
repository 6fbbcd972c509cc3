// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"

/*
 * The filter prompt ('/'): what is typed filters the current pane as it is typed; Enter
 * keeps it, Esc puts back the filter it had before, which is the screen's data. It is
 * drawn by the panes' status line, which it replaces.
 */
struct lkm_tui_filter {
	char saved[128]; /* the filter before '/', restored by Esc */
};

static int filter_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	struct lkm_tui_filter *flt = calloc(1, sizeof(*flt));

	(void)arg;
	if (flt == NULL)
		return -ENOMEM;
	snprintf(flt->saved, sizeof(flt->saved), "%s", lkm_tui_view(app)->filter);
	f->data = flt;
	return 0;
}

static void filter_release(void *data)
{
	free(data);
}

static unsigned filter_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			   const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	char saved[128];
	int key = ev->key, action;
	long delta;

	if (key >= 32 && key < 127) {
		lkm_view_filter_add(v, (char)key);
		return LKM_TUI_CHANGED;
	}
	action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_PROMPT, key);
	/* Moving while typing is common enough to allow, as on the pane; it keeps the
	 * prompt open. */
	if (lkm_tui_list_step(action, v->height, v->nrows, &delta)) {
		lkm_view_move(v, delta);
		return LKM_TUI_CHANGED;
	}
	switch (action) {
	case LKM_ACT_ACCEPT: lkm_tui_pop(app); break;
	case LKM_ACT_CANCEL: /* back to what the filter was before '/' */
		snprintf(saved, sizeof(saved), "%s",
			 ((const struct lkm_tui_filter *)f->data)->saved);
		lkm_tui_pop(app);
		lkm_view_set_filter(v, saved);
		break;
	case LKM_ACT_ERASE: lkm_view_filter_backspace(v); break;
	case LKM_ACT_KILL: lkm_view_set_filter(v, ""); break;
	default: return LKM_TUI_HANDLED;
	}
	return LKM_TUI_CHANGED;
}

/* The terminal's cursor at the end of what is typed on the status line. */
static void filter_cursor(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			  int cols)
{
	char left[512];
	int x;

	(void)f;
	snprintf(left, sizeof(left), _("Filter: %s"), app->views[app->pane].filter);
	x = (int)strlen(left);
	move(app->term.lines - 1, x < cols ? x : cols - 1);
}

const struct lkm_tui_screen_ops lkm_tui_filter_screen = {
	.id = LKM_SCREEN_FILTER,
	.name = "filter",
	.layer = LKM_LAYER_OVERLAY,
	.open = filter_open,
	.key = filter_key, /* drawn by the panes' status line, which it replaces */
	.cursor = filter_cursor,
	.release = filter_release,
};
