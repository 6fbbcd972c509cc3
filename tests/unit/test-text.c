// SPDX-License-Identifier: GPL-2.0-or-later
/* How steps, results and module terms read, and where a paragraph breaks (core/text.c).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include "testutil.h"

#include "core/text.h"

static const char *step(const struct lkm_step *s, unsigned flags)
{
	static char buf[256];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	lkm_text_step(&sb, s, flags);
	assert_false(sb.truncated);
	return buf;
}

static void test_steps(void **state)
{
	struct lkm_step ins = { .kind = LKM_STEP_INSERT,
				.module = "fat",
				.path = "/lib/modules/R/fat.ko",
				.params = "codepage=437",
				.note = "dependency of msdos",
				.done = true };
	struct lkm_step rm = { .kind = LKM_STEP_REMOVE, .module = "fat", .err = -EBUSY };
	struct lkm_step cmd = { .kind = LKM_STEP_COMMAND,
				.command = "/bin/true",
				.params = "io=0x300" };
	struct lkm_step set = { .kind = LKM_STEP_WRITE_PARAM,
				.module = "ne",
				.params = "irq=7",
				.done = true };
	struct lkm_step persist = { .kind = LKM_STEP_PERSIST,
				    .module = "ne",
				    .path = "/etc/modprobe.d/lkmtui.conf" };
	struct lkm_step skip = { .kind = LKM_STEP_SKIP_LOADED, .module = "fat" };

	(void)state;
	assert_string_equal(step(&ins, 0),
			    "inserted fat with codepage=437 (dependency of msdos)");
	assert_string_equal(step(&ins, LKM_STEP_TEXT_DRY_RUN),
			    "insert fat with codepage=437 (dependency of msdos)");
	assert_string_equal(step(&ins, LKM_STEP_TEXT_PATH),
			    "inserted fat from /lib/modules/R/fat.ko with codepage=437 "
			    "(dependency of msdos)");
	assert_string_equal(step(&rm, 0), "remove fat: failed, EBUSY");
	assert_string_equal(step(&cmd, 0), "not run: /bin/true io=0x300");
	assert_string_equal(step(&set, 0), "wrote irq=7 to /sys/module/ne/parameters");
	assert_string_equal(step(&set, LKM_STEP_TEXT_DRY_RUN),
			    "write irq=7 to /sys/module/ne/parameters");
	assert_string_equal(step(&persist, 0),
			    "save the options of ne in /etc/modprobe.d/lkmtui.conf");
	assert_string_equal(step(&skip, 0), "fat is already loaded");
}

static void test_done(void **state)
{
	struct lkm_step steps[] = {
		{ .kind = LKM_STEP_SKIP_LOADED, .module = "nls_cp437" },
		{ .kind = LKM_STEP_INSERT, .module = "fat", .done = true },
		{ .kind = LKM_STEP_INSERT, .module = "msdos", .done = true },
		{ .kind = LKM_STEP_PERSIST,
		  .module = "msdos",
		  .path = "/x.conf",
		  .done = true },
		{ .kind = LKM_STEP_INSERT, .module = "vfat", .err = -ENOEXEC },
	};
	struct lkm_result res = { .op = LKM_OP_LOAD, .steps = steps, .n_steps = 5 };
	char buf[256];
	struct lkm_strbuf sb;

	(void)state;
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	lkm_text_done_steps(&sb, &res);
	assert_string_equal(
		buf,
		"inserted fat; inserted msdos; saved the options of msdos in /x.conf");
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	lkm_text_done_list(&sb, &res);
	assert_string_equal(buf, "fat, msdos");
}

/* T[0..N) is WANT, whole: field, value and key of each term. */
static void check_terms(const struct lkm_term *t, size_t n, const char *const (*want)[3],
			size_t n_want)
{
	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(t[i].field, want[i][0]);
		assert_string_equal(t[i].value, want[i][1]);
		assert_string_equal(t[i].key, want[i][2]);
	}
}

