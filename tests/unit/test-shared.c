// SPDX-License-Identifier: GPL-2.0-or-later
/* The string buffer, the string vector and the growing array (src/shared/). */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "testutil.h"

#include "shared/array.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

static void test_strbuf_join(void **state)
{
	char buf[32];
	struct lkm_strbuf sb;

	(void)state;
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	assert_string_equal(buf, "");
	for (int i = 1; i <= 3; i++) {
		assert_true(lkm_strbuf_sep(&sb, ", "));
		assert_true(lkm_strbuf_addf(&sb, "m%d", i));
	}
	assert_true(lkm_strbuf_add(&sb, "!"));
	assert_string_equal(buf, "m1, m2, m3!");
	assert_int_equal(sb.len, strlen(buf));
	assert_false(sb.truncated);
}

/* What does not fit is cut, the cut is reported, and nothing is appended after it. */
static void test_strbuf_truncates(void **state)
{
	char buf[8];
	struct lkm_strbuf sb;

	(void)state;
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	assert_true(lkm_strbuf_add(&sb, "abc"));
	assert_false(lkm_strbuf_add(&sb, "defghij"));
	assert_true(sb.truncated);
	assert_string_equal(buf, "abcdefg");
	assert_int_equal(sb.len, 7);
	assert_false(lkm_strbuf_add(&sb, "x"));
	assert_false(lkm_strbuf_sep(&sb, ","));
	assert_string_equal(buf, "abcdefg");
}

/* A cut never leaves half of a UTF-8 character ("ü" is two bytes, "€" three). */
static void test_strbuf_cuts_whole_characters(void **state)
{
	char buf[6];
	struct lkm_strbuf sb;

	(void)state;
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	assert_false(lkm_strbuf_add(&sb, "abcd\xc3\xbc"));
	assert_string_equal(buf, "abcd");
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	assert_false(lkm_strbuf_add(&sb, "ab\xe2\x82\xac\xe2\x82\xac"));
	assert_string_equal(buf, "ab\xe2\x82\xac");
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	assert_true(lkm_strbuf_add(&sb, "a"));
	assert_false(lkm_strbuf_add(&sb, "b\xe2\x82\xac\xe2\x82\xac"));
	assert_string_equal(buf, "ab\xe2\x82\xac");
}

static void test_strbuf_size_zero(void **state)
{
	struct lkm_strbuf sb;

	(void)state;
	lkm_strbuf_init(&sb, NULL, 0);
	assert_true(sb.truncated);
	assert_false(lkm_strbuf_add(&sb, "x"));
}

static void test_strv_build(void **state)
{
	char **v = NULL;
	size_t n = 0;

	(void)state;
	/* Past several growths, and NULL-terminated after each append. */
	for (int i = 0; i < 40; i++) {
		assert_true(lkm_strv_addf(&v, &n, "s%02d", 39 - i));
		assert_null(v[n]);
	}
	assert_int_equal(lkm_strv_addn(&v, &n, "s05 and more", 3), 0);
	assert_int_equal(lkm_strv_add_unique(&v, &n, "s07"), 0);
	assert_int_equal(n, 41);
	assert_int_equal(lkm_strv_add_unique(&v, &n, "zz"), 0);
	assert_int_equal(n, 42);
	lkm_strv_sort_unique(v, &n);
	assert_int_equal(n, 41);
	assert_null(v[n]);
	assert_string_equal(v[0], "s00");
	assert_string_equal(v[5], "s05");
	assert_string_equal(v[6], "s06");
	assert_string_equal(v[40], "zz");
	assert_true(lkm_strv_sorted_has(v, n, "s39"));
	assert_false(lkm_strv_sorted_has(v, n, "s40"));
	lkm_strv_freev(v);
}

static void test_strv_empty(void **state)
{
	char **v = NULL;
	size_t n = 0;

	(void)state;
	lkm_strv_sort_unique(v, &n);
	assert_false(lkm_strv_sorted_has(v, n, "x"));
	assert_int_equal(lkm_strv_ensure(&v), 0);
	assert_non_null(v);
	assert_null(v[0]);
	lkm_strv_free(v, n);
	lkm_strv_freev(NULL);
}

struct pair {
	int a;
	long b;
};

/* A thousand appends keep every element; the capacity only doubles. */
static void test_array_appends(void **state)
{
	struct pair *v = NULL;
	size_t n = 0, cap = 0, grown = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		size_t before = cap;

		assert_int_equal(lkm_array_room(v, n, cap), 0);
		assert_true(cap > n);
		if (cap != before) {
			assert_true(before == 0 || cap == 2 * before);
			grown++;
		}
		v[n++] = (struct pair){ i, -i };
	}
	for (int i = 0; i < 1000; i++)
		assert_true(v[i].a == i && v[i].b == -i);
	assert_true(grown <= 7); /* 16 to 1024 */
	free(v);
}

/* Room for many at once; asking for less than there is changes nothing; a size that
 * overflows is -ENOMEM and leaves the array as it was. */
static void test_array_reserve(void **state)
{
	int *v = NULL, *kept;
	size_t cap = 0;

	(void)state;
	assert_int_equal(lkm_array_reserve(&v, &cap, 100, sizeof(*v)), 0);
	assert_int_equal(cap, 128);
	v[99] = 7;
	kept = v;
	assert_int_equal(lkm_array_reserve(&v, &cap, 50, sizeof(*v)), 0);
	assert_ptr_equal(v, kept);
	assert_int_equal(cap, 128);
	assert_int_equal(lkm_array_reserve(&v, &cap, SIZE_MAX / 2, sizeof(*v)), -ENOMEM);
	assert_int_equal(lkm_array_reserve(&v, &cap, SIZE_MAX, 1), -ENOMEM);
	assert_ptr_equal(v, kept);
	assert_int_equal(cap, 128);
	assert_int_equal(v[99], 7);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf_join),
		cmocka_unit_test(test_strbuf_truncates),
		cmocka_unit_test(test_strbuf_cuts_whole_characters),
		cmocka_unit_test(test_strbuf_size_zero),
		cmocka_unit_test(test_strv_build),
		cmocka_unit_test(test_strv_empty),
		cmocka_unit_test(test_array_appends),
		cmocka_unit_test(test_array_reserve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
