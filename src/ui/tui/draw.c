// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/paint.h"
#include "ui/tui/panes.h"

/*
 * The whole screen, once per loop turn: the tab bar, the screens of the stack (the one
 * on top over what it overlays, down to the panes), the kernel log strip, the status
 * line. Each screen draws itself from its frame (screen.h).
 */

static void draw_tabs(const struct lkm_tui_app *app, int cols)
{
	char buf[64];
	/* The Hardware pane is a screen over the four (LKM_PANE_COUNT's tab). */
	int shown = lkm_tui_on_stack(app, LKM_SCREEN_HARDWARE) ? LKM_PANE_COUNT
							       : (int)app->pane;

	lkm_tui_fill_line(LKM_TUI_TABS_Y, cols, lkm_tui_attr(LKM_ROLE_TAB));
	for (int p = 0; p <= LKM_PANE_COUNT; p++) {
		int x, w;
		const char *label = lkm_tui_tab(cols, p, buf, sizeof(buf), &x, &w);

		if (x >= cols)
			break;
		lkm_tui_put(
			LKM_TUI_TABS_Y, x, w < cols - x ? w : cols - x, label, false,
			lkm_tui_attr(p == shown ? LKM_ROLE_TAB_ACTIVE : LKM_ROLE_TAB));
	}
}

/* The live log's one sentence when it shows no line: why it cannot, or that none came. */
static void live_note(const struct lkm_tui_app *app, char *buf, size_t size)
{
	int err = app->strip.live.err;

	if (err == -EPERM || err == -EACCES)
		snprintf(buf, size,
			 _("  Cannot read /dev/kmsg: %s (it needs root, or the sysctl "
			   "kernel.dmesg_restrict = 0)."),
			 strerror(-err));
	else if (err == -ENOENT)
		snprintf(buf, size, "%s",
			 _("  There is no /dev/kmsg under this root, so there is "
			   "no kernel log to follow."));
	else if (err < 0)
		snprintf(buf, size, _("  Cannot read /dev/kmsg: %s."), strerror(-err));
	else
		snprintf(buf, size, _("  Nothing from %s since L was pressed."),
			 app->strip.live_module);
}

/* The rows above the status line that the kernel log strip takes, from FIRST: the last
 * operation's lines, or the live log's. */
static void draw_strip(const struct lkm_tui_app *app, int first, int rows, int cols)
{
	const struct lkm_tui_strip *s = &app->strip;
	char *const *lines = s->live_on ? s->live.lines : s->klog;
	size_t n = s->live_on ? s->live.n : s->n_klog, from;
	char title[512];

	if (rows <= 0)
		return;
	if (s->live_on)
		snprintf(title, sizeof(title), _("Kernel log of %s, live (L stops)"),
			 s->live_module);
	else
		snprintf(title, sizeof(title), "%s", s->klog_title);
	lkm_tui_fill_line(first, cols, lkm_tui_attr(LKM_ROLE_DIVIDER));
	lkm_tui_put(first, 0, cols, title, false, lkm_tui_attr(LKM_ROLE_NOTICE));
	from = n > (size_t)(rows - 1) ? n - (size_t)(rows - 1) : 0;
	for (int r = 1; r < rows; r++) {
		char buf[512];

		lkm_tui_fill_line(first + r, cols, lkm_tui_attr(LKM_ROLE_NORMAL));
		if (s->live_on && n == 0 && r == 1) {
			live_note(app, buf, sizeof(buf));
			lkm_tui_put(first + r, 0, cols, buf, false,
				    lkm_tui_attr(LKM_ROLE_MESSAGE));
			continue;
		}
		if (from + (size_t)(r - 1) >= n)
			continue;
		snprintf(buf, sizeof(buf), "  %s", lines[from + (size_t)(r - 1)]);
		lkm_tui_put(first + r, 0, cols, buf, false,
			    lkm_tui_attr(LKM_ROLE_NORMAL));
	}
}

/* The status line of a screen over the panes: a message, or the screen's hint. */
static void draw_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *top,
		      int y, int cols)
{
	char text[512] = "";

	top->ops->hint(app, top, text, sizeof(text));

	lkm_tui_fill_line(y, cols, lkm_tui_attr(LKM_ROLE_STATUS));
	lkm_tui_put(y, 0, cols, app->message[0] ? app->message : text, false,
		    lkm_tui_attr(LKM_ROLE_STATUS) | (app->message[0] ? A_BOLD : 0));
}

void lkm_tui_draw(const struct lkm_tui_app *app)
{
	const struct lkm_tui_stack *s = &app->stack;
	const struct lkm_tui_frame *top = s->n ? &s->v[s->n - 1] : NULL;
	bool cursor = top && top->ops->cursor;
	size_t first = s->n; /* the frames drawn: from the base under the overlays */
	int lines, cols, strip, bottom;

	getmaxyx(stdscr, lines, cols);
	attrset(A_NORMAL);
	erase();
	curs_set(cursor ? 1 : 0);
	if (lines < 4 || cols < 20) {
		mvaddnstr(0, 0, _("Terminal too small"), cols);
		return;
	}
	if (top && top->ops->layer == LKM_LAYER_FULL) {
		top->ops->draw(app, top, lines, cols);
		return;
	}
	strip = lkm_tui_strip_rows(app);
	bottom = lines - 1 - strip;
	draw_tabs(app, cols);
	/* The screen on top, over what it overlays (the teach box over a detail, or over
	 * the panes, the floor of the stack). */
	while (first > 0 && s->v[first - 1].ops->layer == LKM_LAYER_OVERLAY)
		first--;
	if (first == 0)
		lkm_tui_screen(LKM_SCREEN_PANES)->draw(app, NULL, bottom, cols);
	else
		first--;
	for (size_t i = first; i < s->n; i++)
		if (s->v[i].ops->draw)
			s->v[i].ops->draw(app, &s->v[i], bottom, cols);
	draw_strip(app, bottom, strip, cols);
	if (top == NULL || top->ops->hint == NULL)
		lkm_tui_panes_status(app, lines - 1, cols);
	else
		draw_hint(app, top, lines - 1, cols);
	attrset(A_NORMAL);
	/* The terminal's cursor where typing goes (the drawing above moved it). */
	if (cursor)
		top->ops->cursor(app, top, cols);
}
