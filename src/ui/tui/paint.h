/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include <curses.h>

struct lkm_tui_app;
struct lkm_diagnosis;

/*
 * The painting every screen shares: text cut or padded to a width, wrapped at word
 * boundaries, a title row, and attributes by role, not by colour. Attributes come from
 * roles (as htop's ColorElements): each role has a monochrome attribute (reverse, bold,
 * underline), and a colour pair when colour is on, so a monochrome terminal or NO_COLOR
 * still shows every distinction.
 */
enum lkm_tui_role {
	LKM_ROLE_NORMAL,
	LKM_ROLE_TAB,
	LKM_ROLE_TAB_ACTIVE,
	LKM_ROLE_HEADER,
	LKM_ROLE_HEADER_SORT,
	LKM_ROLE_CURSOR,
	LKM_ROLE_NEW,
	LKM_ROLE_ALERT,
	LKM_ROLE_DIVIDER,
	LKM_ROLE_STATUS,
	LKM_ROLE_PROMPT,
	LKM_ROLE_MESSAGE,
	LKM_ROLE_NOTICE,
	LKM_ROLE_COUNT
};

/* Sets up the roles' attributes; colour only when APP->color and the terminal has it. */
void lkm_tui_draw_init(struct lkm_tui_app *app);

/* The attribute of role R. */
attr_t lkm_tui_attr(enum lkm_tui_role r);

/* Writes TEXT at Y, X in exactly W cells: cut, or padded (right-aligned when RIGHT). */
void lkm_tui_put(int y, int x, int w, const char *text, bool right, attr_t attr);
void lkm_tui_fill_span(int y, int x, int w, attr_t attr);
void lkm_tui_fill_line(int y, int cols, attr_t attr);

/* TEXT from row Y, column X, wrapped at word boundaries in W cells; stops at MAXY.
 * Returns the next row. */
int lkm_tui_wrapped(int y, int x, int maxy, int w, const char *text, attr_t attr);
/*
 * TEXT from row Y, column X, wrapped at word boundaries in W columns, with MARK ("- ")
 * before its first line and as many blanks before the others (a hanging indent); rows
 * outside [TOP, BOTTOM) are counted, not drawn, so a scrolled screen draws the same
 * rows it measured. An empty TEXT takes one row. Returns the row after it.
 */
int lkm_tui_wrapped_in(int y, int top, int bottom, int x, int w, const char *mark,
		       const char *text, attr_t attr);
/* How many rows lkm_tui_wrapped takes for TEXT in W cells. */
int lkm_tui_wrapped_rows(const char *text, int w);

/* A screen's title on the row under the tab bar, "..." when it is cut. */
void lkm_tui_title(int cols, const char *text, enum lkm_tui_role role);

/* Which list of a diagnosis lkm_tui_diag_list paints. */
enum lkm_tui_diag_part {
	LKM_TUI_EVIDENCE, /* "Evidence:", each line under "- " */
	LKM_TUI_FIXES,	  /* "Fix:", each under "> " */
};

/*
 * The evidence or the fixes of diagnosis D (the diagnosis screen's, a Health finding's)
 * from row Y: the heading at column X, each item wrapped under it two columns in, up to
 * column COLS; rows outside [LKM_TUI_LIST_Y, BOTTOM) are counted, not drawn. Fix
 * SELECTED (the one f runs; LKM_TUI_NO_PICK: none) is drawn as the cursor. An empty
 * list takes no row. Returns the row after its last item.
 */
#define LKM_TUI_NO_PICK ((size_t)-1)
int lkm_tui_diag_list(int y, int bottom, int x, int cols, const struct lkm_diagnosis *d,
		      enum lkm_tui_diag_part part, size_t selected);
