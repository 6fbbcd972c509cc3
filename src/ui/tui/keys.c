// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "shared/strbuf.h"
#include "ui/tui/keys.h"

#define CTRL(c) ((c)&0x1f)
#define KEY_TAB '\t'

static const struct lkm_tui_action actions[LKM_ACT_COUNT] = {
	[LKM_ACT_NONE] = { "none", NULL },
	[LKM_ACT_HELP] = { "help", N_("show this help") },
	[LKM_ACT_QUIT] = { "quit", N_("quit") },
	[LKM_ACT_PANE_MODULES] = { "pane-modules", N_("Modules pane") },
	[LKM_ACT_PANE_DEVICES] = { "pane-devices", N_("Devices pane") },
	[LKM_ACT_PANE_INTERRUPTS] = { "pane-interrupts", N_("Interrupts pane") },
	[LKM_ACT_PANE_NETDEV] = { "pane-network", N_("Network pane") },
	[LKM_ACT_PANE_NEXT] = { "pane-next", N_("next pane") },
	[LKM_ACT_PANE_PREV] = { "pane-prev", N_("previous pane") },
	[LKM_ACT_SPLIT] = { "split",
			    N_("all four panes at once (a screen of 160x48 or more)") },
	[LKM_ACT_UP] = { "up", N_("cursor up") },
	[LKM_ACT_DOWN] = { "down", N_("cursor down") },
	[LKM_ACT_PAGE_UP] = { "page-up", N_("one screen up") },
	[LKM_ACT_PAGE_DOWN] = { "page-down", N_("one screen down") },
	[LKM_ACT_HOME] = { "home", N_("first row") },
	[LKM_ACT_END] = { "end", N_("last row") },
	[LKM_ACT_SORT_NEXT] = { "sort-next", N_("sort by the next column") },
	[LKM_ACT_SORT_PREV] = { "sort-prev", N_("sort by the previous column") },
	[LKM_ACT_SORT_INVERT] = { "sort-invert", N_("reverse the sort order") },
	[LKM_ACT_FILTER] = { "filter",
			     N_("filter as you type (Enter keeps it, Esc drops it)") },
	[LKM_ACT_FILTER_CLEAR] = { "filter-clear", N_("clear the filter") },
	[LKM_ACT_TREE] = { "tree", N_("Modules: tree of what uses what (users under the "
				      "module)") },
	[LKM_ACT_CPU_LEFT] = { "cpu-left",
			       N_("Interrupts: per-CPU counts one CPU left (left of "
				  "CPU0: condensed again)") },
	[LKM_ACT_CPU_RIGHT] = { "cpu-right",
				N_("Interrupts: per-CPU counts that do not fit: "
				   "as numbers, one CPU right") },
	[LKM_ACT_CPU_PAGE_LEFT] = { "cpu-page-left",
				    N_("Interrupts: per-CPU counts a screen left") },
	[LKM_ACT_CPU_PAGE_RIGHT] = { "cpu-page-right",
				     N_("Interrupts: per-CPU counts a screen right") },
	[LKM_ACT_SLOWER] = { "slower", N_("refresh less often") },
	[LKM_ACT_FASTER] = { "faster", N_("refresh more often") },
	[LKM_ACT_REFRESH] = { "refresh", N_("refresh now") },
	[LKM_ACT_REDRAW] = { "redraw", N_("redraw the screen") },
	[LKM_ACT_CLICK] = { "click", NULL },
	[LKM_ACT_DETAIL] = { "detail",
			     N_("open the module, interrupt line or interface under "
				"the cursor") },
	[LKM_ACT_JUMP] = { "jump",
			   N_("Interrupts, Network: go to the module driving the line") },
	[LKM_ACT_TEACH] = { "teach",
			    N_("explain the state, counts, flags and taint letters") },
	[LKM_ACT_LOAD] = { "load",
			   N_("load a module (Tab completes; steps shown first)") },
	[LKM_ACT_UNLOAD] = { "unload",
			     N_("unload the module (s in the preview: as a stack)") },
	[LKM_ACT_SET] = { "set", N_("set a parameter of the module") },
	[LKM_ACT_LIVE_LOG] = { "live-log",
			       N_("follow the kernel log of the module, live (again: "
				  "stop)") },
	[LKM_ACT_BACK] = { "back", N_("back to the screen before"), true },
	[LKM_ACT_GO] = { "go", N_("go to the line's module, interface or interrupt line"),
			 true },
	[LKM_ACT_YES] = { "yes", N_("do it"), true },
	[LKM_ACT_NO] = { "no", N_("cancel"), true },
	[LKM_ACT_STACK] = { "stack",
			    N_("unload: also what it used, when nothing else uses it "
			       "(again: not)"),
			    true },
	[LKM_ACT_FIX] = { "fix",
			  N_("run the fix when it is an lkmtui action, then offer the "
			     "action again"),
			  true },
	[LKM_ACT_PICK_FIX] = { "pick-fix",
			       N_("pick the fix f and Enter run: the Fix lines, counted "
				  "from 1"),
			       true },
	[LKM_ACT_ACCEPT] = { "accept", N_("take what is typed"), true },
	[LKM_ACT_CANCEL] = { "cancel", N_("cancel"), true },
	[LKM_ACT_ERASE] = { "erase", N_("erase the last character"), true },
	[LKM_ACT_KILL] = { "kill", N_("erase what is typed"), true },
	[LKM_ACT_COMPLETE] = { "complete", N_("complete a module name or a path"), true },
	[LKM_ACT_AFFINITY] = { "affinity", N_("Interrupts: change the CPUs the line is "
					      "delivered to") },
	[LKM_ACT_HEALTH] = { "health", N_("Health: what lkmtui doctor finds in the "
					  "module set-up, and the next boot") },
	[LKM_ACT_BLOCK] = { "block",
			    N_("block it: no load by name or as a dependency (blocked: "
			       "unblock it)"),
			    true },
	[LKM_ACT_PERSIST] = { "persist",
			      N_("block: in /etc, for every boot (again: in /run, until "
				 "the next boot)"),
			      true },
	[LKM_ACT_EXPAND] = { "expand", N_("show or hide the finding's evidence and fix"),
			     true },
	[LKM_ACT_FIX_FINDING] = { "fix-finding",
				  N_("run the finding's fix when it is an lkmtui "
				     "action"),
				  true },
	[LKM_ACT_RERUN] = { "rerun", N_("run the doctor again"), true },
	[LKM_ACT_HARDWARE] = { "pane-hardware",
			       N_("Hardware pane: the devices, their drivers and the "
				  "modules that could drive them") },
	[LKM_ACT_DEVICE] = { "device",
			     N_("show or hide the device's candidate modules and their "
				"state"),
			     true },
	[LKM_ACT_BIND] = { "bind",
			   N_("give the device to a candidate module's driver (steps "
			      "and what stops working shown first)"),
			   true },
	[LKM_ACT_UNBIND] = { "unbind",
			     N_("let the device's driver go of it (steps and what stops "
				"working shown first)"),
			     true },
};

