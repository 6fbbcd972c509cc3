// SPDX-License-Identifier: GPL-2.0-or-later
/* The TUI without a terminal: the view-model, the key map and dispatcher, the settings.
 */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <curses.h>

#include "testutil.h"

#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/detail.h"
#include "ui/tui/dispatch.h"
#include "ui/tui/form.h"
#include "ui/tui/handlers.h"
#include "ui/tui/help.h"
#include "ui/tui/teach.h"
#include "ui/tui/req.h"
#include "ui/tui/diag.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"
#include "ui/tui/settings.h"
#include "ui/tui/view.h"
#include "ui/units.h"
#include "ui/sparkline.h"
#include "model/history.h"
#include "core/explain.h"
#include "core/kmsg.h"

#define MODS1                                                                            \
	"vfat 20480 1 - Live 0xffffffffc0300000\n"                                       \
	"msdos 20480 0 - Live 0xffffffffc0310000\n"                                      \
	"fat 90112 2 msdos,vfat, Live 0xffffffffc020a000\n"                              \
	"e1000 159744 0 - Live 0xffffffffc0100000 (OE)\n"

/* Refreshed: e1000 gone, nls_cp437 new, fat's size as before, lines reordered. */
#define MODS2                                                                            \
	"nls_cp437 16384 1 - Live 0xffffffffc0400000\n"                                  \
	"fat 90112 2 msdos,vfat, Live 0xffffffffc020a000\n"                              \
	"msdos 20480 0 - Live 0xffffffffc0310000\n"                                      \
	"vfat 20480 1 - Live 0xffffffffc0300000\n"

#define IRQS                                                                             \
	"           CPU0       CPU1\n"                                                   \
	"  0:         18          0   IO-APIC    2-edge      timer\n"                    \
	" NMI:         5          0   Non-maskable interrupts\n"                         \
	"  1:          0         73   IO-APIC    1-edge      i8042\n"                    \
	" LOC:    366351     997227   Local timer interrupts\n"                          \
	" 19:          0     126705   IO-APIC   19-fasteoi   ens33\n"

struct fixture {
	struct lkm_snapshot snap[2];
	char *text[2];
	struct lkm_view v;
};

static void load_modules(struct fixture *f, int i, const char *text)
{
	free(f->text[i]);
	f->text[i] = strdup(text);
	assert_non_null(f->text[i]);
	assert_int_equal(lkm_modules_parse(&f->snap[i].modules, f->text[i]), 0);
}

static int setup_modules(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	load_modules(f, 0, MODS1);
	load_modules(f, 1, MODS2);
	lkm_view_init(&f->v, LKM_PANE_MODULES);
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[0], NULL), 0);
	*state = f;
	return 0;
}

static int setup_irqs(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->text[0] = strdup(IRQS);
	assert_int_equal(lkm_interrupts_parse(&f->snap[0].interrupts, f->text[0]), 0);
	lkm_view_init(&f->v, LKM_PANE_INTERRUPTS);
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[0], NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	lkm_view_release(&f->v);
	for (int i = 0; i < 2; i++) {
		lkm_snapshot_release(&f->snap[i]);
		free(f->text[i]);
	}
	free(f);
	return 0;
}

/* The keys of the rows, ' '-joined ("|" for a separator), for one-line assertions. */
static const char *rows_of(const struct lkm_view *v)
{
	static char out[1024];
	size_t len = 0;

	out[0] = '\0';
	for (size_t r = 0; r < v->nrows; r++) {
		char key[256];

		if (v->rows[r].item == LKM_VIEW_SEPARATOR)
			snprintf(key, sizeof(key), "|");
		else
			lkm_view_item_key(v, v->rows[r].item, key, sizeof(key));
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
					r ? " " : "", key);
	}
	return out;
}

static const char *cursor_of(const struct lkm_view *v)
{
	static char key[256];

	lkm_view_item_key(v, lkm_view_current(v), key, sizeof(key));
	return key;
}

static void test_kernel_order_by_default(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->v.sort_col, -1);
	assert_string_equal(rows_of(&f->v), "vfat msdos fat e1000");
	assert_string_equal(cursor_of(&f->v), "vfat");
	/* the view shows the shared column model's default module columns */
	assert_int_equal(f->v.cols[0], LKM_MODCOL_NAME);
	assert_int_equal(f->v.ncols, 7);
}

static void test_sort(void **state)
{
	struct fixture *f = *state;

	lkm_view_sort_by(&f->v, LKM_MODCOL_NAME);
	assert_false(f->v.sort_desc);
	assert_string_equal(rows_of(&f->v), "e1000 fat msdos vfat");
	lkm_view_sort_invert(&f->v);
	assert_string_equal(rows_of(&f->v), "vfat msdos fat e1000");
	/* numbers start with the biggest; ties keep the kernel's order */
	lkm_view_sort_by(&f->v, LKM_MODCOL_SIZE);
	assert_true(f->v.sort_desc);
	assert_string_equal(rows_of(&f->v), "e1000 fat vfat msdos");
	lkm_view_sort_invert(&f->v);
	assert_string_equal(rows_of(&f->v), "vfat msdos fat e1000");
	/* stepping walks the visible columns and wraps through the kernel's order */
	lkm_view_sort_by(&f->v, -1);
	lkm_view_sort_step(&f->v, 1);
	assert_int_equal(f->v.sort_col, LKM_MODCOL_NAME);
	lkm_view_sort_step(&f->v, -1);
	assert_int_equal(f->v.sort_col, -1);
	lkm_view_sort_step(&f->v, -1);
	assert_int_equal(f->v.sort_col, LKM_MODCOL_TAINTS);
	assert_string_equal(rows_of(&f->v), "vfat msdos fat e1000");
}

static void test_filter(void **state)
{
	struct fixture *f = *state;

	lkm_view_set_filter(&f->v,
			    "VFAT"); /* case-insensitive; fat's used-by names vfat */
	assert_string_equal(rows_of(&f->v), "vfat fat");
	assert_int_equal(f->v.nshown, 2);
	lkm_view_filter_backspace(&f->v);
	lkm_view_filter_backspace(&f->v);
	assert_string_equal(f->v.filter, "VF");
	assert_string_equal(rows_of(&f->v), "vfat fat");
	lkm_view_set_filter(&f->v, "v"); /* every state is "live" */
	assert_int_equal(f->v.nrows, 4);
	lkm_view_filter_add(&f->v, 'x');
	assert_int_equal(f->v.nrows, 0);
	assert_int_equal(lkm_view_current(&f->v), LKM_VIEW_SEPARATOR);
	/* numbers are not searched: "20480" is a size, not a name */
	lkm_view_set_filter(&f->v, "20480");
	assert_int_equal(f->v.nrows, 0);
	lkm_view_set_filter(&f->v, "");
	assert_int_equal(f->v.nrows, 4);
}

static void test_cursor_follows_item(void **state)
{
	struct fixture *f = *state;

	assert_true(lkm_view_select_key(&f->v, "msdos"));
	lkm_view_sort_by(&f->v, LKM_MODCOL_NAME);
	assert_string_equal(cursor_of(&f->v), "msdos");
	assert_int_equal(f->v.cursor, 2);
	lkm_view_set_filter(&f->v, "s"); /* fat matches by its used-by */
	assert_string_equal(rows_of(&f->v), "fat msdos");
	assert_string_equal(cursor_of(&f->v), "msdos");
	/* filtered away: the cursor rests elsewhere, and comes back when it is shown
	 * again */
	lkm_view_set_filter(&f->v, "vf");
	assert_string_equal(cursor_of(&f->v), "vfat");
	lkm_view_set_filter(&f->v, "");
	assert_string_equal(cursor_of(&f->v), "msdos");
	/* a move by the user makes the new item the one to follow */
	lkm_view_move(&f->v, 1);
	assert_string_equal(cursor_of(&f->v), "vfat");
	lkm_view_sort_invert(&f->v);
	assert_string_equal(cursor_of(&f->v), "vfat");
	assert_int_equal(f->v.cursor, 0);
}

static void test_refresh_marks_and_cursor(void **state)
{
	struct fixture *f = *state;

	assert_true(lkm_view_select_key(&f->v, "msdos"));
	for (size_t r = 0; r < f->v.nrows; r++)
		assert_false(f->v.rows[r].is_new); /* the first refresh marks nothing */
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[1], NULL), 0);
	assert_string_equal(rows_of(&f->v), "nls_cp437 fat msdos vfat");
	assert_string_equal(cursor_of(&f->v), "msdos");
	assert_true(f->v.rows[0].is_new);
	for (size_t r = 1; r < f->v.nrows; r++)
		assert_false(f->v.rows[r].is_new);
	assert_int_equal(f->v.ngone, 1);
	assert_string_equal(f->v.gone, "e1000");
	/* the marks last one refresh */
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[1], NULL), 0);
	assert_false(f->v.rows[0].is_new);
	assert_int_equal(f->v.ngone, 0);
	assert_string_equal(cursor_of(&f->v), "msdos");
	/* the cursor's item gone: the cursor stays where it was on the screen */
	assert_true(lkm_view_select_key(&f->v, "e1000") == false);
	lkm_view_move_to(&f->v, 3);
	assert_string_equal(cursor_of(&f->v), "vfat");
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[0], NULL), 0);
	assert_string_equal(cursor_of(&f->v), "vfat");
}

static void test_scroll(void **state)
{
	struct fixture *f = *state;

	lkm_view_set_height(&f->v, 2);
	assert_int_equal(f->v.top, 0);
	lkm_view_move(&f->v, 3);
	assert_int_equal(f->v.cursor, 3);
	assert_int_equal(f->v.top, 2);
	lkm_view_move(&f->v, -100);
	assert_int_equal(f->v.cursor, 0);
	assert_int_equal(f->v.top, 0);
	lkm_view_move(&f->v, 100);
	assert_int_equal(f->v.cursor, 3);
}

