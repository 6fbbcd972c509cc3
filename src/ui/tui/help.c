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
	N_("Actions: a dry run shows the steps, y does them; a failure shows why, and f "
	   "runs"),
	N_("the fix when it is an lkmtui action, then offers the action again."),
	"",
	N_("Up/Down scroll this help; any other key returns."),
};

#define N_TAIL (sizeof(help_tail) / sizeof(help_tail[0]))

/* The screens with keys of their own, each a section of the help after the panes'. */
static const struct {
	enum lkm_tui_keyset set;
	const char *heading;
} sections[] = {
	{ LKM_KEYS_DETAIL, N_("In a module's detail (the panes' keys too):") },
	{ LKM_KEYS_LINE, N_("In an interrupt line's or an interface's detail:") },
	{ LKM_KEYS_CONFIRM, N_("Before an action, its steps shown (a dry run):") },
	{ LKM_KEYS_DIAG, N_("In a diagnosis (any other key returns):") },
	{ LKM_KEYS_HEALTH, N_("In the Health screen (the panes' keys too):") },
	{ LKM_KEYS_HARDWARE, N_("In the Hardware pane (the panes' keys too):") },
	{ LKM_KEYS_PROMPT, N_("Typing (a form, the filter):") },
};

/* A line "  KEYS  what it does" for action A as SET binds it; *INDENT is where what it
 * does starts (its lines wrap under it). */
static void action_line(const struct lkm_tui_app *app, enum lkm_tui_keyset set,
			enum lkm_tui_action_id a, char *buf, size_t size, size_t *indent)
{
	char keys[96];
	int n;

	lkm_tui_keys_of_in(&app->keymap, set, a, keys, sizeof(keys));
	n = snprintf(buf, size, "  %-24s ", keys);
	*indent = n > 0 && (size_t)n < size ? (size_t)n : 0;
	snprintf(buf + *indent, size - *indent, "%s", _(lkm_tui_action(a)->help));
}

/*
 * Walks the help's lines: the title, why l, u, p are unavailable, the panes' actions,
 * each screen's own, then the notes. Writes line WANT into BUF (when it is there), with
 * in *INDENT where its text starts after the keys (0: a line of text alone), and
 * returns how many lines there are.
 */
static size_t help_walk(const struct lkm_tui_app *app, size_t want, char *buf,
			size_t size, size_t *indent)
{
	size_t n = 0;

#define LINE(...)                                                                        \
	do {                                                                             \
		if (n++ == want)                                                         \
			__VA_ARGS__;                                                     \
	} while (0)
	LINE(snprintf(buf, size, _("%s %s: the keys"), PACKAGE, PACKAGE_VERSION));
	LINE((void)0);
	if (!lkm_tui_can_act(app))
		LINE(snprintf(buf, size, _("l, u, p are unavailable: %s."),
			      app->session.core.why_not));
	for (int a = 0; a < LKM_ACT_COUNT; a++) {
		const struct lkm_tui_action *act =
			lkm_tui_action((enum lkm_tui_action_id)a);

		if (act->help && !act->screen)
			LINE(action_line(app, LKM_KEYS_GLOBAL, (enum lkm_tui_action_id)a,
					 buf, size, indent));
	}
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		enum lkm_tui_action_id acts[LKM_ACT_COUNT];
		size_t na = lkm_tui_keyset_actions(sections[s].set, acts, LKM_ACT_COUNT);

		LINE((void)0);
		LINE(snprintf(buf, size, "%s", _(sections[s].heading)));
		for (size_t i = 0; i < na; i++)
			LINE(action_line(app, sections[s].set, acts[i], buf, size,
					 indent));
	}
	for (size_t i = 0; i < N_TAIL; i++)
		LINE(snprintf(buf, size, "%s", help_tail[i][0] ? _(help_tail[i]) : ""));
#undef LINE
	return n;
}

size_t lkm_tui_help_lines(const struct lkm_tui_app *app)
{
	return help_walk(app, (size_t)-1, NULL, 0, NULL);
}

void lkm_tui_help_line(const struct lkm_tui_app *app, size_t i, char *buf, size_t size)
{
	size_t indent = 0;

	buf[0] = '\0';
	help_walk(app, i, buf, size, &indent);
}

/*
 * The help's lines from row Y, each wrapped to COLS (an action's under its text, after
 * the keys); rows outside [0, BOTTOM) are counted, not drawn (BOTTOM 0: only measured).
 * Returns the row after the last.
 */
static int help_body(const struct lkm_tui_app *app, int y, int bottom, int cols)
{
	size_t n = lkm_tui_help_lines(app);
	char buf[512], keys[128];

	for (size_t i = 0; i < n; i++) {
		size_t indent = 0;

		buf[0] = '\0';
		help_walk(app, i, buf, sizeof(buf), &indent);
		snprintf(keys, sizeof(keys), "%.*s", (int)indent, buf);
		y = lkm_tui_wrapped_in(
			y, 0, bottom, 0, cols, keys, buf + indent,
			lkm_tui_attr(i == 0 ? LKM_ROLE_NOTICE : LKM_ROLE_NORMAL));
	}
	return y;
}

/* The help's window: the screen less the status line and two rows kept blank below its
 * last page, as it always had. */
static void help_window(struct lkm_tui_app *app, struct lkm_tui_scroll *w)
{
	w->n = (size_t)help_body(app, 0, 0, app->term.cols > 0 ? app->term.cols : 80);
	w->height = app->term.lines > 3 ? (size_t)app->term.lines - 3 : 1;
}

static unsigned help_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 const struct lkm_tui_event *ev)
{
	struct lkm_tui_scroll *w = &f->scroll;
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

static void draw_help(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      int lines, int cols)
{
	for (int y = 0; y < lines - 1; y++)
		lkm_tui_fill_line(y, cols, lkm_tui_attr(LKM_ROLE_NORMAL));
	help_body(app, -(int)f->scroll.top, lines - 1, cols);
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