/* The default bindings; their order is the order keys are listed in the help. A screen's
 * set comes after the panes' and binds only what differs there. */
static const struct {
	enum lkm_tui_keyset set;
	int key;
	enum lkm_tui_action_id action;
} default_bindings[] = {
	{ LKM_KEYS_GLOBAL, '?', LKM_ACT_HELP },
	{ LKM_KEYS_GLOBAL, KEY_F(1), LKM_ACT_HELP },
	{ LKM_KEYS_GLOBAL, 'h', LKM_ACT_HELP },
	{ LKM_KEYS_GLOBAL, 'q', LKM_ACT_QUIT },
	{ LKM_KEYS_GLOBAL, KEY_F(10), LKM_ACT_QUIT },
	{ LKM_KEYS_GLOBAL, CTRL('c'), LKM_ACT_QUIT },
	{ LKM_KEYS_GLOBAL, '1', LKM_ACT_PANE_MODULES },
	{ LKM_KEYS_GLOBAL, '2', LKM_ACT_PANE_DEVICES },
	{ LKM_KEYS_GLOBAL, '3', LKM_ACT_PANE_INTERRUPTS },
	{ LKM_KEYS_GLOBAL, '4', LKM_ACT_PANE_NETDEV },
	{ LKM_KEYS_GLOBAL, '5', LKM_ACT_HARDWARE },
	{ LKM_KEYS_GLOBAL, KEY_TAB, LKM_ACT_PANE_NEXT },
	{ LKM_KEYS_GLOBAL, KEY_RIGHT, LKM_ACT_PANE_NEXT },
	{ LKM_KEYS_GLOBAL, KEY_BTAB, LKM_ACT_PANE_PREV },
	{ LKM_KEYS_GLOBAL, KEY_LEFT, LKM_ACT_PANE_PREV },
	{ LKM_KEYS_GLOBAL, 'v', LKM_ACT_SPLIT },
	{ LKM_KEYS_GLOBAL, KEY_UP, LKM_ACT_UP },
	{ LKM_KEYS_GLOBAL, 'k', LKM_ACT_UP },
	{ LKM_KEYS_GLOBAL, KEY_DOWN, LKM_ACT_DOWN },
	{ LKM_KEYS_GLOBAL, 'j', LKM_ACT_DOWN },
	{ LKM_KEYS_GLOBAL, KEY_PPAGE, LKM_ACT_PAGE_UP },
	{ LKM_KEYS_GLOBAL, KEY_NPAGE, LKM_ACT_PAGE_DOWN },
	{ LKM_KEYS_GLOBAL, ' ', LKM_ACT_PAGE_DOWN },
	{ LKM_KEYS_GLOBAL, KEY_HOME, LKM_ACT_HOME },
	{ LKM_KEYS_GLOBAL, 'g', LKM_ACT_HOME },
	{ LKM_KEYS_GLOBAL, KEY_END, LKM_ACT_END },
	{ LKM_KEYS_GLOBAL, 'G', LKM_ACT_END },
	{ LKM_KEYS_GLOBAL, 's', LKM_ACT_SORT_NEXT },
	{ LKM_KEYS_GLOBAL, '>', LKM_ACT_SORT_NEXT },
	{ LKM_KEYS_GLOBAL, KEY_F(6), LKM_ACT_SORT_NEXT },
	{ LKM_KEYS_GLOBAL, '<', LKM_ACT_SORT_PREV },
	{ LKM_KEYS_GLOBAL, 'r', LKM_ACT_SORT_INVERT },
	{ LKM_KEYS_GLOBAL, 'I', LKM_ACT_SORT_INVERT },
	{ LKM_KEYS_GLOBAL, '/', LKM_ACT_FILTER },
	{ LKM_KEYS_GLOBAL, KEY_F(4), LKM_ACT_FILTER },
	{ LKM_KEYS_GLOBAL, LKM_KEY_ESC, LKM_ACT_FILTER_CLEAR },
	{ LKM_KEYS_GLOBAL, 't', LKM_ACT_TREE },
	{ LKM_KEYS_GLOBAL, KEY_F(5), LKM_ACT_TREE },
	{ LKM_KEYS_GLOBAL, '[', LKM_ACT_CPU_LEFT },
	{ LKM_KEYS_GLOBAL, KEY_SLEFT, LKM_ACT_CPU_LEFT },
	{ LKM_KEYS_GLOBAL, ']', LKM_ACT_CPU_RIGHT },
	{ LKM_KEYS_GLOBAL, KEY_SRIGHT, LKM_ACT_CPU_RIGHT },
	{ LKM_KEYS_GLOBAL, '{', LKM_ACT_CPU_PAGE_LEFT },
	{ LKM_KEYS_GLOBAL, '}', LKM_ACT_CPU_PAGE_RIGHT },
	{ LKM_KEYS_GLOBAL, '+', LKM_ACT_SLOWER },
	{ LKM_KEYS_GLOBAL, '=', LKM_ACT_SLOWER },
	{ LKM_KEYS_GLOBAL, '-', LKM_ACT_FASTER },
	{ LKM_KEYS_GLOBAL, 'R', LKM_ACT_REFRESH },
	{ LKM_KEYS_GLOBAL, CTRL('r'), LKM_ACT_REFRESH },
	{ LKM_KEYS_GLOBAL, CTRL('l'), LKM_ACT_REDRAW },
	{ LKM_KEYS_GLOBAL, KEY_MOUSE, LKM_ACT_CLICK },
	{ LKM_KEYS_GLOBAL, '\r', LKM_ACT_DETAIL },
	{ LKM_KEYS_GLOBAL, '\n', LKM_ACT_DETAIL },
	{ LKM_KEYS_GLOBAL, KEY_ENTER, LKM_ACT_DETAIL },
	{ LKM_KEYS_GLOBAL, 'm', LKM_ACT_JUMP },
	{ LKM_KEYS_GLOBAL, 'e', LKM_ACT_TEACH },
	{ LKM_KEYS_GLOBAL, 'l', LKM_ACT_LOAD },
	{ LKM_KEYS_GLOBAL, 'u', LKM_ACT_UNLOAD },
	{ LKM_KEYS_GLOBAL, 'p', LKM_ACT_SET },
	{ LKM_KEYS_GLOBAL, 'L', LKM_ACT_LIVE_LOG },
	{ LKM_KEYS_GLOBAL, 'a', LKM_ACT_AFFINITY },
	{ LKM_KEYS_GLOBAL, 'H', LKM_ACT_HEALTH },
	/* A module's detail: the cursor moves as on the panes. */
	{ LKM_KEYS_DETAIL, '\r', LKM_ACT_GO },
	{ LKM_KEYS_DETAIL, '\n', LKM_ACT_GO },
	{ LKM_KEYS_DETAIL, KEY_ENTER, LKM_ACT_GO },
	{ LKM_KEYS_DETAIL, 'm', LKM_ACT_GO },
	{ LKM_KEYS_DETAIL, 'b', LKM_ACT_BLOCK },
	{ LKM_KEYS_DETAIL, LKM_KEY_ESC, LKM_ACT_BACK },
	{ LKM_KEYS_DETAIL, 'q', LKM_ACT_BACK },
	{ LKM_KEYS_DETAIL, KEY_LEFT, LKM_ACT_BACK },
	{ LKM_KEYS_DETAIL, KEY_BACKSPACE, LKM_ACT_BACK },
	{ LKM_KEYS_DETAIL, 127, LKM_ACT_BACK },
	/* A line's or an interface's detail. */
	{ LKM_KEYS_LINE, 'a', LKM_ACT_AFFINITY },
	{ LKM_KEYS_LINE, 'm', LKM_ACT_JUMP },
	{ LKM_KEYS_LINE, 'R', LKM_ACT_REFRESH },
	{ LKM_KEYS_LINE, LKM_KEY_ESC, LKM_ACT_BACK },
	{ LKM_KEYS_LINE, 'q', LKM_ACT_BACK },
	{ LKM_KEYS_LINE, KEY_LEFT, LKM_ACT_BACK },
	{ LKM_KEYS_LINE, KEY_BACKSPACE, LKM_ACT_BACK },
	/* An action's preview. */
	{ LKM_KEYS_CONFIRM, 'y', LKM_ACT_YES },
	{ LKM_KEYS_CONFIRM, 'Y', LKM_ACT_YES },
	{ LKM_KEYS_CONFIRM, '\r', LKM_ACT_YES },
	{ LKM_KEYS_CONFIRM, '\n', LKM_ACT_YES },
	{ LKM_KEYS_CONFIRM, KEY_ENTER, LKM_ACT_YES },
	{ LKM_KEYS_CONFIRM, 'n', LKM_ACT_NO },
	{ LKM_KEYS_CONFIRM, 'N', LKM_ACT_NO },
	{ LKM_KEYS_CONFIRM, LKM_KEY_ESC, LKM_ACT_NO },
	{ LKM_KEYS_CONFIRM, 'q', LKM_ACT_NO },
	{ LKM_KEYS_CONFIRM, 's', LKM_ACT_STACK },
	{ LKM_KEYS_CONFIRM, 'p', LKM_ACT_PERSIST },
	/* A diagnosis: up and down scroll it, as on the panes; any other key returns. */
	{ LKM_KEYS_DIAG, 'f', LKM_ACT_FIX },
	{ LKM_KEYS_DIAG, '\r', LKM_ACT_FIX },
	{ LKM_KEYS_DIAG, '\n', LKM_ACT_FIX },
	{ LKM_KEYS_DIAG, KEY_ENTER, LKM_ACT_FIX },
	{ LKM_KEYS_DIAG, '1', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '2', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '3', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '4', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '5', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '6', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '7', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '8', LKM_ACT_PICK_FIX },
	{ LKM_KEYS_DIAG, '9', LKM_ACT_PICK_FIX },
	/* The Health screen: the cursor moves as on the panes. */
	{ LKM_KEYS_HEALTH, '\r', LKM_ACT_EXPAND },
	{ LKM_KEYS_HEALTH, '\n', LKM_ACT_EXPAND },
	{ LKM_KEYS_HEALTH, KEY_ENTER, LKM_ACT_EXPAND },
	{ LKM_KEYS_HEALTH, 'f', LKM_ACT_FIX_FINDING },
	{ LKM_KEYS_HEALTH, 'r', LKM_ACT_RERUN },
	{ LKM_KEYS_HEALTH, 'R', LKM_ACT_RERUN },
	{ LKM_KEYS_HEALTH, CTRL('r'), LKM_ACT_RERUN },
	{ LKM_KEYS_HEALTH, LKM_KEY_ESC, LKM_ACT_BACK },
	{ LKM_KEYS_HEALTH, 'q', LKM_ACT_BACK },
	{ LKM_KEYS_HEALTH, KEY_LEFT, LKM_ACT_BACK },
	{ LKM_KEYS_HEALTH, KEY_BACKSPACE, LKM_ACT_BACK },
	{ LKM_KEYS_HEALTH, 127, LKM_ACT_BACK },
	/* The Hardware pane: the cursor moves as on the panes. */
	{ LKM_KEYS_HARDWARE, '\r', LKM_ACT_DEVICE },
	{ LKM_KEYS_HARDWARE, '\n', LKM_ACT_DEVICE },
	{ LKM_KEYS_HARDWARE, KEY_ENTER, LKM_ACT_DEVICE },
	{ LKM_KEYS_HARDWARE, 'e', LKM_ACT_TEACH },
	{ LKM_KEYS_HARDWARE, 'b', LKM_ACT_BIND },
	{ LKM_KEYS_HARDWARE, 'u', LKM_ACT_UNBIND },
	{ LKM_KEYS_HARDWARE, LKM_KEY_ESC, LKM_ACT_BACK },
	{ LKM_KEYS_HARDWARE, KEY_LEFT, LKM_ACT_BACK },
	{ LKM_KEYS_HARDWARE, KEY_BACKSPACE, LKM_ACT_BACK },
	{ LKM_KEYS_HARDWARE, 127, LKM_ACT_BACK },
	/* A form, the filter. */
	{ LKM_KEYS_PROMPT, '\r', LKM_ACT_ACCEPT },
	{ LKM_KEYS_PROMPT, '\n', LKM_ACT_ACCEPT },
	{ LKM_KEYS_PROMPT, KEY_ENTER, LKM_ACT_ACCEPT },
	{ LKM_KEYS_PROMPT, LKM_KEY_ESC, LKM_ACT_CANCEL },
	{ LKM_KEYS_PROMPT, KEY_BACKSPACE, LKM_ACT_ERASE },
	{ LKM_KEYS_PROMPT, 127, LKM_ACT_ERASE },
	{ LKM_KEYS_PROMPT, 8, LKM_ACT_ERASE },
	{ LKM_KEYS_PROMPT, CTRL('u'), LKM_ACT_KILL },
	{ LKM_KEYS_PROMPT, KEY_TAB, LKM_ACT_COMPLETE },
};

