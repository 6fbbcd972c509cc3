/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "core/explain.h"
#include "core/hardware.h"
#include "model/snapshot.h"
#include "ui/columns.h"
#include "ui/tui/detail.h"
#include "ui/tui/req.h"
#include "ui/tui/scroll.h"

/*
 * The TUI as a stack of screens, as tmux's window modes (struct window_mode, and the
 * mode's own data in struct window_mode_entry) and htop's panels: each screen is a small
 * table of functions defined in the screen's own file: open makes its data from what the
 * screen that pushes it gives, key, draw, hint, cursor and refresh work on that data,
 * release frees it. The frame on the stack carries the data; the app holds only what
 * every screen shares. The panes are the floor, always there; "back" is a pop, which
 * shows again the pane that was shown when the screen came.
 *
 * A screen reaches another only through the stack: lkm_tui_push (app.h) with the other
 * screen's id and its open argument (below), never through the other screen's header.
 *
 * A screen's layer says how it stacks: a BASE (the panes, a module's detail, a line's
 * detail) is what the others come back to; an OVERLAY (the filter prompt, the teach box)
 * is drawn over the screen below it; a STEP of an action (its form, its confirmation,
 * its diagnosis) replaces the step before it, and the action's end pops every step;
 * FULL (the help) takes the whole terminal.
 */
struct lkm_tui_app;
struct lkm_tui_event;
struct lkm_tui_frame;

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
	LKM_SCREEN_HEALTH, /* the doctor's findings, each expandable, its fix runnable */
	LKM_SCREEN_HARDWARE, /* the devices and their drivers: bind, unbind */
	LKM_SCREEN_BIND,     /* a bind's or unbind's steps and what stops working */
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
	/* Makes the frame's data from ARG (the type the screen's id names below; may be
	 * NULL). Returns 0, or a negative errno and nothing is pushed (a message on the
	 * status line says why when the user should know). NULL: no data. */
	int (*open)(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg);
	/* Every key while the screen is on top; returns enum lkm_tui_result flags
	 * (LKM_TUI_PASS: the key table's action for it runs instead). NULL: the key
	 * table's action runs (the panes). */
	unsigned (*key)(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			const struct lkm_tui_event *ev);
	/* Its body between the tab bar and BOTTOM (the kernel log strip), COLS wide; a
	 * FULL screen gets the whole terminal, BOTTOM its height. NULL: nothing (the
	 * filter prompt is drawn by the panes' status line). */
	void (*draw)(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		     int bottom, int cols);
	/* The status line's hint when no message is shown, into BUF, made from the key
	 * table (NULL: the panes' status line). */
	void (*hint)(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		     char *buf, size_t size);
	/* Puts the terminal's cursor where typing goes, once all is drawn (may be NULL).
	 */
	void (*cursor)(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		       int cols);
	/* After a snapshot or a resize, on every screen of the stack (may be NULL). */
	void (*refresh)(struct lkm_tui_app *app, struct lkm_tui_frame *f);
	/* The screen row of its cursor, for an overlay that keeps it in sight (may be
	 * NULL). */
	int (*cursor_row)(const struct lkm_tui_app *app, const struct lkm_tui_frame *f);
	/* The module it is about (a module's detail), or NULL (may be NULL). */
	const char *(*module)(const struct lkm_tui_frame *f);
	/* When it is popped: frees DATA, what open made (may be NULL). */
	void (*release)(void *data);
};

