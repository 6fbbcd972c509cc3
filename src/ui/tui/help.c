// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/help.h"
#include "ui/tui/paint.h"

static const char *const help_tail[] = {
	"",
	N_("Marks: > is the cursor; + an item that appeared since the last refresh."),
	N_("Interrupts: per-CPU counts, or one character per CPU when they do not fit"),
	N_("(' ' none, then . : - = + * # % @ as the rate grows). NMI, LOC, ... come "
	   "last."),
	N_("Network: errors and drops other than 0 are highlighted."),
	N_("Detail (Enter): Up/Down pick a line; Enter goes to it; e explains it; Esc "
	   "returns."),
	N_("Actions: a dry run shows the steps, y does them; a failure shows why, and f "
	   "runs"),
	N_("the fix when it is an lkmtui action, then offers the action again."),
	"",
	N_("Up/Down scroll this help; any other key returns."),
};

#define N_TAIL (sizeof(help_tail) / sizeof(help_tail[0]))

size_t lkm_tui_help_lines(const struct lkm_tui_app *app)
{
	size_t n = app->session.can_act
			   ? 2
			   : 3; /* title, blank, why l, u, p are unavailable */

	for (int a = 0; a < LKM_ACT_COUNT; a++)
		n += lkm_tui_action((enum lkm_tui_action_id)a)->help != NULL;
	return n + N_TAIL;
}

void lkm_tui_help_line(const struct lkm_tui_app *app, size_t i, char *buf, size_t size)
{
	buf[0] = '\0';
	if (i == 0) {
		snprintf(buf, size, _("%s %s: the keys"), PACKAGE, PACKAGE_VERSION);
		return;
	}
	if (i == 1)
		return;
	i -= 2;
	if (!app->session.can_act && i-- == 0) {
		snprintf(buf, size, _("l, u, p are unavailable: %s."),
			 app->session.why_not);
		return;
	}
	for (int a = 0; a < LKM_ACT_COUNT; a++) {
		const struct lkm_tui_action *act =
			lkm_tui_action((enum lkm_tui_action_id)a);
		char keys[96];

		if (act->help == NULL)
			continue;
		if (i-- == 0) {
			lkm_tui_keys_of(&app->keymap, (enum lkm_tui_action_id)a, keys,
					sizeof(keys));
			snprintf(buf, size, "  %-22s %s", keys, _(act->help));
			return;
		}
	}
	if (i < N_TAIL && help_tail[i][0])
		snprintf(buf, size, "%s", _(help_tail[i]));
}

/* The help's window: the screen less the status line and two rows kept blank below its
 * last page, as it always had. */
static void help_window(struct lkm_tui_app *app, struct lkm_tui_scroll *w)
{
	w->n = lkm_tui_help_lines(app);
	w->height = app->lines > 3 ? (size_t)app->lines - 3 : 1;
}

static unsigned help_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_tui_scroll *w = &lkm_tui_top_frame(app)->scroll;
	int action = lkm_tui_keymap_lookup(&app->keymap, ev->key);

	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	help_window(app, w);
	/* Up, down and a page either way scroll; any other key (q too, as in htop and
	 * less: a second q quits) returns. */
	if (action == LKM_ACT_HOME || action == LKM_ACT_END ||
	    !lkm_tui_scroll_action(w, action))
		lkm_tui_pop(app);
	return LKM_TUI_CHANGED;
}

unsigned lkm_tui_on_help(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	lkm_tui_push(app, &lkm_tui_help_screen);
	return LKM_TUI_CHANGED;
}

static void draw_help(const struct lkm_tui_app *app, int lines, int cols)
{
	const struct lkm_tui_frame *f = lkm_tui_frame_of(app, LKM_SCREEN_HELP);
	size_t n = lkm_tui_help_lines(app), top = f ? f->scroll.top : 0;
	char buf[512];

	for (int y = 0; y < lines - 1; y++) {
		size_t i = top + (size_t)y;

		lkm_tui_fill_line(y, cols, lkm_tui_attr(LKM_ROLE_NORMAL));
		if (i >= n)
			continue;
		lkm_tui_help_line(app, i, buf, sizeof(buf));
		lkm_tui_put(y, 0, cols, buf, false,
			    lkm_tui_attr(i == 0 ? LKM_ROLE_NOTICE : LKM_ROLE_NORMAL));
	}
	lkm_tui_fill_line(lines - 1, cols, lkm_tui_attr(LKM_ROLE_STATUS));
	lkm_tui_put(lines - 1, 0, cols, _("Help: any key returns"), false,
		    lkm_tui_attr(LKM_ROLE_STATUS));
}

const struct lkm_tui_screen_ops lkm_tui_help_screen = {
	.id = LKM_SCREEN_HELP,
	.name = "help",
	.layer = LKM_LAYER_FULL,
	.key = help_key,
	.draw = draw_help,
};