#define N_BINDINGS (sizeof(default_bindings) / sizeof(default_bindings[0]))

const struct lkm_tui_action *lkm_tui_action(enum lkm_tui_action_id id)
{
	return (unsigned)id < LKM_ACT_COUNT ? &actions[id] : &actions[LKM_ACT_NONE];
}

bool lkm_tui_keymap_bind_in(struct lkm_tui_keymap *km, enum lkm_tui_keyset set, int key,
			    enum lkm_tui_action_id id)
{
	if (key < 0 || key >= LKM_TUI_KEYMAP_SIZE || (unsigned)id >= LKM_ACT_COUNT ||
	    (unsigned)set >= LKM_KEYS_COUNT)
		return false;
	km->action[set][key] = (unsigned char)id;
	return true;
}

bool lkm_tui_keymap_bind(struct lkm_tui_keymap *km, int key, enum lkm_tui_action_id id)
{
	return lkm_tui_keymap_bind_in(km, LKM_KEYS_GLOBAL, key, id);
}

void lkm_tui_keymap_init(struct lkm_tui_keymap *km)
{
	memset(km, 0, sizeof(*km));
	for (size_t i = 0; i < N_BINDINGS; i++)
		lkm_tui_keymap_bind_in(km, default_bindings[i].set,
				       default_bindings[i].key,
				       default_bindings[i].action);
}