static void test_module_terms(void **state)
{
	char text[] = "fat 86016 2 msdos,vfat, Live 0x0000000000000000 (OE)\n";
	static const char *const want[][3] = {
		{ "state", "Live", "live" },
		{ "use count", "2", "use-count" },
		{ "used by", "msdos, vfat", "used-by" },
		{ "flags", "[permanent]", "permanent" },
		{ "taints", "O", "taint-O" },
		{ "taints", "E", "taint-E" },
	};
	/* The flags read autoclean before unused, as the screens always showed them. */
	static const char *const want_24[][3] = {
		{ "state", "Live", "live" },
		{ "use count", "2", "use-count" },
		{ "used by", "msdos, vfat", "used-by" },
		{ "flags", "(autoclean)", "autoclean" },
		{ "flags", "(unused)", "unused" },
		{ "taints", "O", "taint-O" },
		{ "taints", "E", "taint-E" },
	};
	struct lkm_modules mods = { 0 };
	struct lkm_term t[LKM_TEXT_MAX_TERMS];
	size_t n;

	(void)state;
	assert_int_equal(lkm_modules_parse(&mods, text), 0);
	assert_int_equal(mods.n, 1);
	mods.v[0].flags = LKM_MODFLAG_PERMANENT;
	n = lkm_text_module_terms(&mods.v[0], ", ", t, LKM_TEXT_MAX_TERMS);
	check_terms(t, n, want, sizeof(want) / sizeof(want[0]));
	mods.v[0].flags = LKM_MODFLAG_UNUSED | LKM_MODFLAG_AUTOCLEAN;
	n = lkm_text_module_terms(&mods.v[0], ", ", t, LKM_TEXT_MAX_TERMS);
	check_terms(t, n, want_24, sizeof(want_24) / sizeof(want_24[0]));
	/* A full OUT stops the list; nothing is written past MAX. */
	assert_int_equal(lkm_text_module_terms(&mods.v[0], ",", t, 3), 3);
	assert_string_equal(t[2].value, "msdos,vfat");
	lkm_modules_release(&mods);
}

static void test_wrap(void **state)
{
	const char *text = "one two three  four abcdefghijkl", *p = text, *next;
	const char *want[] = { "one two", "three", "four", "abcdefgh", "ijkl" };
	size_t i = 0;

	(void)state;
	for (; *p; p = next, i++) {
		size_t len = lkm_text_wrap(p, 8, &next);

		assert_true(i < sizeof(want) / sizeof(want[0]));
		assert_int_equal(len, strlen(want[i]));
		assert_memory_equal(p, want[i], len);
	}
	assert_int_equal(i, sizeof(want) / sizeof(want[0]));
}

/* The TUI's break rule, which its screens were made with: a word that ends right at the
 * width fits (the space after it is the break), even after a double space; a line
 * never starts empty; width 0 still moves on. */
static void test_wrap_edges(void **state)
{
	const char *next;

	(void)state;
	assert_int_equal(lkm_text_wrap("the quick brown", 9, &next), 9);
	assert_string_equal(next, "brown");
	assert_int_equal(lkm_text_wrap("the quick  brown fox", 10, &next), 9);
	assert_string_equal(next, "brown fox");
	assert_int_equal(lkm_text_wrap("brown fox", 10, &next), 9);
	assert_string_equal(next, "");
	assert_int_equal(lkm_text_wrap(" abcdefghijkl", 5, &next), 5);
	assert_string_equal(next, "efghijkl");
	assert_int_equal(lkm_text_wrap("short", 80, &next), 5);
	assert_string_equal(next, "");
	assert_int_equal(lkm_text_wrap("ab", 0, &next), 1);
	assert_string_equal(next, "b");
}

/* Lines hold columns, not bytes: "ö" is two bytes and one column in UTF-8, and a line
 * cut without a space is cut between two characters, never inside one. */
static void test_wrap_columns(void **state)
{
	const char *next;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		skip();
		return;
	}
	assert_int_equal(lkm_text_wrap("Größe über alles", 5, &next), strlen("Größe"));
	assert_string_equal(next, "über alles");
	assert_int_equal(lkm_text_wrap("Größe über alles", 10, &next),
			 strlen("Größe über"));
	assert_int_equal(lkm_text_wrap("äöüäöü", 4, &next), strlen("äöüä"));
	assert_string_equal(next, "öü");
	/* A character wider than the line goes alone rather than never. */
	assert_int_equal(lkm_text_wrap("\xe6\x97\xa5x", 1, &next), 3);
	assert_string_equal(next, "x");
	/* A byte that starts no character counts as one column. */
	assert_int_equal(lkm_text_wrap("\xff\xfe ab", 2, &next), 2);
	assert_string_equal(next, "ab");
	setlocale(LC_CTYPE, "C");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps),	     cmocka_unit_test(test_done),
		cmocka_unit_test(test_module_terms), cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_edges),   cmocka_unit_test(test_wrap_columns),
	};

	/* The texts compared are the English ones. */
	setenv("LANGUAGE", "C", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