static void test_tree(void **state)
{
	struct fixture *f = *state;

	assert_true(lkm_view_set_tree(&f->v, true));
	/* roots use nothing; under each module, its users; e1000 stands alone */
	assert_string_equal(rows_of(&f->v), "fat vfat msdos e1000");
	assert_int_equal(f->v.rows[0].depth, 0);
	assert_int_equal(f->v.rows[1].depth, 1);
	assert_false(f->v.rows[1].last);
	assert_int_equal(f->v.rows[2].depth, 1);
	assert_true(f->v.rows[2].last);
	assert_int_equal(f->v.rows[3].depth, 0);
	/* siblings sort like the flat list */
	lkm_view_sort_by(&f->v, LKM_MODCOL_NAME);
	lkm_view_sort_invert(&f->v);
	assert_string_equal(rows_of(&f->v), "fat vfat msdos e1000");
	/* a filtered tree keeps what leads to a match */
	lkm_view_set_filter(&f->v, "msdos");
	assert_string_equal(rows_of(&f->v), "fat msdos");
	lkm_view_set_filter(&f->v, "");
	assert_true(lkm_view_set_tree(&f->v, false));
	assert_string_equal(rows_of(&f->v), "vfat msdos fat e1000");
}

static void test_tree_cycle_and_duplicates(void **state)
{
	struct fixture *f = *state;

	/* a used-by cycle (never real, but the file can say anything) must not hang or
	 * drop */
	load_modules(f, 1,
		     "a 1 1 b, Live 0x0\nb 1 1 a, Live 0x0\nc 1 0 - Live 0x0\n"
		     "d 1 2 e,f, Live 0x0\ne 1 0 - Live 0x0\nf 1 1 e, Live 0x0\n");
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[1], NULL), 0);
	lkm_view_set_tree(&f->v, true);
	/* e uses both d and f: it shows under each, and counts once */
	assert_string_equal(rows_of(&f->v), "c d e f e a b");
	assert_int_equal(f->v.nshown, 6);
	assert_true(lkm_view_set_tree(&f->v, false));
}

static void test_tree_only_for_modules(void **state)
{
	struct fixture *f = *state;

	assert_false(lkm_view_set_tree(&f->v, true));
	assert_false(f->v.tree);
}

static void test_irq_groups(void **state)
{
	struct fixture *f = *state;

	/* sorted by rate (none yet: the kernel's order), named lines after a divider */
	assert_int_equal(f->v.sort_col, LKM_IRQCOL_RATE);
	assert_string_equal(rows_of(&f->v), "0 1 19 | NMI LOC");
	assert_int_equal(f->v.nitems, 5);
	lkm_view_sort_by(&f->v, LKM_IRQCOL_TOTAL);
	assert_string_equal(rows_of(&f->v), "19 1 0 | LOC NMI");
	lkm_view_sort_by(&f->v, LKM_IRQCOL_IRQ);
	assert_string_equal(rows_of(&f->v), "0 1 19 | LOC NMI");
	/* stepping skips the per-CPU counts */
	lkm_view_sort_by(&f->v, LKM_IRQCOL_RATE);
	lkm_view_sort_step(&f->v, 1);
	assert_int_equal(f->v.sort_col, LKM_IRQCOL_DESCRIPTION);
	lkm_view_sort_step(&f->v, -1);
	assert_int_equal(f->v.sort_col, LKM_IRQCOL_RATE);
	lkm_view_sort_by(&f->v, LKM_IRQCOL_IRQ);
	/* the cursor steps over the divider */
	lkm_view_move_to(&f->v, 2);
	lkm_view_move(&f->v, 1);
	assert_string_equal(cursor_of(&f->v), "LOC");
	lkm_view_move(&f->v, -1);
	assert_string_equal(cursor_of(&f->v), "19");
	lkm_view_set_filter(&f->v, "timer"); /* "Local timer interrupts" and "timer" */
	assert_string_equal(rows_of(&f->v), "0 | LOC");
	lkm_view_set_filter(&f->v, "i8042");
	assert_string_equal(rows_of(&f->v), "1");
	assert_int_equal(f->v.n_cpus, 2);
	assert_int_equal(f->v.cpu_width, 6);
}

static void test_irq_rates_sort(void **state)
{
	struct fixture *f = *state;
	struct lkm_rates rates = { 0 };
	char *text =
		strdup("           CPU0       CPU1\n"
		       "  0:         28          0   IO-APIC    2-edge      timer\n"
		       " NMI:         5          0   Non-maskable interrupts\n"
		       "  1:          0         74   IO-APIC    1-edge      i8042\n"
		       " LOC:    366451     997227   Local timer interrupts\n"
		       " 19:          0     126705   IO-APIC   19-fasteoi   ens33\n");

	assert_int_equal(lkm_interrupts_parse(&f->snap[1].interrupts, text), 0);
	f->snap[0].taken = 1;
	f->snap[1].taken = 2;
	assert_int_equal(lkm_rates_compute(&rates, &f->snap[0], &f->snap[1]), 0);
	assert_true(lkm_view_select_key(&f->v, "19"));
	assert_int_equal(lkm_view_refresh(&f->v, &f->snap[1], &rates), 0);
	assert_string_equal(rows_of(&f->v), "0 1 19 | LOC NMI");
	assert_string_equal(cursor_of(&f->v), "19");
	lkm_rates_release(&rates);
	lkm_view_release(&f->v); /* before its snapshot goes */
	lkm_interrupts_release(&f->snap[1].interrupts);
	free(text);
	lkm_view_init(&f->v, LKM_PANE_INTERRUPTS);
}

/* Per-CPU counts too wide: condensed, or scrolled as numbers (] [), in the pure layout.
 */
static void test_cpu_scroll(void **state)
{
	struct fixture *f = *state;
	struct lkm_view *v = &f->v;
	struct lkm_view_layout l;

	assert_int_equal(v->n_cpus, 2);
	lkm_view_layout(v, 100, 0, &l);
	assert_false(l.spark);
	assert_int_equal(l.cpu_first, 0);
	assert_int_equal(l.cpu_shown, 2);
	assert_false(lkm_view_cpu_scroll(v, 1, 100)); /* it all fits: nothing to scroll */
	assert_false(v->cpu_numbers);

	lkm_view_layout(v, 40, 0, &l);
	assert_true(l.spark);
	assert_true(
		lkm_view_cpu_scroll(v, -1, 40)); /* left of condensed: still condensed */
	assert_false(v->cpu_numbers);
	assert_true(lkm_view_cpu_scroll(v, 1, 40)); /* numbers, from CPU0 */
	assert_true(v->cpu_numbers);
	lkm_view_layout(v, 40, 0, &l);
	assert_false(l.spark);
	assert_int_equal(l.cpu_first, 0);
	assert_int_equal(l.cpu_shown, 1);
	assert_int_equal(l.w[6], (int)v->cpu_width); /* one whole CPU column */
	assert_true(lkm_view_cpu_scroll(v, LKM_VIEW_CPU_PAGE, 40));
	assert_int_equal(v->cpu_first, 1);
	assert_true(lkm_view_cpu_scroll(v, 1, 40)); /* never past the last CPU */
	assert_int_equal(v->cpu_first, 1);
	lkm_view_layout(v, 40, 0, &l);
	assert_int_equal(l.cpu_first, 1);
	/* A wider screen shows them all, whatever the scroll said. */
	lkm_view_layout(v, 100, 0, &l);
	assert_int_equal(l.cpu_first, 0);
	assert_int_equal(l.cpu_shown, 2);
	assert_true(lkm_view_cpu_scroll(v, -1, 40));
	assert_int_equal(v->cpu_first, 0);
	assert_true(lkm_view_cpu_scroll(v, -1, 40)); /* left of CPU0: condensed again */
	assert_false(v->cpu_numbers);
	/* The layout starts where it is told. */
	lkm_view_layout(v, 100, 7, &l);
	assert_int_equal(l.x[0], 7 + LKM_VIEW_GUTTER);
}

static void test_keymap(void **state)
{
	struct lkm_tui_keymap km;
	char buf[64];

	lkm_tui_keymap_init(&km);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'q'), LKM_ACT_QUIT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 3), LKM_ACT_QUIT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '?'), LKM_ACT_HELP);
	assert_int_equal(lkm_tui_keymap_lookup(&km, KEY_F(1)), LKM_ACT_HELP);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '\t'), LKM_ACT_PANE_NEXT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, KEY_BTAB), LKM_ACT_PANE_PREV);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '3'), LKM_ACT_PANE_INTERRUPTS);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '/'), LKM_ACT_FILTER);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 't'), LKM_ACT_TREE);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 's'), LKM_ACT_SORT_NEXT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '<'), LKM_ACT_SORT_PREV);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '>'), LKM_ACT_SORT_NEXT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '+'), LKM_ACT_SLOWER);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '-'), LKM_ACT_FASTER);
	assert_int_equal(lkm_tui_keymap_lookup(&km, KEY_MOUSE), LKM_ACT_CLICK);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'Z'), LKM_ACT_NONE);
	assert_int_equal(lkm_tui_keymap_lookup(&km, -1), LKM_ACT_NONE);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 100000), LKM_ACT_NONE);
	/* every action with a help line has a handler and at least one key */
	for (int a = 1; a < LKM_ACT_COUNT; a++) {
		const struct lkm_tui_action *act =
			lkm_tui_action((enum lkm_tui_action_id)a);

		if (act->screen) {
			/* bound in a screen's set, run by that screen */
			assert_null(lkm_tui_action_handler((enum lkm_tui_action_id)a));
			continue;
		}
		assert_non_null(lkm_tui_action_handler((enum lkm_tui_action_id)a));
		assert_non_null(act->name);
		lkm_tui_keys_of(&km, (enum lkm_tui_action_id)a, buf, sizeof(buf));
		assert_true(buf[0] != '\0');
	}
	lkm_tui_keys_of(&km, LKM_ACT_QUIT, buf, sizeof(buf));
	assert_string_equal(buf, "q, F10, Ctrl-C");
	assert_true(lkm_tui_keymap_bind(&km, 'Z', LKM_ACT_QUIT));
	assert_false(lkm_tui_keymap_bind(&km, -5, LKM_ACT_QUIT));
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'Z'), LKM_ACT_QUIT);
	lkm_tui_key_name(KEY_BTAB, buf, sizeof(buf));
	assert_string_equal(buf, "Shift-Tab");
	lkm_tui_key_name(KEY_F(6), buf, sizeof(buf));
	assert_string_equal(buf, "F6");
}

