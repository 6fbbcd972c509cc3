/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "ui/columns.h"
#include "ui/tui/scroll.h"

/*
 * The TUI as a stack of screens, as tmux's window modes and htop's panels: each screen
 * is a small table of functions (its keys, its drawing, its status hint, what a refresh
 * or a resize rebuilds, what it drops when it goes), defined in the screen's own file,
 * and the stack says what is shown and what has the keyboard. The panes are the floor,
 * always there; "back" is a pop, which shows again the pane that was shown when the
 * screen came.
 *
 * A screen's layer says how it stacks: a BASE (the panes, a module's detail, a line's
 * detail) is what the others come back to; an OVERLAY (the filter prompt, the teach box)
 * is drawn over the screen below it; a STEP of an action (its form, its confirmation,
 * its diagnosis) replaces the step before it, and the action's end pops every step;
 * FULL (the help) takes the whole terminal.
 */
struct lkm_tui_app;
struct lkm_tui_event;

enum lkm_tui_screen_id {
	LKM_SCREEN_PANES,  /* the list panes (one, or all four in the split layout) */
	LKM_SCREEN_FILTER, /* typing the filter of the current pane */
	LKM_SCREEN_HELP,   /* the keys, from the key table */
	LKM_SCREEN_DETAIL, /* one module: state, parameters, neighbours, what it drives */
	LKM_SCREEN_TEACH,  /* what a row's or a line's terms mean; any key returns */
	LKM_SCREEN_FORM, /* a line being typed: a module, its parameters, a value, CPUs */
	LKM_SCREEN_CONFIRM, /* an action's steps (its dry run), waiting for y or n */
	LKM_SCREEN_DIAG,    /* why an action failed, and its fix */
	LKM_SCREEN_LINE, /* one interrupt line or interface: its last minute, its CPUs */
	LKM_SCREEN_COUNT
};

enum lkm_tui_layer {
	LKM_LAYER_BASE,
	LKM_LAYER_OVERLAY,
	LKM_LAYER_STEP,
	LKM_LAYER_FULL,
};

struct lkm_tui_screen_ops {
	enum lkm_tui_screen_id id;
	const char *name; /* for tests and messages: "detail" */
	enum lkm_tui_layer layer;
	/* Every key while the screen is on top; returns enum lkm_tui_result flags
	 * (LKM_TUI_PASS: the key table's action for it runs instead). */
	unsigned (*key)(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
	/* Its body between the tab bar and BOTTOM (the kernel log strip), COLS wide; a
	 * FULL screen gets the whole terminal, BOTTOM its height. NULL: nothing (the
	 * filter prompt is drawn by the panes' status line). */
	void (*draw)(const struct lkm_tui_app *app, int bottom, int cols);
	/* The status line's hint when no message is shown, into BUF, made from the key
	 * table (NULL: the panes' status line). */
	void (*hint)(const struct lkm_tui_app *app, char *buf, size_t size);
	/* Puts the terminal's cursor where typing goes, once all is drawn (may be NULL).
	 */
	void (*cursor)(const struct lkm_tui_app *app, int cols);
	/* After a snapshot or a resize, on every screen of the stack (may be NULL). */
	void (*refresh)(struct lkm_tui_app *app);
	/* When it is popped: drop what it holds (may be NULL). */
	void (*release)(struct lkm_tui_app *app);
};

/* One screen on the stack. */
struct lkm_tui_frame {
	const struct lkm_tui_screen_ops *ops;
	enum lkm_pane pane; /* the pane shown when it came: a pop shows it again */
	struct lkm_tui_scroll scroll; /* a text screen's place (help, diagnosis) */
};

#define LKM_TUI_STACK_MAX 8

/* The screens over the panes, the floor that is always there (app.h has the
 * operations). */
struct lkm_tui_stack {
	struct lkm_tui_frame v[LKM_TUI_STACK_MAX];
	size_t n; /* 0: the panes alone */
};
