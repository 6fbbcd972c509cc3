// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include "testutil.h"

#include "model/scan.h"

static void test_lines_and_tokens(void **state)
{
	char *text = test_text("  a  bb\tccc \r\n\nlast");
	char *p = text, *line, *q;

	(void)state;
	line = lkm_scan_line(&p);
	assert_string_equal(line, "  a  bb\tccc ");
	q = line;
	assert_string_equal(lkm_scan_token(&q), "a");
	assert_string_equal(lkm_scan_token(&q), "bb");
	assert_string_equal(lkm_scan_token(&q), "ccc");
	assert_null(lkm_scan_token(&q));
	assert_string_equal(lkm_scan_line(&p), "");
	assert_string_equal(lkm_scan_line(&p), "last");
	assert_null(lkm_scan_line(&p));
	free(text);
}

static void test_numbers(void **state)
{
	char *text = test_text(
		"18446744073709551615 18446744073709551616 -9223372036854775808 x");
	char *p = text;
	uint64_t u;
	int64_t i;

	(void)state;
	assert_true(lkm_scan_u64(&p, &u));
	assert_true(u == UINT64_MAX);
	p = lkm_scan_blank(p);
	assert_false(lkm_scan_u64(&p, &u)); /* one past the top: overflow, not wrap */
	assert_int_equal(*p, ' ');
	p = lkm_scan_blank(p);
	assert_true(lkm_scan_i64(&p, &i));
	assert_true(i == INT64_MIN);
	p = lkm_scan_blank(p);
	assert_false(lkm_scan_u64(&p, &u));
	assert_int_equal(*p, 'x');
	free(text);
}

static void test_trim(void **state)
{
	char *text = test_text("  IO-APIC   2-edge      timer  \t");

	(void)state;
	assert_string_equal(lkm_scan_trim(text, text + strlen(text)),
			    "IO-APIC   2-edge      timer");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_and_tokens),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_trim),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