enum lkm_tui_action_id lkm_tui_keymap_lookup_in(const struct lkm_tui_keymap *km,
						enum lkm_tui_keyset set, int key)
{
	if (key < 0 || key >= LKM_TUI_KEYMAP_SIZE || (unsigned)set >= LKM_KEYS_COUNT)
		return LKM_ACT_NONE;
	if (km->action[set][key] != LKM_ACT_NONE)
		return (enum lkm_tui_action_id)km->action[set][key];
	return (enum lkm_tui_action_id)km->action[LKM_KEYS_GLOBAL][key];
}

enum lkm_tui_action_id lkm_tui_keymap_lookup(const struct lkm_tui_keymap *km, int key)
{
	return lkm_tui_keymap_lookup_in(km, LKM_KEYS_GLOBAL, key);
}

void lkm_tui_key_name(int key, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{ KEY_TAB, "Tab" },
		{ KEY_BTAB, "Shift-Tab" },
		{ KEY_UP, "Up" },
		{ KEY_DOWN, "Down" },
		{ KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" },
		{ KEY_SLEFT, "Shift-Left" },
		{ KEY_SRIGHT, "Shift-Right" },
		{ KEY_PPAGE, "PgUp" },
		{ KEY_NPAGE, "PgDn" },
		{ KEY_HOME, "Home" },
		{ KEY_END, "End" },
		{ LKM_KEY_ESC, "Esc" },
		{ ' ', "Space" },
		{ KEY_MOUSE, "mouse" },
		{ '\n', "Enter" },
		{ '\r', "Enter" },
		{ KEY_ENTER, "Enter" },
		{ KEY_BACKSPACE, "Backspace" },
		{ 127, "Backspace" },
		{ 8, "Backspace" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s", names[i].name);
			return;
		}
	if (key >= KEY_F(1) && key <= KEY_F(24))
		snprintf(buf, size, "F%d", key - KEY_F0);
	else if (key > 0 && key < 32)
		snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%d", key);
}

/* Whether NAME is already one of the SEP-joined names in LIST. */
static bool key_listed(const char *list, const char *name, const char *sep)
{
	size_t n = strlen(name), ls = strlen(sep);

	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || (p - list >= (long)ls && !strncmp(p - ls, sep, ls))) &&
		    (p[n] == '\0' || !strncmp(p + n, sep, ls)))
			return true;
	return false;
}