static void app_with(struct lkm_tui_app *app, struct fixture *f)
{
	struct lkm_tui_config cfg;

	lkm_tui_config_defaults(&cfg);
	lkm_tui_app_init(app, NULL, &cfg);
	for (int p = 0; p < LKM_PANE_COUNT; p++)
		assert_int_equal(lkm_view_refresh(&app->views[p], &f->snap[0], NULL), 0);
	lkm_tui_app_resize(app, 30, 100);
}

static unsigned press(struct lkm_tui_app *app, int key)
{
	struct lkm_tui_event ev = { .key = key, .y = -1, .x = -1 };

	return lkm_tui_dispatch(app, &ev);
}

static void test_dispatch(void **state)
{
	struct fixture *f = *state;
	struct lkm_tui_app app;
	struct lkm_tui_event click = { .key = KEY_MOUSE, .y = 0, .x = 0 };
	char tab[64];

	app_with(&app, f);
	assert_int_equal(app.pane, LKM_PANE_MODULES);
	assert_true(press(&app, '\t') & LKM_TUI_REDRAW);
	assert_int_equal(app.pane, LKM_PANE_DEVICES);
	press(&app, KEY_BTAB);
	press(&app, KEY_BTAB);
	assert_int_equal(app.pane, LKM_PANE_NETDEV);
	press(&app, '1');
	assert_int_equal(app.pane, LKM_PANE_MODULES);
	/* filter as you type; Esc restores what was there before */
	press(&app, '/');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_FILTER);
	press(&app, 'f');
	press(&app, 'a');
	assert_string_equal(app.views[0].filter, "fa");
	assert_int_equal(app.views[0].nrows, 2);
	press(&app, 'q'); /* typed into the filter, not quitting */
	assert_string_equal(app.views[0].filter, "faq");
	press(&app, KEY_BACKSPACE);
	press(&app, '\r');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	assert_string_equal(app.views[0].filter, "fa");
	press(&app, '/');
	press(&app, 'x');
	press(&app, 27);
	assert_string_equal(app.views[0].filter, "fa");
	press(&app, 27); /* Esc outside the prompt clears the filter */
	assert_string_equal(app.views[0].filter, "");
	/* moves, sort, tree */
	press(&app, KEY_DOWN);
	assert_string_equal(cursor_of(&app.views[0]), "msdos");
	press(&app, 's');
	assert_int_equal(app.views[0].sort_col, LKM_MODCOL_NAME);
	assert_string_equal(cursor_of(&app.views[0]), "msdos");
	press(&app, KEY_END);
	assert_string_equal(cursor_of(&app.views[0]), "vfat");
	press(&app, 't');
	assert_true(app.views[0].tree);
	/* the interval, help, unknown keys, quit */
	assert_true(press(&app, '+') & LKM_TUI_RETIME);
	assert_true(app.interval > 2);
	press(&app, '-');
	press(&app, '-');
	assert_true(app.interval < 2);
	press(&app, '?');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_HELP);
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	press(&app, 'Z');
	assert_string_equal(app.message, "Z does nothing here; ? lists the keys");
	assert_true(press(&app, 'R') & LKM_TUI_RESCAN);
	assert_true(press(&app, 'q') & LKM_TUI_QUIT);
	/* mouse: a tab, then a row */
	lkm_tui_tab_label(LKM_PANE_DEVICES, tab, sizeof(tab));
	click.x = (int)strlen(tab) +
		  2; /* inside the second tab, after " 1 Modules " and a gap */
	lkm_tui_dispatch(&app, &click);
	assert_int_equal(app.pane, LKM_PANE_DEVICES);
	press(&app, '1');
	click.y = LKM_TUI_LIST_Y + 2;
	click.x = 5;
	lkm_tui_dispatch(&app, &click);
	assert_int_equal(app.views[0].cursor, 2);
	lkm_tui_app_release(&app);
}

/* v: the 2x2 grid on a large screen, each view as tall as its quadrant; clicks and Tab.
 */
static void test_split(void **state)
{
	struct fixture *f = *state;
	struct lkm_tui_app app;
	struct lkm_tui_rect r;
	struct lkm_tui_event click = { .key = KEY_MOUSE };

	app_with(&app, f);
	assert_int_equal(app.views[0].height, 27); /* 30 - tabs, header, status */
	assert_int_equal(press(&app, 'v') & LKM_TUI_REDRAW, LKM_TUI_REDRAW);
	assert_true(app.split);
	assert_false(
		lkm_tui_split_shown(&app)); /* 100x30 is too small: one pane, and why */
	assert_string_equal(app.message,
			    "the split layout shows on a screen of 160x48 or more (this "
			    "one is 100x30); v again turns it off");
	lkm_tui_app_resize(&app, 60, 200);
	assert_true(lkm_tui_split_shown(&app));
	/* 58 rows under the tabs: 29 per quadrant, a title and a header in each. */
	lkm_tui_pane_rect(&app, LKM_PANE_MODULES, &r);
	assert_int_equal(r.y, 1);
	assert_int_equal(r.x, 0);
	assert_int_equal(r.h, 29);
	assert_int_equal(r.w, 99);
	assert_int_equal(lkm_tui_rect_list_y(&r), 3);
	lkm_tui_pane_rect(&app, LKM_PANE_NETDEV, &r);
	assert_int_equal(r.y, 30);
	assert_int_equal(r.x, 100); /* after the bar at column 99 */
	assert_int_equal(r.w, 100);
	for (int p = 0; p < LKM_PANE_COUNT; p++)
		assert_int_equal(app.views[p].height, 27);
	assert_int_equal(lkm_tui_pane_at(&app, 5, 99), -1);
	assert_int_equal(lkm_tui_pane_at(&app, 5, 150), LKM_PANE_DEVICES);
	assert_int_equal(lkm_tui_pane_at(&app, 40, 10), LKM_PANE_INTERRUPTS);
	/* Each pane keeps its own cursor; Tab gives the keys to the next one. */
	press(&app, KEY_DOWN);
	press(&app, '\t');
	assert_int_equal(app.pane, LKM_PANE_DEVICES);
	assert_string_equal(cursor_of(&app.views[0]), "msdos");
	/* A click on a row of another pane focuses it and moves its cursor there. */
	click.y = 3 + 2;
	click.x = 10;
	lkm_tui_dispatch(&app, &click);
	assert_int_equal(app.pane, LKM_PANE_MODULES);
	assert_int_equal(app.views[0].cursor, 2);
	click.y = 40;
	lkm_tui_dispatch(&app, &click); /* an empty pane: focused, no cursor to move */
	assert_int_equal(app.pane, LKM_PANE_INTERRUPTS);
	/* v again: one pane, the whole screen tall. */
	press(&app, 'v');
	assert_false(lkm_tui_split_shown(&app));
	assert_int_equal(app.views[0].height, 57);
	lkm_tui_app_release(&app);
}

/* The live kernel log (L), in core: a module's lines only, '-' and '_' alike. */
static void test_kmsg_line_from(void **state)
{
	(void)state;
	assert_true(lkm_kmsg_line_from("fat: bogus number of FAT sectors", "fat"));
	assert_true(
		lkm_kmsg_line_from("ne2k-pci 0000:00:03.0: eth0: NE2000", "ne2k_pci"));
	assert_true(lkm_kmsg_line_from("usb_storage: x", "usb-storage"));
	assert_false(lkm_kmsg_line_from("vfat: x", "fat"));
	assert_false(lkm_kmsg_line_from("fatx: x", "fat"));
	assert_false(lkm_kmsg_line_from("fat", "fat"));
	assert_false(lkm_kmsg_line_from("FAT-fs (sda1): x", "fat"));
	assert_false(lkm_kmsg_line_from("fat: x", ""));
	assert_false(lkm_kmsg_line_from("fat: x", NULL));
}

/* A regular file stands in for /dev/kmsg, as in tests/unit/test-kmsg.c: lkm_kmsg_follow
 * reads what is new since begin or its last call, filtered, keeping the last few; a
 * record being written (no newline yet) waits for the next call. The app's strip follows
 * it. */