/* One screen on the stack. */
struct lkm_tui_frame {
	const struct lkm_tui_screen_ops *ops;
	void *data;	    /* the screen's own state: made by open, freed by release */
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

/* ---- what each screen is opened with (lkm_tui_push's ARG) ---- */

/* LKM_SCREEN_DETAIL: the module's name (const char *). */
/* LKM_SCREEN_FILTER, LKM_SCREEN_HELP, LKM_SCREEN_HEALTH, LKM_SCREEN_HARDWARE: nothing
 * (NULL). */

/* LKM_SCREEN_BIND: a device given to MODULE's driver (NULL: let its driver go). */
struct lkm_tui_bind_arg {
	const char *address;
	const char *module;
};

/* LKM_SCREEN_LINE: an interrupt line or an interface. */
struct lkm_tui_line_arg {
	enum lkm_pane pane; /* Interrupts or Network */
	const char *key;    /* the irq label or the interface */
};

/* LKM_SCREEN_TEACH: the cells of a module's row, one line of a module's detail, or a
 * device of the Hardware pane. */
struct lkm_tui_teach_arg {
	const struct lkm_module *row;	    /* the row's module, or NULL */
	const struct lkm_hwentry *device;   /* or the device, or NULL */
	const char *module;		    /* with LINE: the detail's module */
	const struct lkm_detail_line *line; /* or NULL */
};

/* LKM_SCREEN_FORM: what the input line is for. */
enum lkm_tui_input {
	LKM_INPUT_LOAD_NAME,   /* a module name or a file, with Tab completion */
	LKM_INPUT_LOAD_PARAMS, /* NAME=VALUE words for the module named */
	LKM_INPUT_SET,	       /* one NAME=VALUE for a loaded module */
	LKM_INPUT_AFFINITY,    /* the CPUs of interrupt line MODULE */
};

struct lkm_tui_form_arg {
	enum lkm_tui_input what;
	const char *module; /* the module (or the irq label) it is for; may be NULL */
	const char *text;   /* what is typed already; may be NULL */
};

/* LKM_SCREEN_CONFIRM: an action and its dry run, waiting for y. */
struct lkm_tui_confirm_arg {
	const struct lkm_tui_req *req;
	struct lkm_result *preview;	 /* moved into the screen: left empty */
	const struct lkm_tui_req *retry; /* a fix's: the action offered again after it,
					    or NULL */
	struct lkm_diagnosis *foresight; /* a load's: what explain foresees (moved into
					    the screen), or NULL */
	size_t n_foresight;
};

/* LKM_SCREEN_DIAG: why an action failed. */
struct lkm_tui_diag_arg {
	struct lkm_diagnosis *diag;    /* moved into the screen: left empty */
	const struct lkm_tui_req *req; /* the action that failed */
	const char *steps;	       /* what was done before it failed, or NULL */
	bool offer_fix; /* f runs the diagnosis' fix when it is an lkmtui action */
};

/* ---- the screens, each defined in its own file ---- */

extern const struct lkm_tui_screen_ops lkm_tui_panes_screen;	/* panes.c */
extern const struct lkm_tui_screen_ops lkm_tui_filter_screen;	/* filter.c */
extern const struct lkm_tui_screen_ops lkm_tui_help_screen;	/* help.c */
extern const struct lkm_tui_screen_ops lkm_tui_detail_screen;	/* moddetail.c */
extern const struct lkm_tui_screen_ops lkm_tui_teach_screen;	/* teach.c */
extern const struct lkm_tui_screen_ops lkm_tui_form_screen;	/* form.c */
extern const struct lkm_tui_screen_ops lkm_tui_confirm_screen;	/* confirm.c */
extern const struct lkm_tui_screen_ops lkm_tui_diag_screen;	/* diag.c */
extern const struct lkm_tui_screen_ops lkm_tui_line_screen;	/* linedetail.c */
extern const struct lkm_tui_screen_ops lkm_tui_health_screen;	/* health.c */
extern const struct lkm_tui_screen_ops lkm_tui_hardware_screen; /* hardware.c */
extern const struct lkm_tui_screen_ops lkm_tui_bind_screen;	/* bindconfirm.c */

/* The status line's hint of a screen waiting for y (confirm.c): the keys that do it and
 * cancel it, as the keymap binds them. */
void lkm_tui_confirm_hint(const struct lkm_tui_app *app, char *buf, size_t size);