/* The last binding of a run from binding I of three or more keys in a row ("1" to "9")
 * bound to one action in one set, which reads as one name ("1-9"); else I. */
static size_t key_run(size_t i)
{
	size_t j = i;

	while (j + 1 < N_BINDINGS &&
	       default_bindings[j + 1].set == default_bindings[i].set &&
	       default_bindings[j + 1].action == default_bindings[i].action &&
	       default_bindings[j + 1].key == default_bindings[j].key + 1)
		j++;
	return j - i >= 2 ? j : i;
}

/*
 * The names of the keys that run ID in SET, its own bindings first: up to MAX distinct
 * names (Enter is three codes and one key; Y is y to a person), SEP between them.
 */
static void names_of(const struct lkm_tui_keymap *km, enum lkm_tui_keyset set,
		     enum lkm_tui_action_id id, size_t max, const char *sep, char *buf,
		     size_t size)
{
	size_t n = 0;
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < N_BINDINGS && n < max; i++) {
			char name[32], other[2] = { 0, 0 };
			int key = default_bindings[i].key;

			/* The second pass: the panes' keys the set leaves as they are. */
			if (default_bindings[i].set != (pass ? LKM_KEYS_GLOBAL : set) ||
			    (pass && (set == LKM_KEYS_GLOBAL ||
				      km->action[set][key] != LKM_ACT_NONE)) ||
			    lkm_tui_keymap_lookup_in(km, set, key) != id)
				continue;
			lkm_tui_key_name(key, name, sizeof(name));
			if (key_run(i) != i) {
				size_t len = strlen(name);

				lkm_tui_key_name(default_bindings[key_run(i)].key,
						 name + len + 1, sizeof(name) - len - 1);
				name[len] = '-';
				i = key_run(i);
			}
			if (key < 127 && isalpha(key))
				other[0] = (char)(isupper(key) ? tolower(key)
							       : toupper(key));
			if (key_listed(buf, name, sep) ||
			    (other[0] && key_listed(buf, other, sep)))
				continue;
			lkm_strbuf_sep(&sb, sep);
			lkm_strbuf_add(&sb, name);
			n++;
			if (sb.truncated)
				return;
		}
}

