/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
 * The key table: keys map to action ids through one table (as htop's
 * Action_setBindings); each action has a stable name and a line of help, and one
 * handler (bound in dispatch.c); handlers only change state and say what follows by
 * returning flags; they never draw. To add an action (load, unload, set, explain, a
 * detail view): add its id below, a row to the action table and the default bindings
 * in keys.c, and its handler to dispatch.c's table. A screen (a form, a prompt) is a
 * struct lkm_tui_screen_ops (screen.h) in its own file.
 */

struct lkm_tui_app;

enum lkm_tui_result {
	LKM_TUI_HANDLED = 1 << 0,
	LKM_TUI_REDRAW = 1 << 1,
	LKM_TUI_RESCAN = 1 << 2, /* take a new snapshot now */
	LKM_TUI_QUIT = 1 << 3,
	LKM_TUI_RETIME = 1 << 4, /* the refresh interval changed: re-arm the timer */
	LKM_TUI_PASS = 1 << 5,	 /* a screen's "not mine": the key table's action runs */
	LKM_TUI_CHANGED = LKM_TUI_HANDLED | LKM_TUI_REDRAW,
};

/* A key, or a mouse click (key is KEY_MOUSE, y/x the cell); action is what the keymap
 * made of it, so one handler can serve related actions (up, down, page down...). */
struct lkm_tui_event {
	int key;
	int y, x;
	int action; /* enum lkm_tui_action_id */
};

typedef unsigned (*lkm_tui_handler)(struct lkm_tui_app *app,
				    const struct lkm_tui_event *ev);

#define LKM_KEY_ESC 27

/* Enter is three codes, Backspace three: the terminal's, the byte, curses' key. */
bool lkm_tui_is_enter(int key);
bool lkm_tui_is_backspace(int key);

/* ACTION (an enum lkm_tui_action_id) switches to a pane: 1 to 4, Tab, Shift-Tab. A
 * screen over the panes gives way, and the key switches as on the panes. */
bool lkm_tui_is_pane_switch(int action);

enum lkm_tui_action_id {
	LKM_ACT_NONE,
	LKM_ACT_HELP,
	LKM_ACT_QUIT,
	LKM_ACT_PANE_MODULES,
	LKM_ACT_PANE_DEVICES,
	LKM_ACT_PANE_INTERRUPTS,
	LKM_ACT_PANE_NETDEV,
	LKM_ACT_PANE_NEXT,
	LKM_ACT_PANE_PREV,
	LKM_ACT_SPLIT,
	LKM_ACT_UP,
	LKM_ACT_DOWN,
	LKM_ACT_PAGE_UP,
	LKM_ACT_PAGE_DOWN,
	LKM_ACT_HOME,
	LKM_ACT_END,
	LKM_ACT_SORT_NEXT,
	LKM_ACT_SORT_PREV,
	LKM_ACT_SORT_INVERT,
	LKM_ACT_FILTER,
	LKM_ACT_FILTER_CLEAR,
	LKM_ACT_TREE,
	LKM_ACT_CPU_LEFT,
	LKM_ACT_CPU_RIGHT,
	LKM_ACT_CPU_PAGE_LEFT,
	LKM_ACT_CPU_PAGE_RIGHT,
	LKM_ACT_SLOWER,
	LKM_ACT_FASTER,
	LKM_ACT_REFRESH,
	LKM_ACT_REDRAW,
	LKM_ACT_CLICK,
	LKM_ACT_DETAIL,
	LKM_ACT_JUMP,
	LKM_ACT_TEACH,
	LKM_ACT_LOAD,
	LKM_ACT_UNLOAD,
	LKM_ACT_SET,
	LKM_ACT_LIVE_LOG,
	LKM_ACT_AFFINITY,
	LKM_ACT_HEALTH,
	LKM_ACT_BLOCK,
	LKM_ACT_HARDWARE,
	/* The screens' own actions (bound in their key sets only). */
	LKM_ACT_BACK,	     /* a detail: back to the screen before */
	LKM_ACT_GO,	     /* a module's detail: to what the line names */
	LKM_ACT_YES,	     /* a preview: do it */
	LKM_ACT_NO,	     /* a preview: cancel */
	LKM_ACT_STACK,	     /* an unload's preview: as a stack, or not */
	LKM_ACT_PERSIST,     /* a block's preview: until the next boot, or for good */
	LKM_ACT_FIX,	     /* a diagnosis: run its fix */
	LKM_ACT_PICK_FIX,    /* and pick which (1-9) */
	LKM_ACT_EXPAND,	     /* the Health screen: a finding's evidence and fix */
	LKM_ACT_FIX_FINDING, /* and its fix, run */
	LKM_ACT_RERUN,	     /* and the doctor, run again */
	LKM_ACT_DEVICE,	     /* the Hardware pane: a device's candidates */
	LKM_ACT_BIND,	     /* and the device given to a candidate's driver */
	LKM_ACT_UNBIND,	     /* and let go by its driver */
	LKM_ACT_ACCEPT,	     /* a form or the filter: take what is typed */
	LKM_ACT_CANCEL,	     /* and drop it */
	LKM_ACT_ERASE,	     /* the last character */
	LKM_ACT_KILL,	     /* the whole line */
	LKM_ACT_COMPLETE,    /* a module name or a path */
	LKM_ACT_COUNT
};