static void test_kmsg_follow(void **state)
{
	char dir[] = "/tmp/lkmtui-live.XXXXXX", path[256];
	struct lkm_sysroot *root;
	struct lkm_tui_config cfg;
	struct lkm_tui_app app;
	struct lkm_kmsg k;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fd = test_kmsg_file(dir, "6,1,1,-;fat: old\n");
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);

	lkm_kmsg_begin(&k, root);
	assert_int_equal(k.err, 0);
	assert_false(lkm_kmsg_pollable(&k)); /* a file: read on a timer */
	assert_int_equal(lkm_kmsg_follow(&k, "fat", 2), 0);
	dprintf(fd,
		"6,2,2,-;fat: one\n SUBSYSTEM=x\n6,3,3,-;vfat: not it\n6,4,4,-;fat: tw");
	assert_int_equal(lkm_kmsg_follow(&k, "fat", 2), 1);
	assert_int_equal(k.n, 1);
	assert_string_equal(k.lines[0], "fat: one");
	dprintf(fd, "o\n6,5,5,-;fat: three\n");
	assert_int_equal(lkm_kmsg_follow(&k, "fat", 2), 2);
	assert_int_equal(k.n, 2); /* the oldest went */
	assert_string_equal(k.lines[0], "fat: two");
	assert_string_equal(k.lines[1], "fat: three");
	assert_int_equal(lkm_kmsg_follow(&k, "fat", 2), 0);
	lkm_kmsg_end(&k);

	/* The app: L starts at the log's end; a read that brings lines asks for a redraw.
	 */
	lkm_tui_config_defaults(&cfg);
	lkm_tui_app_init(&app, root, &cfg);
	lkm_tui_app_resize(&app, 30, 100);
	assert_int_equal(lkm_tui_strip_rows(&app), 0);
	lkm_tui_live_start(&app, "fat");
	assert_true(app.strip.live_on);
	assert_int_equal(lkm_tui_strip_rows(&app), 4);
	assert_int_equal(app.views[0].height,
			 23); /* the strip's rows came off the list */
	assert_int_equal(lkm_tui_live_timeout(&app), LKM_TUI_LIVE_POLL_MS);
	assert_int_equal(lkm_tui_live_read(&app), 0);
	dprintf(fd, "6,6,6,-;fat: four\n");
	assert_int_equal(lkm_tui_live_read(&app), LKM_TUI_REDRAW);
	assert_string_equal(app.strip.live.lines[0], "fat: four");
	lkm_tui_live_start(&app, NULL);
	assert_false(app.strip.live_on);
	assert_int_equal(app.views[0].height, 27);
	assert_int_equal(lkm_tui_live_timeout(&app), -1);
	lkm_tui_app_release(&app);

	close(fd);
	snprintf(path, sizeof(path), "%s/dev/kmsg", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/dev", dir);
	rmdir(path);
	lkm_sysroot_free(root);
	rmdir(dir);
}

static void test_tabs_and_interval_steps(void **state)
{
	char buf[64];
	int x, w;

	assert_int_equal(lkm_tui_tab_at(0, 80), LKM_PANE_MODULES);
	assert_int_equal(lkm_tui_tab_at(10, 80), LKM_PANE_MODULES);
	assert_int_equal(lkm_tui_tab_at(11, 80), -1); /* the gap */
	assert_int_equal(lkm_tui_tab_at(12, 80), LKM_PANE_DEVICES);
	assert_int_equal(lkm_tui_tab_at(1000, 80), -1);
	/* Narrower: bare labels two blanks apart, then short words; the last tab and its
	 * key always in the bar. */
	assert_string_equal(lkm_tui_tab(80, LKM_PANE_COUNT, buf, sizeof(buf), &x, &w),
			    " 5 Hardware ");
	assert_string_equal(lkm_tui_tab(60, LKM_PANE_COUNT, buf, sizeof(buf), &x, &w),
			    "5 Hardware");
	assert_true(x + w <= 60);
	assert_int_equal(lkm_tui_tab_at(0, 60), -1);
	assert_int_equal(lkm_tui_tab_at(1, 60), LKM_PANE_MODULES);
	assert_int_equal(lkm_tui_tab_at(10, 60), -1); /* the gap */
	assert_int_equal(lkm_tui_tab_at(12, 60), LKM_PANE_DEVICES);
	assert_string_equal(lkm_tui_tab(40, LKM_PANE_COUNT, buf, sizeof(buf), &x, &w),
			    "5 HW");
	assert_true(x + w <= 40);
	assert_true(lkm_tui_interval_step(2, 1) == 3);
	assert_true(lkm_tui_interval_step(2, -1) == 1);
	assert_true(lkm_tui_interval_step(0.5, -1) == 0.5);
	assert_true(lkm_tui_interval_step(0.2, -1) == 0.2);
	assert_true(lkm_tui_interval_step(2.5, 1) == 3);
	assert_true(lkm_tui_interval_step(3600, 1) == 3600);
}

static char *write_config(const char *text)
{
	static char path[] = "/tmp/lkmtui-test-config-XXXXXX";
	int fd;

	strcpy(path, "/tmp/lkmtui-test-config-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* The message a settings error gives: the file's path, then REST. */
static const char *at(const char *path, const char *rest)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf), "%s%s", path, rest);
	return buf;
}

static void test_settings(void **state)
{
	struct lkm_tui_config cfg;
	char err[512], *path;

	lkm_tui_config_defaults(&cfg);
	assert_true(cfg.interval == 2);
	path = write_config(
		"; mine\n[display]\ninterval = 0.5\npane = network\ncolor = no\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)), 0);
	assert_true(cfg.interval == 0.5);
	assert_int_equal(cfg.pane, LKM_PANE_NETDEV);
	assert_int_equal(cfg.color, LKM_COLOR_OFF);
	unlink(path);

	lkm_tui_config_defaults(&cfg);
	path = write_config("[display]\npane = 3\n\ninterval = fast\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err,
			    at(path, ":4: interval = 'fast': give the seconds between "
				     "refreshes, from 0.1 to 3600"));
	assert_int_equal(cfg.pane, LKM_PANE_INTERRUPTS);
	assert_true(cfg.interval == 2);
	unlink(path);

	path = write_config("[display]\ncolour = purple\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, at(path, ":2: color = 'purple': use auto, yes or no"));
	unlink(path);

	lkm_tui_config_defaults(&cfg);
	assert_false(cfg.split);
	path = write_config("[display]\nlayout = split\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)), 0);
	assert_true(cfg.split);
	unlink(path);
	path = write_config("[display]\nlayout = quad\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, at(path, ":2: layout = 'quad': use single or split"));
	unlink(path);

	path = write_config("[display]\nrefresh = 2\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(
		err, at(path, ":2: unknown setting 'refresh' (known: interval, pane, "
			      "color, layout)"));
	unlink(path);

	path = write_config("interval = 2\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, at(path, ":1: unknown section [] (the settings go under "
					  "[display])"));
	unlink(path);

	path = write_config("[display]\nthis is not ini\n");
	assert_int_equal(lkm_tui_config_load(&cfg, path, true, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err,
			    at(path, ":2: not a '[section]' or 'name = value' line"));
	unlink(path);

	assert_int_equal(
		lkm_tui_config_load(&cfg, "/nonexistent/x.ini", false, err, sizeof(err)),
		0);
	assert_int_equal(
		lkm_tui_config_load(&cfg, "/nonexistent/x.ini", true, err, sizeof(err)),
		-ENOENT);
	assert_string_equal(
		err, "cannot read the settings file /nonexistent/x.ini: No such file or "
		     "directory");

	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	assert_string_equal(lkm_tui_config_default_path(err, sizeof(err)),
			    "/xdg/lkmtui/config.ini");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	assert_string_equal(lkm_tui_config_default_path(err, sizeof(err)),
			    "/home/u/.config/lkmtui/config.ini");
	assert_int_equal(lkm_tui_pane_from_name("Interrupts"), LKM_PANE_INTERRUPTS);
	assert_int_equal(lkm_tui_pane_from_name("5"), -1);
}

/* An app on a fixture root, as lkmtui --root opens it (the session included). */
static void app_on_root(struct lkm_tui_app *app, struct lkm_sysroot **root,
			const char *dir, bool privileged)
{
	struct lkm_tui_config cfg;

	assert_int_equal(lkm_sysroot_new(dir, root), 0);
	lkm_tui_config_defaults(&cfg);
	lkm_tui_app_init(app, *root, &cfg);
	lkm_tui_session_open(app, privileged);
	assert_int_equal(lkm_tui_app_refresh(app), 0);
	lkm_tui_app_resize(app, 30, 100);
}

static void app_off_root(struct lkm_tui_app *app, struct lkm_sysroot *root)
{
	lkm_tui_app_release(app);
	lkm_sysroot_free(root);
}

static void test_new_keys(void **state)
{
	struct lkm_tui_keymap km;
	char buf[64];

	(void)state;
	lkm_tui_keymap_init(&km);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '\r'), LKM_ACT_DETAIL);
	assert_int_equal(lkm_tui_keymap_lookup(&km, KEY_ENTER), LKM_ACT_DETAIL);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'm'), LKM_ACT_JUMP);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'e'), LKM_ACT_TEACH);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'l'), LKM_ACT_LOAD);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'u'), LKM_ACT_UNLOAD);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'p'), LKM_ACT_SET);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'v'), LKM_ACT_SPLIT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, 'L'), LKM_ACT_LIVE_LOG);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '['), LKM_ACT_CPU_LEFT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, ']'), LKM_ACT_CPU_RIGHT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '{'), LKM_ACT_CPU_PAGE_LEFT);
	assert_int_equal(lkm_tui_keymap_lookup(&km, '}'), LKM_ACT_CPU_PAGE_RIGHT);
	lkm_tui_keys_of(&km, LKM_ACT_CPU_RIGHT, buf, sizeof(buf));
	assert_string_equal(buf, "], Shift-Right");
	/* Enter is three codes and one name in the help. */
	lkm_tui_keys_of(&km, LKM_ACT_DETAIL, buf, sizeof(buf));
	assert_string_equal(buf, "Enter");
}

