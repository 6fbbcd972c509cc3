// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "core/explain.h"
#include "core/text.h"

static attr_t role_attr[LKM_ROLE_COUNT];

void lkm_tui_draw_init(struct lkm_tui_app *app)
{
	static const struct {
		attr_t mono;
		short fg, bg;
		attr_t extra;
	} roles[LKM_ROLE_COUNT] = {
		[LKM_ROLE_NORMAL] = { A_NORMAL, -1, -1, A_NORMAL },
		[LKM_ROLE_TAB] = { A_NORMAL, -1, -1, A_NORMAL },
		[LKM_ROLE_TAB_ACTIVE] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN,
					  A_BOLD },
		[LKM_ROLE_HEADER] = { A_BOLD | A_UNDERLINE, COLOR_BLACK, COLOR_GREEN,
				      A_NORMAL },
		[LKM_ROLE_HEADER_SORT] = { A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN,
					   A_BOLD },
		[LKM_ROLE_CURSOR] = { A_REVERSE, COLOR_BLACK, COLOR_CYAN, A_NORMAL },
		[LKM_ROLE_NEW] = { A_BOLD, COLOR_GREEN, -1, A_BOLD },
		[LKM_ROLE_ALERT] = { A_BOLD | A_UNDERLINE, COLOR_RED, -1, A_BOLD },
		[LKM_ROLE_DIVIDER] = { A_NORMAL, COLOR_BLUE, -1, A_NORMAL },
		[LKM_ROLE_STATUS] = { A_REVERSE, COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[LKM_ROLE_PROMPT] = { A_BOLD, COLOR_YELLOW, -1, A_BOLD },
		[LKM_ROLE_MESSAGE] = { A_BOLD, COLOR_YELLOW, -1, A_BOLD },
		[LKM_ROLE_NOTICE] = { A_BOLD, -1, -1, A_BOLD },
	};
	bool color = app->term.color && has_colors();

	if (color && (start_color() == ERR || use_default_colors() == ERR))
		color = false;
	for (int r = 0; r < LKM_ROLE_COUNT; r++) {
		role_attr[r] = roles[r].mono;
		if (!color || (roles[r].fg < 0 && roles[r].bg < 0))
			continue;
		if (init_pair((short)r, roles[r].fg, roles[r].bg) == ERR)
			continue;
		role_attr[r] = COLOR_PAIR(r) | roles[r].extra;
	}
	app->term.color = color;
}

attr_t lkm_tui_attr(enum lkm_tui_role r)
{
	return role_attr[r];
}

/* Writes TEXT at Y, X in exactly W cells: cut, or padded (right-aligned when RIGHT). */
void lkm_tui_put(int y, int x, int w, const char *text, bool right, attr_t attr)
{
	int len = (int)strlen(text);

	if (w <= 0)
		return;
	attrset(attr);
	if (len >= w) {
		mvaddnstr(y, x, text, w);
	} else if (right) {
		mvhline(y, x, ' ', w - len);
		mvaddstr(y, x + w - len, text);
	} else {
		mvaddstr(y, x, text);
		mvhline(y, x + len, ' ', w - len);
	}
}

void lkm_tui_fill_span(int y, int x, int w, attr_t attr)
{
	attrset(attr);
	mvhline(y, x, ' ', w);
}

void lkm_tui_fill_line(int y, int cols, attr_t attr)
{
	lkm_tui_fill_span(y, 0, cols, attr);
}

/* TEXT from row Y, column X, wrapped at word boundaries in W cells; stops at MAXY.
 * Returns the next row. */
int lkm_tui_wrapped(int y, int x, int maxy, int w, const char *text, attr_t attr)
{
	const char *p = text;

	if (w < 8)
		w = 8;
	attrset(attr);
	while (*p && y < maxy) {
		const char *line = p;
		size_t cut = lkm_text_wrap(line, (size_t)w, &p);

		mvaddnstr(y++, x, line, (int)cut);
	}
	return y;
}

int lkm_tui_wrapped_in(int y, int top, int bottom, int x, int w, const char *mark,
		       const char *text, attr_t attr)
{
	int indent = (int)strlen(mark), tw = w - indent > 0 ? w - indent : 1;
	const char *p = text;
	bool first = true;

	if (top < bottom) /* not only measured */
		attrset(attr);
	do {
		const char *line = p;
		size_t cut = lkm_text_wrap(line, (size_t)tw, &p);

		if (y >= top && y < bottom) {
			if (first)
				mvaddstr(y, x, mark);
			mvaddnstr(y, x + indent, line, (int)cut);
		}
		first = false;
		y++;
	} while (*p);
	return y;
}

/* How many rows draw_wrapped takes for TEXT in W cells. */
int lkm_tui_wrapped_rows(const char *text, int w)
{
	const char *p = text;
	int rows = 0;

	if (w < 8)
		w = 8;
	for (; *p; rows++)
		lkm_text_wrap(p, (size_t)w, &p);
	return rows ? rows : 1;
}

void lkm_tui_title(int cols, const char *text, enum lkm_tui_role role)
{
	int w = cols - 1;

	lkm_tui_fill_line(LKM_TUI_HEADER_Y, cols, lkm_tui_attr(role));
	/* A title cut at the edge reads as a whole one: say that it goes on. */
	if ((int)strlen(text) > w && w > 3) {
		lkm_tui_put(LKM_TUI_HEADER_Y, 1, w - 3, text, false, lkm_tui_attr(role));
		lkm_tui_put(LKM_TUI_HEADER_Y, w - 2, 3, "...", false, lkm_tui_attr(role));
		return;
	}
	lkm_tui_put(LKM_TUI_HEADER_Y, 1, w, text, false, lkm_tui_attr(role));
}

int lkm_tui_diag_list(int y, int bottom, int x, int cols, const struct lkm_diagnosis *d,
		      enum lkm_tui_diag_part part, size_t selected)
{
	bool fixes = part == LKM_TUI_FIXES;
	size_t n = fixes ? d->n_fixes : d->n_evidence;
	attr_t attr = lkm_tui_attr(fixes ? LKM_ROLE_PROMPT : LKM_ROLE_NORMAL);

	if (n == 0)
		return y;
	if (y >= LKM_TUI_LIST_Y && y < bottom)
		lkm_tui_put(y, x, cols - x, fixes ? _("Fix:") : _("Evidence:"), false,
			    lkm_tui_attr(LKM_ROLE_NOTICE));
	y++;
	for (size_t i = 0; i < n; i++)
		y = lkm_tui_wrapped_in(
			y, LKM_TUI_LIST_Y, bottom, x + 2, cols - x - 2,
			fixes ? "> " : "- ", fixes ? d->fixes[i].text : d->evidence[i],
			fixes && i == selected ? lkm_tui_attr(LKM_ROLE_CURSOR) : attr);
	return y;
}