void lkm_tui_keys_of_in(const struct lkm_tui_keymap *km, enum lkm_tui_keyset set,
			enum lkm_tui_action_id id, char *buf, size_t size)
{
	names_of(km, set, id, (size_t)-1, ", ", buf, size);
}

void lkm_tui_keys_of(const struct lkm_tui_keymap *km, enum lkm_tui_action_id id,
		     char *buf, size_t size)
{
	lkm_tui_keys_of_in(km, LKM_KEYS_GLOBAL, id, buf, size);
}

size_t lkm_tui_keyset_actions(enum lkm_tui_keyset set, enum lkm_tui_action_id *v,
			      size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < N_BINDINGS && n < max; i++) {
		size_t k = 0;

		if (default_bindings[i].set != set)
			continue;
		while (k < n && v[k] != default_bindings[i].action)
			k++;
		if (k == n)
			v[n++] = default_bindings[i].action;
	}
	return n;
}

void lkm_tui_hint_text(const struct lkm_tui_keymap *km, enum lkm_tui_keyset set,
		       const struct lkm_tui_hint *parts, size_t n, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (size_t i = 0; i < n && !sb.truncated; i++) {
		char a[64] = "", b[64] = "";

		if (parts[i].a != LKM_ACT_NONE)
			names_of(km, set, parts[i].a, (size_t)parts[i].nkeys, "/", a,
				 sizeof(a));
		if (parts[i].b != LKM_ACT_NONE)
			names_of(km, set, parts[i].b, (size_t)parts[i].nkeys, "/", b,
				 sizeof(b));
		lkm_strbuf_sep(&sb, "  ");
		lkm_strbuf_addf(&sb, "%s%s%s%s%s", a, b[0] ? "/" : "", b, a[0] ? " " : "",
				_(parts[i].label));
	}
}

bool lkm_tui_is_enter(int key)
{
	return key == '\n' || key == '\r' || key == KEY_ENTER;
}

bool lkm_tui_is_backspace(int key)
{
	return key == KEY_BACKSPACE || key == 127 || key == 8;
}

bool lkm_tui_is_pane_switch(int action)
{
	switch (action) {
	case LKM_ACT_PANE_MODULES:
	case LKM_ACT_PANE_DEVICES:
	case LKM_ACT_PANE_INTERRUPTS:
	case LKM_ACT_PANE_NETDEV:
	case LKM_ACT_PANE_NEXT:
	case LKM_ACT_PANE_PREV: return true;
	default: return false;
	}
}