static void test_fix_req(void **state)
{
	char *load_args[] = { "io=0x300", "irq=11" }, *set_args[] = { "irq=7" };
	struct lkm_fix load = { LKM_FIX_LOAD, "demo_ne", load_args, 2, "x" },
		       unload = { LKM_FIX_UNLOAD, "vfat", NULL, 0, "x" },
		       set = { LKM_FIX_SET, "demo_ne", set_args, 1, "x" },
		       none = { LKM_FIX_NONE, NULL, NULL, 0, "umount /mnt" },
		       set_bare = { LKM_FIX_SET, "demo_ne", NULL, 0, "x" };
	struct lkm_tui_req r = { 0 };

	(void)state;
	assert_true(lkm_tui_fix_req(&load, &r));
	assert_int_equal(r.op, LKM_OP_LOAD);
	assert_string_equal(r.target, "demo_ne");
	assert_int_equal(r.n_words, 2);
	assert_string_equal(r.words[0], "io=0x300");
	assert_string_equal(r.words[1], "irq=11");
	assert_true(lkm_tui_fix_req(&unload, &r));
	assert_int_equal(r.op, LKM_OP_UNLOAD);
	assert_string_equal(r.target, "vfat");
	assert_int_equal(r.n_words, 0);
	assert_true(lkm_tui_fix_req(&set, &r));
	assert_int_equal(r.op, LKM_OP_SET);
	assert_int_equal(r.n_words, 1);
	assert_string_equal(r.words[0], "irq=7");
	/* Prose and shell commands are not actions; a set needs its one value. */
	assert_false(lkm_tui_fix_req(&none, &r));
	assert_false(lkm_tui_fix_req(&set_bare, &r));
	assert_int_equal(r.n_words, 0);
	assert_null(r.words);
}

/* A fix of any length runs: 40 arguments, one of them 300 bytes long, each kept whole
 * (a fixed table of words once refused it without a word), and a copy owns its own. */
static void test_fix_req_long(void **state)
{
	char *args[40], long_arg[300 + 1], text[64];
	struct lkm_fix fix = { LKM_FIX_LOAD, "demo_ne", args, 40, "x" };
	struct lkm_tui_req r = { 0 }, copy;

	(void)state;
	memset(long_arg, 'v', sizeof(long_arg) - 1);
	memcpy(long_arg, "irq=", 4);
	long_arg[sizeof(long_arg) - 1] = '\0';
	for (size_t i = 0; i < 40; i++) {
		snprintf(text, sizeof(text), "p%zu=%zu", i, i);
		args[i] = i == 17 ? long_arg : strdup(text);
		assert_non_null(args[i]);
	}
	assert_true(lkm_tui_fix_req(&fix, &r));
	assert_int_equal(r.n_words, 40);
	assert_string_equal(r.words[0], "p0=0");
	assert_string_equal(r.words[17], long_arg);
	assert_string_equal(r.words[39], "p39=39");
	assert_null(r.words[40]);
	assert_true(lkm_tui_req_copy(&copy, &r));
	lkm_tui_req_release(&r);
	assert_int_equal(copy.n_words, 40);
	assert_string_equal(copy.words[17], long_arg);
	assert_string_equal(copy.target, "demo_ne");
	lkm_tui_req_text(&copy, text, sizeof(text));
	assert_string_equal(
		text, "load demo_ne p0=0 p1=1 p2=2 p3=3 p4=4 p5=5 p6=6 p7=7 p8=8 p9=9 ");
	lkm_tui_req_release(&copy);
	for (size_t i = 0; i < 40; i++)
		if (i != 17)
			free(args[i]);
}

/* What is typed is split once, at blanks, into as many words as there are, each as
 * long as it is; the words show joined by one space. */
static void test_req_words(void **state)
{
	struct lkm_tui_req r = { 0 };
	char text[64 * 4], buf[64];

	(void)state;
	assert_true(lkm_tui_req_split(&r, "  io=0x300 \t irq=11 "));
	assert_int_equal(r.n_words, 2);
	assert_string_equal(r.words[0], "io=0x300");
	assert_string_equal(r.words[1], "irq=11");
	lkm_tui_req_words_text(&r, buf, sizeof(buf));
	assert_string_equal(buf, "io=0x300 irq=11");
	assert_true(lkm_tui_req_split(&r, "   "));
	assert_int_equal(r.n_words, 0);
	text[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(text, "a=1 ");
	assert_true(lkm_tui_req_split(&r, text));
	assert_int_equal(r.n_words, 40);
	assert_string_equal(r.words[39], "a=1");
	memset(text, 'x', 200);
	text[200] = '\0';
	assert_true(lkm_tui_req_split(&r, text));
	assert_int_equal(r.n_words, 1);
	assert_int_equal(strlen(r.words[0]), 200);
	lkm_tui_req_release(&r);
}

static const struct lkm_detail_line *line_with(const struct lkm_detail *d,
					       enum lkm_detail_kind kind, const char *ref)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == kind && d->v[i].ref && strcmp(d->v[i].ref, ref) == 0)
			return &d->v[i];
	return NULL;
}

/* The one scrolling window: it shows a cursor with the least move, pages, and never goes
 * past its end, whatever it is asked. */
static void test_scroll_widget(void **state)
{
	struct lkm_tui_scroll w = { .top = 0, .n = 10, .height = 4 };

	(void)state;
	lkm_tui_scroll_show(&w, 5);
	assert_int_equal(w.top, 2); /* 2..5 */
	lkm_tui_scroll_show(&w, 3);
	assert_int_equal(w.top, 2); /* already shown: no move */
	lkm_tui_scroll_show(&w, 0);
	assert_int_equal(w.top, 0);
	lkm_tui_scroll_by(&w, 100);
	assert_int_equal(w.top, 6); /* the last screenful, not past it */
	lkm_tui_scroll_by(&w, -100);
	assert_int_equal(w.top, 0);
	assert_int_equal(lkm_tui_scroll_page(&w), 4);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_PAGE_DOWN));
	assert_int_equal(w.top, 4);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_PAGE_DOWN));
	assert_int_equal(w.top, 6);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_HOME));
	assert_int_equal(w.top, 0);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_END));
	assert_int_equal(w.top, 6);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_DOWN));
	assert_int_equal(w.top, 6);
	assert_true(lkm_tui_scroll_action(&w, LKM_ACT_UP));
	assert_int_equal(w.top, 5);
	assert_false(lkm_tui_scroll_action(&w, LKM_ACT_QUIT));
	/* Rows that fit never scroll; a window whose rows shrank comes back. */
	w = (struct lkm_tui_scroll){ .top = 7, .n = 3, .height = 4 };
	lkm_tui_scroll_clamp(&w);
	assert_int_equal(w.top, 0);
	w = (struct lkm_tui_scroll){ .top = 7, .n = 9, .height = 4 };
	lkm_tui_scroll_clamp(&w);
	assert_int_equal(w.top, 5);
	/* No height yet counts as one row. */
	w = (struct lkm_tui_scroll){ .top = 0, .n = 3, .height = 0 };
	lkm_tui_scroll_by(&w, 10);
	assert_int_equal(w.top, 2);
}

/* A list's cursor keys: a page keeps a row of context; an open item longer than the
 * window is scrolled through before the cursor moves on, and shown from its first row. */
static void test_item_keys(void **state)
{
	/* Items 0..3; item 1 open over rows 1..8 (its line and 7 lines), window of 4. */
	struct lkm_tui_scroll w = { .top = 0, .n = 11, .height = 4 };
	size_t cursor = 1;
	long delta;
	bool moved;

	(void)state;
	assert_true(lkm_tui_list_step(LKM_ACT_PAGE_DOWN, 4, 4, &delta));
	assert_int_equal(delta, 3);
	assert_true(lkm_tui_list_step(LKM_ACT_HOME, 4, 4, &delta));
	assert_true(delta < -4);
	assert_false(lkm_tui_list_step(LKM_ACT_QUIT, 4, 4, &delta));
	lkm_tui_scroll_follow(&w, 1, 9);
	assert_int_equal(w.top, 1); /* longer than the window: from its line */
	for (int i = 0; i < 4; i++) {
		assert_true(
			lkm_tui_item_action(&w, &cursor, 4, 1, 9, LKM_ACT_DOWN, &moved));
		assert_false(moved);
	}
	assert_int_equal(w.top, 5); /* its last line in sight */
	assert_true(lkm_tui_item_action(&w, &cursor, 4, 1, 9, LKM_ACT_DOWN, &moved));
	assert_true(moved);
	assert_int_equal(cursor, 2);
	assert_true(lkm_tui_item_action(&w, &cursor, 4, 9, 10, LKM_ACT_END, &moved));
	assert_int_equal(cursor, 3);
	assert_true(lkm_tui_item_action(&w, &cursor, 4, 10, 11, LKM_ACT_PAGE_UP, &moved));
	assert_int_equal(cursor, 0);
	assert_false(lkm_tui_item_action(&w, &cursor, 4, 0, 1, LKM_ACT_BACK, &moved));
	w = (struct lkm_tui_scroll){ .top = 0, .n = 11, .height = 4 };
	lkm_tui_scroll_follow(&w, 2, 5);
	assert_int_equal(w.top, 1); /* fits: all of it in sight */
	/* A refresh keeps a window that shows a row of the cursor's item. */
	w.top = 5;
	lkm_tui_scroll_keep(&w, 1, 9);
	assert_int_equal(w.top, 5);
	lkm_tui_scroll_keep(&w, 0, 1);
	assert_int_equal(w.top, 0);
}

/* The screen stack: a push remembers the pane shown, a pop (back) shows it again and
 * drops what the screen held; the steps of an action replace one another and its end pops
 * them all, back to the screen it started from; the panes are never popped. */
/* The data of the topmost frame of screen ID. */
static void *data_of(struct lkm_tui_app *app, enum lkm_tui_screen_id id)
{
	const struct lkm_tui_frame *f = lkm_tui_frame_of(app, id);

	assert_non_null(f);
	return f->data;
}

