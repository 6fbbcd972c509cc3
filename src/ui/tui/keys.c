// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
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
	[LKM_ACT_AFFINITY] = { "affinity", N_("Interrupts: change the CPUs the line is "
					      "delivered to") },
};

/* The default bindings; their order is the order keys are listed in the help. */
static const struct {
	int key;
	enum lkm_tui_action_id action;
} default_bindings[] = {
	{ '?', LKM_ACT_HELP },
	{ KEY_F(1), LKM_ACT_HELP },
	{ 'h', LKM_ACT_HELP },
	{ 'q', LKM_ACT_QUIT },
	{ KEY_F(10), LKM_ACT_QUIT },
	{ CTRL('c'), LKM_ACT_QUIT },
	{ '1', LKM_ACT_PANE_MODULES },
	{ '2', LKM_ACT_PANE_DEVICES },
	{ '3', LKM_ACT_PANE_INTERRUPTS },
	{ '4', LKM_ACT_PANE_NETDEV },
	{ KEY_TAB, LKM_ACT_PANE_NEXT },
	{ KEY_RIGHT, LKM_ACT_PANE_NEXT },
	{ KEY_BTAB, LKM_ACT_PANE_PREV },
	{ KEY_LEFT, LKM_ACT_PANE_PREV },
	{ 'v', LKM_ACT_SPLIT },
	{ KEY_UP, LKM_ACT_UP },
	{ 'k', LKM_ACT_UP },
	{ KEY_DOWN, LKM_ACT_DOWN },
	{ 'j', LKM_ACT_DOWN },
	{ KEY_PPAGE, LKM_ACT_PAGE_UP },
	{ KEY_NPAGE, LKM_ACT_PAGE_DOWN },
	{ ' ', LKM_ACT_PAGE_DOWN },
	{ KEY_HOME, LKM_ACT_HOME },
	{ 'g', LKM_ACT_HOME },
	{ KEY_END, LKM_ACT_END },
	{ 'G', LKM_ACT_END },
	{ 's', LKM_ACT_SORT_NEXT },
	{ '>', LKM_ACT_SORT_NEXT },
	{ KEY_F(6), LKM_ACT_SORT_NEXT },
	{ '<', LKM_ACT_SORT_PREV },
	{ 'r', LKM_ACT_SORT_INVERT },
	{ 'I', LKM_ACT_SORT_INVERT },
	{ '/', LKM_ACT_FILTER },
	{ KEY_F(4), LKM_ACT_FILTER },
	{ LKM_KEY_ESC, LKM_ACT_FILTER_CLEAR },
	{ 't', LKM_ACT_TREE },
	{ KEY_F(5), LKM_ACT_TREE },
	{ '[', LKM_ACT_CPU_LEFT },
	{ KEY_SLEFT, LKM_ACT_CPU_LEFT },
	{ ']', LKM_ACT_CPU_RIGHT },
	{ KEY_SRIGHT, LKM_ACT_CPU_RIGHT },
	{ '{', LKM_ACT_CPU_PAGE_LEFT },
	{ '}', LKM_ACT_CPU_PAGE_RIGHT },
	{ '+', LKM_ACT_SLOWER },
	{ '=', LKM_ACT_SLOWER },
	{ '-', LKM_ACT_FASTER },
	{ 'R', LKM_ACT_REFRESH },
	{ CTRL('r'), LKM_ACT_REFRESH },
	{ CTRL('l'), LKM_ACT_REDRAW },
	{ KEY_MOUSE, LKM_ACT_CLICK },
	{ '\r', LKM_ACT_DETAIL },
	{ '\n', LKM_ACT_DETAIL },
	{ KEY_ENTER, LKM_ACT_DETAIL },
	{ 'm', LKM_ACT_JUMP },
	{ 'e', LKM_ACT_TEACH },
	{ 'l', LKM_ACT_LOAD },
	{ 'u', LKM_ACT_UNLOAD },
	{ 'p', LKM_ACT_SET },
	{ 'L', LKM_ACT_LIVE_LOG },
	{ 'a', LKM_ACT_AFFINITY },
};

#define N_BINDINGS (sizeof(default_bindings) / sizeof(default_bindings[0]))

const struct lkm_tui_action *lkm_tui_action(enum lkm_tui_action_id id)
{
	return (unsigned)id < LKM_ACT_COUNT ? &actions[id] : &actions[LKM_ACT_NONE];
}

bool lkm_tui_keymap_bind(struct lkm_tui_keymap *km, int key, enum lkm_tui_action_id id)
{
	if (key < 0 || key >= LKM_TUI_KEYMAP_SIZE || (unsigned)id >= LKM_ACT_COUNT)
		return false;
	km->action[key] = (unsigned char)id;
	return true;
}

void lkm_tui_keymap_init(struct lkm_tui_keymap *km)
{
	memset(km, 0, sizeof(*km));
	for (size_t i = 0; i < N_BINDINGS; i++)
		lkm_tui_keymap_bind(km, default_bindings[i].key,
				    default_bindings[i].action);
}

enum lkm_tui_action_id lkm_tui_keymap_lookup(const struct lkm_tui_keymap *km, int key)
{
	if (key < 0 || key >= LKM_TUI_KEYMAP_SIZE)
		return LKM_ACT_NONE;
	return (enum lkm_tui_action_id)km->action[key];
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

/* Whether NAME is already one of the ", "-joined names in LIST. */
static bool key_listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
			return true;
	return false;
}

void lkm_tui_keys_of(const struct lkm_tui_keymap *km, enum lkm_tui_action_id id,
		     char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < N_BINDINGS; i++) {
		char name[32];
		int key = default_bindings[i].key;

		if (lkm_tui_keymap_lookup(km, key) != id)
			continue;
		lkm_tui_key_name(key, name, sizeof(name));
		if (key_listed(buf, name))
			continue; /* Enter is three codes and one key */
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					len ? ", " : "", name);
		if (len >= size)
			break;
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
