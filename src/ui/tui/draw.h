/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

struct lkm_tui_app;

/*
 * Thin ncurses drawing of the app's state: it reads the views and writes the screen, and
 * changes nothing else. Attributes come from roles (as htop's ColorElements): each role
 * has a monochrome attribute (reverse, bold, underline), and a colour pair when colour is
 * on, so a monochrome terminal or NO_COLOR still shows every distinction.
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

/* Draws the whole screen into stdscr (the caller refreshes it once per loop turn). */
void lkm_tui_draw(const struct lkm_tui_app *app);

/* The screens' bodies (screen.h) between the tab bar and BOTTOM, COLS wide; the help
 * takes the whole screen, LINES tall. */
void lkm_tui_draw_panes(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_help(const struct lkm_tui_app *app, int lines, int cols);
void lkm_tui_draw_detail(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_teach(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_form(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_confirm(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_diag(const struct lkm_tui_app *app, int bottom, int cols);
void lkm_tui_draw_line_detail(const struct lkm_tui_app *app, int bottom, int cols);

/* The diagnosis' window for the screen the last resize gave: its rows measured as they
 * are drawn, its height, its place clamped (the diagnosis screen's refresh). */
void lkm_tui_diag_layout(struct lkm_tui_app *app);