static void test_stack(void **state)
{
	static const struct lkm_tui_screen_ops *const screens[] = {
		&lkm_tui_filter_screen, &lkm_tui_help_screen, &lkm_tui_detail_screen,
		&lkm_tui_teach_screen,	&lkm_tui_form_screen, &lkm_tui_confirm_screen,
		&lkm_tui_diag_screen,	&lkm_tui_line_screen,
	};
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	struct lkm_tui_req req = { .op = LKM_OP_UNLOAD, .target = "fat" };
	struct lkm_result res = { .log.fd = -1 };
	struct lkm_diagnosis d = { .title = strdup("a title") };
	struct lkm_tui_form_arg form = { .what = LKM_INPUT_LOAD_NAME, .text = "fa" };
	struct lkm_tui_confirm_arg confirm = { .req = &req, .preview = &res };
	struct lkm_tui_diag_arg diag = { .diag = &d, .req = &req };
	struct lkm_detail_line live = { .kind = LKM_DL_TERM,
					.text = (char *)"  state      Live",
					.ref = (char *)"live",
					.value = (char *)"Live" };
	struct lkm_tui_teach_arg teach = { .module = "fat", .line = &live };
	struct lkm_tui_line_arg line = { .pane = LKM_PANE_NETDEV, .key = "eth0" };

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	assert_int_equal(app.stack.n, 0);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	assert_null(lkm_tui_top_frame(&app));
	lkm_tui_pop(&app); /* nothing below the panes */
	assert_int_equal(app.stack.n, 0);
	assert_null(lkm_tui_push(&app, LKM_SCREEN_PANES, NULL)); /* the floor, always */
	app.pane = LKM_PANE_NETDEV;
	lkm_tui_push(&app, LKM_SCREEN_DETAIL, "fat");
	assert_int_equal(app.pane, LKM_PANE_MODULES); /* the detail shows in Modules */
	assert_true(lkm_tui_in_detail(&app));
	assert_string_equal(lkm_tui_current_module(&app), "fat");
	lkm_tui_push(&app, LKM_SCREEN_FORM, &form);
	assert_string_equal(((struct lkm_tui_form *)data_of(&app, LKM_SCREEN_FORM))->text,
			    "fa");
	lkm_tui_push(&app, LKM_SCREEN_CONFIRM, &confirm); /* replaces the form */
	assert_int_equal(app.stack.n, 2);
	lkm_tui_push(&app, LKM_SCREEN_DIAG, &diag); /* replaces the confirmation */
	assert_int_equal(app.stack.n, 2);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	/* The diagnosis moved into the screen's own data. */
	assert_null(d.title);
	assert_string_equal(
		((struct lkm_tui_diag *)data_of(&app, LKM_SCREEN_DIAG))->diag.title,
		"a title");
	assert_non_null(lkm_tui_frame_of(&app, LKM_SCREEN_DETAIL));
	assert_null(lkm_tui_frame_of(&app, LKM_SCREEN_CONFIRM));
	lkm_tui_pop_steps(&app);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	lkm_tui_pop_steps(&app); /* no step left: nothing happens */
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	/* Help over the detail; any key returns to it; Esc (back) to the Network pane. */
	press(&app, '?');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_HELP);
	assert_int_equal(app.stack.n, 2);
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	press(&app, 27);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	assert_int_equal(app.pane, LKM_PANE_NETDEV);
	assert_false(lkm_tui_in_detail(&app));
	/* A full stack drops its oldest screen, with its data; the panes stay the floor.
	 */
	for (int i = 0; i < LKM_TUI_STACK_MAX + 3; i++)
		if (i % 2)
			lkm_tui_push(&app, LKM_SCREEN_LINE, &line);
		else
			lkm_tui_push(&app, LKM_SCREEN_TEACH, &teach);
	assert_int_equal(app.stack.n, LKM_TUI_STACK_MAX);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_TEACH);
	lkm_tui_stack_release(&app);
	assert_int_equal(app.stack.n, 0);
	assert_int_equal(app.pane, LKM_PANE_NETDEV);
	/* Every screen has its keys, a name, its id; all but the filter prompt draw and
	 * hint (the prompt is the panes' status line). */
	for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
		assert_ptr_equal(lkm_tui_screen(screens[i]->id), screens[i]);
		assert_non_null(screens[i]->key);
		assert_non_null(screens[i]->name);
		assert_true(screens[i]->id != LKM_SCREEN_PANES);
		assert_true(screens[i]->draw != NULL ||
			    screens[i] == &lkm_tui_filter_screen);
	}
	assert_null(lkm_tui_screen(LKM_SCREEN_PANES)->key); /* the key table's */
	app_off_root(&app, root);
}

/* The diagnosis scrolls by the key table's up and down, and never past its end (it once
 * scrolled down into an empty screen). */
static void test_diag_scroll_clamped(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_tui_frame *f;

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	lkm_tui_app_resize(&app, 12, 60); /* shorter than the diagnosis */
	press(&app, KEY_END);
	press(&app, 'u');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	f = lkm_tui_frame_of(&app, LKM_SCREEN_DIAG);
	for (int i = 0; i < 100; i++)
		press(&app, 'j');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	assert_true(f->scroll.n > f->scroll.height);
	assert_int_equal(f->scroll.top, f->scroll.n - f->scroll.height);
	press(&app, KEY_UP);
	assert_int_equal(f->scroll.top, f->scroll.n - f->scroll.height - 1);
	/* Taller again: the place is clamped to the new window. */
	lkm_tui_app_resize(&app, 60, 60);
	assert_int_equal(f->scroll.top, 0);
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	app_off_root(&app, root);
}

/* The help is made from the key table: an action's line lists the keys bound to it, so a
 * key unbound is a key gone from the help. */
static void test_help_from_keys(void **state)
{
	struct fixture *f = *state;
	struct lkm_tui_app app;
	char line[512], want[512];
	size_t i, n;

	app_with(&app, f);
	n = lkm_tui_help_lines(&app);
	for (i = 0; i < n; i++) {
		lkm_tui_help_line(&app, i, line, sizeof(line));
		if (strstr(line, "show this help"))
			break;
	}
	assert_true(i < n);
	snprintf(want, sizeof(want), "  %-24s %s", "?, F1, h", "show this help");
	assert_string_equal(line, want);
	lkm_tui_keymap_bind(&app.keymap, 'h', LKM_ACT_NONE);
	lkm_tui_help_line(&app, i, line, sizeof(line));
	snprintf(want, sizeof(want), "  %-24s %s", "?, F1", "show this help");
	assert_string_equal(line, want);
	/* A screen's own keys have their section, from its key set. */
	for (i = 0; i < n; i++) {
		lkm_tui_help_line(&app, i, line, sizeof(line));
		if (strstr(line, "back to the screen before"))
			break;
	}
	assert_true(i < n);
	snprintf(want, sizeof(want), "  %-24s %s", "Esc, q, Left, Backspace",
		 "back to the screen before");
	assert_string_equal(line, want);
	lkm_tui_keymap_bind_in(&app.keymap, LKM_KEYS_DETAIL, 'q', LKM_ACT_NONE);
	lkm_tui_help_line(&app, i, line, sizeof(line));
	snprintf(want, sizeof(want), "  %-24s %s", "Esc, Left, Backspace",
		 "back to the screen before");
	assert_string_equal(line, want);
	lkm_tui_app_release(&app);
}

/* Every screen's keys come from the key table: its own set first, then the panes'; the
 * status line's hints are made from the same table. */
static void test_keysets_and_hints(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	struct lkm_tui_keymap *km = &app.keymap;
	static const struct lkm_tui_hint confirm[] = {
		{ LKM_ACT_YES, LKM_ACT_NONE, 2, "do it" },
		{ LKM_ACT_NO, LKM_ACT_NONE, 2, "cancel" },
	};
	static const struct lkm_tui_hint detail[] = {
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, "pick" },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 1, "back" },
		{ LKM_ACT_NONE, LKM_ACT_NONE, 0, "(look only)" },
	};
	char buf[256];

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	assert_int_equal(lkm_tui_keymap_lookup(km, 27), LKM_ACT_FILTER_CLEAR);
	assert_int_equal(lkm_tui_keymap_lookup_in(km, LKM_KEYS_DETAIL, 27), LKM_ACT_BACK);
	assert_int_equal(lkm_tui_keymap_lookup_in(km, LKM_KEYS_DETAIL, 'j'),
			 LKM_ACT_DOWN);
	assert_int_equal(lkm_tui_keymap_lookup_in(km, LKM_KEYS_CONFIRM, '\r'),
			 LKM_ACT_YES);
	assert_int_equal(lkm_tui_keymap_lookup_in(km, LKM_KEYS_PROMPT, 21), LKM_ACT_KILL);
	assert_int_equal(lkm_tui_keymap_lookup_in(km, LKM_KEYS_COUNT, 'q'), LKM_ACT_NONE);
	assert_false(lkm_tui_keymap_bind_in(km, LKM_KEYS_COUNT, 'q', LKM_ACT_QUIT));
	/* y and Y are one key to a person; Enter three codes and one name. */
	lkm_tui_hint_text(km, LKM_KEYS_CONFIRM, confirm, 2, buf, sizeof(buf));
	assert_string_equal(buf, "y/Enter do it  n/Esc cancel");
	lkm_tui_hint_text(km, LKM_KEYS_DETAIL, detail, 3, buf, sizeof(buf));
	assert_string_equal(buf, "Up/Down pick  Esc back  (look only)");
	/* Rebound, the screen acts on the new key and its hint says so. */
	lkm_tui_keymap_bind_in(km, LKM_KEYS_DETAIL, 27, LKM_ACT_NONE);
	lkm_tui_keymap_bind_in(km, LKM_KEYS_DETAIL, KEY_LEFT, LKM_ACT_NONE);
	lkm_tui_hint_text(km, LKM_KEYS_DETAIL, detail, 3, buf, sizeof(buf));
	assert_string_equal(buf, "Up/Down pick  q back  (look only)");
	lkm_tui_push(&app, LKM_SCREEN_DETAIL, "fat");
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	press(&app,
	      27); /* now the panes' Esc: it clears a filter, and the detail stays */
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	press(&app, 'q');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	app_off_root(&app, root);
}

