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
	LKM_ACT_COUNT
};

struct lkm_tui_action {
	const char *name; /* stable id, for a future [keys] section of the config */
	const char *help; /* N_()-marked; NULL: not listed in the help */
};

/* The action table, indexed by enum lkm_tui_action_id. */
const struct lkm_tui_action *lkm_tui_action(enum lkm_tui_action_id id);

#define LKM_TUI_KEYMAP_SIZE 1024 /* covers bytes and every ncurses KEY_* code */

struct lkm_tui_keymap {
	unsigned char action[LKM_TUI_KEYMAP_SIZE]; /* enum lkm_tui_action_id */
};

/* The default bindings. */
void lkm_tui_keymap_init(struct lkm_tui_keymap *km);
/* Binds KEY to ID; false when KEY is out of range. */
bool lkm_tui_keymap_bind(struct lkm_tui_keymap *km, int key, enum lkm_tui_action_id id);
enum lkm_tui_action_id lkm_tui_keymap_lookup(const struct lkm_tui_keymap *km, int key);

/* A key's name as the help shows it ("q", "Tab", "F1", "Ctrl-C", "Up"). */
void lkm_tui_key_name(int key, char *buf, size_t size);

/* The keys bound to ID, ", "-joined, in the order of the default table. */
void lkm_tui_keys_of(const struct lkm_tui_keymap *km, enum lkm_tui_action_id id,
		     char *buf, size_t size);
