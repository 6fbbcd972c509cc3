/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "ui/columns.h"
#include "ui/tui/scroll.h"

/*
 * The TUI as a stack of screens, as tmux's window modes and htop's panels: each screen
 * is a small table of functions (its keys, its drawing, what a refresh or a resize
 * rebuilds, what it drops when it goes) and the stack says what is shown and what has the
 * keyboard. The panes are always at the bottom; "back" is a pop, which shows again the
 * pane that was shown when the screen came.
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
	const char *name; /* for tests and messages: "detail" */
	enum lkm_tui_layer layer;
	/* Every key while the screen is on top; returns enum lkm_tui_result flags. */
	unsigned (*key)(struct lkm_tui_app *app, const struct lkm_tui_event *ev);
	/* Its body between the tab bar and BOTTOM (the kernel log strip), COLS wide. */
	void (*draw)(const struct lkm_tui_app *app, int bottom, int cols);
	/* After a snapshot or a resize, on every screen of the stack (may be NULL). */
	void (*refresh)(struct lkm_tui_app *app);
	/* When it is popped: drop what it holds (may be NULL). */
	void (*release)(struct lkm_tui_app *app);
};

/* One screen on the stack. */
struct lkm_tui_frame {
	enum lkm_tui_screen_id id;
	enum lkm_pane pane; /* the pane shown when it came: a pop shows it again */
	struct lkm_tui_scroll scroll; /* a text screen's place (help, diagnosis) */
};

#define LKM_TUI_STACK_MAX 8

struct lkm_tui_stack {
	struct lkm_tui_frame v[LKM_TUI_STACK_MAX];
	size_t n; /* at least 1: the panes */
};

const struct lkm_tui_screen_ops *lkm_tui_screen_ops(enum lkm_tui_screen_id id);

/* The stack of a new app: the panes alone. */
void lkm_tui_stack_init(struct lkm_tui_stack *s);

/* The screen on top, and its frame. */
enum lkm_tui_screen_id lkm_tui_top(const struct lkm_tui_app *app);
struct lkm_tui_frame *lkm_tui_top_frame(struct lkm_tui_app *app);
/* The topmost frame of screen ID, or NULL when it is not on the stack. */
const struct lkm_tui_frame *lkm_tui_frame_of(const struct lkm_tui_app *app,
					     enum lkm_tui_screen_id id);
/* Whether ID is anywhere on the stack. */
bool lkm_tui_on_stack(const struct lkm_tui_app *app, enum lkm_tui_screen_id id);

/*
 * Pushes ID (a STEP replaces the steps on top: an action has one step shown at a time).
 * A stack that is full drops its oldest screen above the panes. Returns the top frame.
 */
struct lkm_tui_frame *lkm_tui_push(struct lkm_tui_app *app, enum lkm_tui_screen_id id);

/* Pops the top screen (never the panes): it releases what it holds, and the pane it came
 * from is shown again. */
void lkm_tui_pop(struct lkm_tui_app *app);

/* Pops the steps of an action, back to the screen it started from. */
void lkm_tui_pop_steps(struct lkm_tui_app *app);

/* Routes EV to the screen on top. */
unsigned lkm_tui_screen_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Calls every screen's refresh, from the bottom. */
void lkm_tui_screens_refresh(struct lkm_tui_app *app);

/* Pops every screen above the panes (the app's end). */
void lkm_tui_stack_release(struct lkm_tui_app *app);