static void test_detail(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_detail *d;
	const struct lkm_tui_teach *t;

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	/* Modules in the kernel's order: fat is last; Enter opens it. */
	press(&app, KEY_END);
	press(&app, '\r');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	d = data_of(&app, LKM_SCREEN_DETAIL);
	assert_string_equal(d->module, "fat");
	assert_true(d->loaded);
	assert_non_null(line_with(d, LKM_DL_TERM, "live"));
	assert_non_null(line_with(d, LKM_DL_TERM, "use-count"));
	assert_non_null(line_with(d, LKM_DL_MODULE, "vfat"));
	assert_non_null(line_with(d, LKM_DL_MODULE, "msdos"));
	/* The cursor walks the selectable lines: state, use count, the two holders. */
	assert_string_equal(lkm_detail_current(d)->ref, "live");
	press(&app, KEY_DOWN);
	press(&app, KEY_DOWN);
	assert_string_equal(lkm_detail_current(d)->ref, "vfat");
	press(&app, KEY_DOWN);
	press(&app, KEY_DOWN);
	assert_string_equal(lkm_detail_current(d)->ref, "msdos");
	/* Enter on a holder opens it; it uses fat. */
	press(&app, '\r');
	assert_string_equal(d->module, "msdos");
	assert_non_null(line_with(d, LKM_DL_MODULE, "fat"));
	/* e on its state: the teach box with the explainer's sentence. */
	press(&app, 'e');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_TEACH);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_int_equal(t->n_terms, 1);
	assert_string_equal(t->terms[0].label, "Live");
	assert_string_equal(t->terms[0].text, lkm_explain_term("live"));
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DETAIL);
	/* A refresh keeps the detail and its cursor. */
	assert_int_equal(lkm_tui_app_refresh(&app), 0);
	assert_string_equal(d->module, "msdos");
	assert_string_equal(lkm_detail_current(d)->ref, "live");
	/* demo_ne: its eight parameters, with values. */
	press(&app, 27);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	assert_non_null(lkm_tui_push(&app, LKM_SCREEN_DETAIL, "demo_ne"));
	d = data_of(&app, LKM_SCREEN_DETAIL);
	assert_non_null(line_with(d, LKM_DL_PARAM, "io"));
	/* git keeps no modes (and distcheck makes the tree read-only): the line says what
	 * the file's mode here says. */
	{
		struct stat st;

		assert_int_equal(
			stat(FIXTURES "/debian61/sys/module/demo_ne/parameters/io", &st),
			0);
		assert_string_equal(line_with(d, LKM_DL_PARAM, "io")->text,
				    st.st_mode & 0222
					    ? "  io            768   writable   "
					    : "  io            768   read-only  ");
	}
	assert_non_null(line_with(d, LKM_DL_PARAM, "irq"));
	assert_non_null(line_with(d, LKM_DL_TERM, "taint-O"));
	assert_non_null(line_with(d, LKM_DL_TERM, "taint-E"));
	app_off_root(&app, root);
}

/* The detail's state rows and the teach box read the terms of lkm_text_module_terms:
 * the detail without the users (its Holders section lists them), the taints labelled
 * once; the teach box labelled by what the cells show. */
static void test_detail_terms(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_detail *d;
	const struct lkm_tui_teach *t;
	const char *want[] = { "  state      Live", "  use count  0",
			       "  flags      [permanent]", "  taints     O",
			       "             E" };
	const char *labels[] = { "Live", "2", "vfat,msdos" };
	size_t k = 0;

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	lkm_tui_push(&app, LKM_SCREEN_DETAIL, "demo_permanent");
	d = data_of(&app, LKM_SCREEN_DETAIL);
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].kind != LKM_DL_TERM)
			continue;
		assert_true(k < sizeof(want) / sizeof(want[0]));
		assert_string_equal(d->v[i].text, want[k++]);
	}
	assert_int_equal(k, sizeof(want) / sizeof(want[0]));
	press(&app, 27);
	/* fat: Live, used twice, by vfat and msdos (the kernel's order). */
	press(&app, KEY_END);
	press(&app, 'e');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_TEACH);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_int_equal(t->n_terms, sizeof(labels) / sizeof(labels[0]));
	for (size_t i = 0; i < t->n_terms; i++)
		assert_string_equal(t->terms[i].label, labels[i]);
	assert_string_equal(t->terms[2].text, lkm_explain_term("used-by"));
	app_off_root(&app, root);
}

/* The teach box reads a detail line's fields, never its text: the value of a term, and
 * whether a parameter is in /sys and writable (texts here say otherwise on purpose). */
static void test_teach_reads_fields(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	struct lkm_detail_line term = { .kind = LKM_DL_TERM,
					.text = (char *)"  state      Gone",
					.ref = (char *)"permanent",
					.value = (char *)"[permanent]" };
	struct lkm_detail_line param = { .kind = LKM_DL_PARAM,
					 .text = (char *)"  io  768  writable",
					 .ref = (char *)"io",
					 .writable = true,
					 .in_sys = false };
	struct lkm_tui_teach_arg arg = { .module = "demo_permanent", .line = &term };
	const struct lkm_tui_teach *t;

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	lkm_tui_push(&app, LKM_SCREEN_DETAIL, "demo_permanent");
	lkm_tui_push(&app, LKM_SCREEN_TEACH, &arg);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_TEACH);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_int_equal(t->n_terms, 1);
	assert_string_equal(t->terms[0].label, "[permanent]");
	assert_string_equal(t->terms[0].text, lkm_explain_term("permanent"));
	lkm_tui_pop(&app);
	arg.line = &param;
	lkm_tui_push(&app, LKM_SCREEN_TEACH, &arg);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_int_equal(t->n_terms, 1);
	assert_string_equal(t->terms[0].label, "io");
	assert_string_equal(
		t->terms[0].text,
		"not in /sys: the module is not loaded, or keeps this parameter "
		"out of /sys (mode 0); a load can still give it a value.");
	lkm_tui_pop(&app);
	param.in_sys = true;
	lkm_tui_push(&app, LKM_SCREEN_TEACH, &arg);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_string_equal(
		t->terms[0].text,
		"writable: the module lets this value change while it is loaded "
		"(p sets it; the driver decides when it takes effect).");
	app_off_root(&app, root);
}

static void test_teach_row(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_tui_teach *t;

	(void)state;
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	/* demo_permanent: Live, 0, [permanent], O, E. */
	press(&app, 'e');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_TEACH);
	t = data_of(&app, LKM_SCREEN_TEACH);
	assert_int_equal(t->n_terms, 5);
	assert_string_equal(t->terms[2].label, "[permanent]");
	assert_string_equal(t->terms[2].text, lkm_explain_term("permanent"));
	assert_string_equal(t->terms[4].label, "E");
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	/* Not on the Devices pane: a message, no box. */
	press(&app, '2');
	press(&app, 'e');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	assert_true(app.message[0] != '\0');
	app_off_root(&app, root);
}

static void test_actions_unavailable(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_tui_diag *g;

	(void)state;
	/* An offline root: said up front, and u shows the refusal without trying. */
	app_on_root(&app, &root, FIXTURES "/debian61", true);
	assert_false(lkm_tui_can_act(&app));
	assert_int_equal(app.session.core.refusal, LKM_REFUSE_OFFLINE_ROOT);
	assert_null(app.session.core.engine.ops);
	press(&app, KEY_END);
	press(&app, 'u');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	g = data_of(&app, LKM_SCREEN_DIAG);
	assert_int_equal(g->diag.kind, LKM_DIAG_OFFLINE_ROOT);
	assert_string_equal(g->req.target, "fat");
	assert_false(g->fix_ok);
	press(&app, 'x');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	press(&app, 'l');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	g = data_of(&app, LKM_SCREEN_DIAG);
	assert_int_equal(g->req.op, LKM_OP_LOAD);
	press(&app, 'x');
	app_off_root(&app, root);

	/* Not privileged: the same, with the permission diagnosis. */
	setenv("LKMTUI_FAKE_ROOT", FIXTURES "/modroot", 1);
	app_on_root(&app, &root, FIXTURES "/modroot", false);
	unsetenv("LKMTUI_FAKE_ROOT");
	assert_false(lkm_tui_can_act(&app));
	assert_int_equal(app.session.core.refusal, LKM_REFUSE_NOT_PERMITTED);
	press(&app, 'l');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_DIAG);
	g = data_of(&app, LKM_SCREEN_DIAG);
	assert_int_equal(g->diag.kind, LKM_DIAG_PERMISSION_DENIED);
	app_off_root(&app, root);
}

/* The load form: completion from the resolver's names, then the parameter line. With the
 * session able to act (privileged, on a fixture tree made the running system), Enter goes
 * to the dry run. */
static void test_load_form(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_tui_app app;
	const struct lkm_tui_form *form;

	(void)state;
	setenv("LKMTUI_FAKE_ROOT", FIXTURES "/modroot", 1);
	app_on_root(&app, &root, FIXTURES "/modroot", true);
	unsetenv("LKMTUI_FAKE_ROOT");
	if (app.session.core.resolver == NULL) {
		/* modroot has no depmod indexes until modroot-make.sh builds them. */
		assert_false(lkm_tui_can_act(&app));
		app_off_root(&app, root);
		return;
	}
	press(&app, 'l');
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_FORM);
	form = data_of(&app, LKM_SCREEN_FORM);
	assert_int_equal(form->what, LKM_INPUT_LOAD_NAME);
	press(&app, 'z');
	press(&app, '\t');
	assert_int_equal(form->n_cands, 0);
	assert_true(form->note[0] != '\0');
	press(&app, 27);
	assert_int_equal(lkm_tui_top(&app), LKM_SCREEN_PANES);
	app_off_root(&app, root);
}