struct lkm_tui_action {
	const char *name; /* stable id, for a future [keys] section of the config */
	const char *help; /* N_()-marked; NULL: not listed in the help */
	bool screen;	  /* a screen's own action: no handler of the panes */
};

/* The action table, indexed by enum lkm_tui_action_id. */
const struct lkm_tui_action *lkm_tui_action(enum lkm_tui_action_id id);

#define LKM_TUI_KEYMAP_SIZE 1024 /* covers bytes and every ncurses KEY_* code */

/*
 * Key sets, as tmux's key tables: the panes' (GLOBAL), and a screen's own, looked up
 * first on that screen; a key the set leaves unbound means what it means on the panes.
 */
enum lkm_tui_keyset {
	LKM_KEYS_GLOBAL,
	LKM_KEYS_DETAIL,   /* a module's detail */
	LKM_KEYS_LINE,	   /* an interrupt line's or an interface's detail */
	LKM_KEYS_CONFIRM,  /* an action's preview */
	LKM_KEYS_DIAG,	   /* a diagnosis */
	LKM_KEYS_HEALTH,   /* the Health screen */
	LKM_KEYS_HARDWARE, /* the Hardware pane */
	LKM_KEYS_PROMPT,   /* a form, the filter: printable keys are typed */
	LKM_KEYS_COUNT
};

struct lkm_tui_keymap {
	unsigned char action[LKM_KEYS_COUNT][LKM_TUI_KEYMAP_SIZE]; /* action ids */
};

/* The default bindings. */
void lkm_tui_keymap_init(struct lkm_tui_keymap *km);
/* Binds KEY to ID on the panes (in SET); false when KEY is out of range. */
bool lkm_tui_keymap_bind(struct lkm_tui_keymap *km, int key, enum lkm_tui_action_id id);
bool lkm_tui_keymap_bind_in(struct lkm_tui_keymap *km, enum lkm_tui_keyset set, int key,
			    enum lkm_tui_action_id id);
/* What KEY does on the panes; on a screen with key set SET. */
enum lkm_tui_action_id lkm_tui_keymap_lookup(const struct lkm_tui_keymap *km, int key);
enum lkm_tui_action_id lkm_tui_keymap_lookup_in(const struct lkm_tui_keymap *km,
						enum lkm_tui_keyset set, int key);

/* A key's name as the help shows it ("q", "Tab", "F1", "Ctrl-C", "Up"). */
void lkm_tui_key_name(int key, char *buf, size_t size);

/* The keys bound to ID, ", "-joined, in the order of the default table; on a screen
 * with key set SET, its own keys first. */
void lkm_tui_keys_of(const struct lkm_tui_keymap *km, enum lkm_tui_action_id id,
		     char *buf, size_t size);
void lkm_tui_keys_of_in(const struct lkm_tui_keymap *km, enum lkm_tui_keyset set,
			enum lkm_tui_action_id id, char *buf, size_t size);

/* The actions a key set binds, in the order of its bindings: up to MAX into V; returns
 * how many. */
size_t lkm_tui_keyset_actions(enum lkm_tui_keyset set, enum lkm_tui_action_id *v,
			      size_t max);

/*
 * One part of a status-line hint: the first NKEYS keys of action A (and of B, after a
 * '/') as the key table binds them in the screen's set, then LABEL (N_()-marked):
 * "Up/Down pick", "y/Enter do it". A is LKM_ACT_NONE for a LABEL alone ("other keys
 * return").
 */
struct lkm_tui_hint {
	enum lkm_tui_action_id a, b;
	int nkeys;
	const char *label;
};

/* The hint of N parts, two spaces between them, into BUF. */
void lkm_tui_hint_text(const struct lkm_tui_keymap *km, enum lkm_tui_keyset set,
		       const struct lkm_tui_hint *parts, size_t n, char *buf,
		       size_t size);