/* util-linux's size_to_human_string() in the C locale, value for value. */
static void test_human_bytes(void **state)
{
	static const struct {
		uint64_t n;
		const char *text;
	} cases[] = {
		{ 0, "0B" },
		{ 1023, "1023B" },
		{ 1024, "1K" },
		{ 1536, "1.5K" },
		{ 1075, "1K" }, /* 1.0498 rounds to 1.0: the .0 is dropped */
		{ 1996, "1.9K" },
		{ 2047, "2K" }, /* 1.999 rounds up into the next whole */
		{ 139512885, "133M" },
		{ 4493605264ULL, "4.2G" },
		{ 18690974820ULL, "17.4G" },
		{ UINT64_MAX, "16E" },
	};
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(lkm_human_bytes(cases[i].n, buf, sizeof(buf)),
				    cases[i].text);
	/* Cut, never overrun. */
	assert_string_equal(lkm_human_bytes(139512885, buf, 3), "13");
}

/* The last minute per row: seconds filled by the interval a rate covers, rows found again
 * by key when they move, a row that went shows no rate for its absence, nothing allocated
 * once every key has been seen. */
static void test_history(void **state)
{
	struct lkm_history h = { 0 };
	float v[LKM_HISTORY_SECONDS];
	const struct lkm_history_series *before;

	(void)state;
	assert_int_equal(lkm_history_begin(&h, 1000.5, 0.5, 2), 0);
	assert_int_equal(lkm_history_put(&h, 0, "11", 10), 0);
	assert_int_equal(lkm_history_put(&h, 1, "eth0", 0), 0);
	/* Three seconds later, the rows swapped. */
	assert_int_equal(lkm_history_begin(&h, 1003.2, 2.7, 2), 0);
	assert_int_equal(lkm_history_put(&h, 0, "eth0", 5), 0);
	assert_int_equal(lkm_history_put(&h, 1, "11", 20), 0);
	assert_int_equal(lkm_history_get(&h, 1, v, 5), 4);
	assert_true(v[0] < 0);
	assert_true(v[1] == 10 && v[2] == 20 && v[3] == 20 && v[4] == 20);
	assert_int_equal(lkm_history_get(&h, 0, v, 4), 4);
	assert_true(v[0] == 0 && v[1] == 5 && v[3] == 5);
	/* eth0 gone for a refresh, then back: the gap has no rate. */
	before = h.s;
	assert_int_equal(lkm_history_begin(&h, 1005.1, 1.9, 1), 0);
	assert_int_equal(lkm_history_put(&h, 0, "11", 1), 0);
	assert_int_equal(lkm_history_begin(&h, 1006.1, 1, 2), 0);
	assert_int_equal(lkm_history_put(&h, 0, "11", 1), 0);
	assert_int_equal(lkm_history_put(&h, 1, "eth0", 7), 0);
	assert_int_equal(lkm_history_get(&h, 1, v, 4), 2);
	assert_true(v[0] == 5 && v[1] < 0 && v[2] < 0 && v[3] == 7);
	assert_ptr_equal(h.s, before);
	assert_int_equal(h.n, 2);
	/* Over a minute later, only the last minute is there. */
	assert_int_equal(lkm_history_begin(&h, 1200.0, 150, 2), 0);
	assert_int_equal(lkm_history_put(&h, 0, "11", 3), 0);
	assert_int_equal(lkm_history_get(&h, 0, v, LKM_HISTORY_SECONDS),
			 LKM_HISTORY_SECONDS);
	assert_int_equal(lkm_history_get(&h, 5, v, 3), 0);
	lkm_history_release(&h);
}

/* /proc/net/dev of one interface with RX and TX bytes so far. */
static void write_netdev(const char *path, unsigned rx, unsigned tx)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f,
		"Inter-|   Receive                                                |  "
		"Transmit\n"
		" face |bytes    packets errs drop fifo frame compressed multicast|bytes "
		"   "
		"packets errs drop fifo colls carrier compressed\n"
		"  eth0: %u 1 0 0 0 0 0 0 %u 1 0 0 0 0 0 0\n",
		rx, tx);
	fclose(f);
}

/* An interface's last minute is kept three ways: in and out together (the Network pane's
 * sparkline), and received and sent apart (its detail's two graphs, each with its own
 * scale). Only the sent bytes grow here: the received series stays flat. */
static void test_net_history(void **state)
{
	char dir[] = "/tmp/lkmtui-nethist.XXXXXX", path[256];
	float rx[LKM_HISTORY_SECONDS], tx[LKM_HISTORY_SECONDS], all[LKM_HISTORY_SECONDS];
	const size_t last = LKM_HISTORY_SECONDS - 1;
	struct lkm_sysroot *root;
	struct lkm_tui_config cfg;
	struct lkm_tui_app app;

	(void)state;
	assert_non_null(mkdtemp(dir));
	test_mkdirs(dir, "proc/net");
	snprintf(path, sizeof(path), "%s/proc/net/dev", dir);
	write_netdev(path, 500, 1000);
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);
	lkm_tui_config_defaults(&cfg);
	lkm_tui_app_init(&app, root, &cfg);
	assert_int_equal(lkm_tui_app_refresh(&app), 0);
	write_netdev(path, 500, 1000 + 1024 * 1024);
	usleep(1100 * 1000); /* a second passes: the history has a slot for it */
	assert_int_equal(lkm_tui_app_refresh(&app), 0);
	assert_true(lkm_history_get(&app.snaps.net_rx_hist, 0, rx, LKM_HISTORY_SECONDS) >
		    0);
	assert_true(lkm_history_get(&app.snaps.net_tx_hist, 0, tx, LKM_HISTORY_SECONDS) >
		    0);
	assert_true(lkm_history_get(&app.snaps.net_hist, 0, all, LKM_HISTORY_SECONDS) >
		    0);
	assert_true(rx[last] == 0);
	assert_true(tx[last] > 1000);
	assert_true(all[last] == tx[last]);
	lkm_tui_app_release(&app);
	lkm_sysroot_free(root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/proc/net", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/proc", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_sparkline(void **state)
{
	const float v[] = { -1, -1, 0, 0, 1, 2, 4, 8 };
	char buf[64];

	(void)state;
	assert_true(lkm_sparkline(v, 8, 8, false, buf, sizeof(buf)) == 8);
	assert_string_equal(buf, "  __.-=#");
	lkm_sparkline(v, 8, 8, true, buf, sizeof(buf));
	assert_string_equal(buf, "  \u2581\u2581\u2582\u2583\u2585\u2588");
	/* Two samples a cell: the higher one. */
	lkm_sparkline(v, 8, 4, false, buf, sizeof(buf));
	assert_string_equal(buf, " _-#");
	/* Cut at a whole character, never overrun. */
	lkm_sparkline(v, 8, 8, true, buf, 6);
	assert_string_equal(buf, "  \u2581");
}

/* The line detail's graph: bars in eighths of a row, scaled to the highest; a measured
 * second shows on the bottom row, a second with no rate is blank. */
static void test_graph_row(void **state)
{
	const float v[] = { -1, 0, 1, 2, 4, 8 };
	char rows[2][64];

	(void)state;
	assert_true(lkm_sparkline_max(v, 6) == 8);
	lkm_graph_row(v, 6, 6, 8, 2, 0, false, rows[0], sizeof(rows[0]));
	lkm_graph_row(v, 6, 6, 8, 2, 1, false, rows[1], sizeof(rows[1]));
	assert_string_equal(rows[0], "     #");
	assert_string_equal(rows[1], " ..###");
	lkm_graph_row(v, 6, 6, 8, 2, 0, true, rows[0], sizeof(rows[0]));
	lkm_graph_row(v, 6, 6, 8, 2, 1, true, rows[1], sizeof(rows[1]));
	assert_string_equal(rows[0], "     \u2588");
	assert_string_equal(rows[1], " \u2581\u2582\u2584\u2588\u2588");
	/* Three columns for six seconds: the higher of each pair. */
	lkm_graph_row(v, 6, 3, 8, 1, 0, false, rows[0], sizeof(rows[0]));
	assert_string_equal(rows[0], "..#");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kernel_order_by_default,
						setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_sort, setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_cursor_follows_item, setup_modules,
						teardown),
		cmocka_unit_test_setup_teardown(test_refresh_marks_and_cursor,
						setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_scroll, setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_tree, setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_tree_cycle_and_duplicates,
						setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_tree_only_for_modules, setup_irqs,
						teardown),
		cmocka_unit_test_setup_teardown(test_irq_groups, setup_irqs, teardown),
		cmocka_unit_test_setup_teardown(test_irq_rates_sort, setup_irqs,
						teardown),
		cmocka_unit_test_setup_teardown(test_cpu_scroll, setup_irqs, teardown),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test_setup_teardown(test_dispatch, setup_modules, teardown),
		cmocka_unit_test_setup_teardown(test_split, setup_modules, teardown),
		cmocka_unit_test(test_kmsg_line_from),
		cmocka_unit_test(test_kmsg_follow),
		cmocka_unit_test(test_tabs_and_interval_steps),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_new_keys),
		cmocka_unit_test(test_fix_req),
		cmocka_unit_test(test_fix_req_long),
		cmocka_unit_test(test_req_words),
		cmocka_unit_test(test_scroll_widget),
		cmocka_unit_test(test_item_keys),
		cmocka_unit_test(test_stack),
		cmocka_unit_test(test_diag_scroll_clamped),
		cmocka_unit_test_setup_teardown(test_help_from_keys, setup_modules,
						teardown),
		cmocka_unit_test(test_keysets_and_hints),
		cmocka_unit_test(test_detail),
		cmocka_unit_test(test_detail_terms),
		cmocka_unit_test(test_teach_reads_fields),
		cmocka_unit_test(test_teach_row),
		cmocka_unit_test(test_actions_unavailable),
		cmocka_unit_test(test_load_form),
		cmocka_unit_test(test_human_bytes),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_net_history),
		cmocka_unit_test(test_sparkline),
		cmocka_unit_test(test_graph_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
