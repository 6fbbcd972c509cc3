// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include "testutil.h"

#include "core/params.h"

static enum lkm_param_verdict check(const char *type, const char *value)
{
	char reason[256];

	return lkm_param_check_value(type, value, reason, sizeof(reason));
}

static void test_split(void **state)
{
	char name[64], reason[256];
	const char *value;

	(void)state;
	assert_int_equal(lkm_param_split("io=0x300", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_OK);
	assert_string_equal(name, "io");
	assert_string_equal(value, "0x300");
	assert_int_equal(lkm_param_split("verbose", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_OK);
	assert_null(value);
	assert_int_equal(lkm_param_split("name=a=b", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_OK);
	assert_string_equal(value, "a=b");
	assert_int_equal(
		lkm_param_split("=3", name, sizeof(name), &value, reason, sizeof(reason)),
		LKM_PARAM_MALFORMED);
	assert_string_equal(reason, "'=3' has no parameter name before '='");
	assert_int_equal(lkm_param_split("a b=1", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_MALFORMED);
	assert_int_equal(lkm_param_split("name=a\"b", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_MALFORMED);
	assert_string_equal(reason,
			    "the value of name holds a double quote, which the kernel "
			    "cannot be given");
	assert_int_equal(lkm_param_split("name=a\nb", name, sizeof(name), &value, reason,
					 sizeof(reason)),
			 LKM_PARAM_MALFORMED);
}

static void test_numbers(void **state)
{
	char reason[256];

	(void)state;
	/* The seed's example: io=0x300 irq=11. */
	assert_int_equal(check("ulong", "0x300"), LKM_PARAM_OK);
	assert_int_equal(check("int", "11"), LKM_PARAM_OK);
	assert_int_equal(check("int", "-11"), LKM_PARAM_OK);
	assert_int_equal(check("int", "0777"), LKM_PARAM_OK);
	assert_int_equal(check("int", "08"),
			 LKM_PARAM_INVALID); /* octal, as the kernel reads */
	assert_int_equal(check("int", "2147483647"), LKM_PARAM_OK);
	assert_int_equal(check("int", "2147483648"), LKM_PARAM_INVALID);
	assert_int_equal(check("int", "-2147483648"), LKM_PARAM_OK);
	assert_int_equal(check("int", "-2147483649"), LKM_PARAM_INVALID);
	assert_int_equal(check("uint", "-1"), LKM_PARAM_INVALID);
	assert_int_equal(check("byte", "255"), LKM_PARAM_OK);
	assert_int_equal(check("byte", "256"), LKM_PARAM_INVALID);
	assert_int_equal(check("ullong", "18446744073709551615"), LKM_PARAM_OK);
	assert_int_equal(check("ullong", "18446744073709551616"), LKM_PARAM_INVALID);
	assert_int_equal(check("long", "-9223372036854775808"), LKM_PARAM_OK);
	assert_int_equal(check("int", ""), LKM_PARAM_INVALID);
	assert_int_equal(check("int", NULL), LKM_PARAM_INVALID);
	assert_int_equal(lkm_param_check_value("int", "eleven", reason, sizeof(reason)),
			 LKM_PARAM_INVALID);
	assert_string_equal(reason, "'eleven' is not a number (int)");
	assert_int_equal(lkm_param_check_value("ushort", "70000", reason, sizeof(reason)),
			 LKM_PARAM_INVALID);
	assert_string_equal(reason, "'70000' is out of range for ushort (0 to 65535)");
}

static void test_bool_charp_array_unknown(void **state)
{
	char reason[256];
	char big[1100];

	(void)state;
	assert_int_equal(check("bool", NULL), LKM_PARAM_OK);
	assert_int_equal(check("bool", "Y"), LKM_PARAM_OK);
	assert_int_equal(check("bool", "off"), LKM_PARAM_OK);
	assert_int_equal(check("invbool", "0"), LKM_PARAM_OK);
	assert_int_equal(check("bool", "maybe"), LKM_PARAM_INVALID);
	assert_int_equal(check("charp", "lab card"), LKM_PARAM_OK);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(check("charp", big), LKM_PARAM_INVALID);
	assert_int_equal(check("array of int", "1,2,-3"), LKM_PARAM_OK);
	assert_int_equal(
		lkm_param_check_value("array of int", "1,x,3", reason, sizeof(reason)),
		LKM_PARAM_INVALID);
	assert_string_equal(reason, "element 'x': 'x' is not a number (int)");
	assert_int_equal(check("ne2k_media", "whatever"), LKM_PARAM_OK);
}

static void test_append_and_names(void **state)
{
	char buf[32] = "";

	(void)state;
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "io", "0x300"), 0);
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "name", "lab card"), 0);
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "v", NULL), 0);
	assert_string_equal(buf, "io=0x300 name=\"lab card\" v");
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "toolong", "abcdefgh"),
			 -ENOSPC);
	assert_string_equal(buf, "io=0x300 name=\"lab card\" v");
	/* The last byte of BUF: one more character is refused whole, what fits is kept.
	 */
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "x", "123"), -ENOSPC);
	assert_string_equal(buf, "io=0x300 name=\"lab card\" v");
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "x", "12"), 0);
	assert_string_equal(buf, "io=0x300 name=\"lab card\" v x=12");
	assert_int_equal(lkm_param_append(buf, sizeof(buf), "y", NULL), -ENOSPC);
	assert_string_equal(buf, "io=0x300 name=\"lab card\" v x=12");
	assert_true(lkm_param_name_eq("full-duplex", "full_duplex"));
	assert_false(lkm_param_name_eq("irq", "irqs"));
}

/* What /sys shows against what a play or modprobe.d asks for, by the kernel's types. */
static void test_value_eq(void **state)
{
	(void)state;
	assert_true(lkm_param_value_eq("int", "768", "0x300"));
	assert_true(lkm_param_value_eq("int", "8", "010"));
	assert_false(lkm_param_value_eq("int", "768", "0x280"));
	assert_true(lkm_param_value_eq("bool", "Y", "1"));
	assert_true(lkm_param_value_eq("bool", "Y", "on"));
	assert_true(lkm_param_value_eq("bool", "Y", NULL));
	assert_true(lkm_param_value_eq("invbool", "N", "off"));
	assert_false(lkm_param_value_eq("bool", "N", "y"));
	assert_true(lkm_param_value_eq("array of int", "1,0x10", "1,16"));
	assert_false(lkm_param_value_eq("array of int", "1,2", "1"));
	assert_true(lkm_param_value_eq("charp", "lab card", "lab card"));
	assert_false(lkm_param_value_eq("charp", "010", "8"));
	/* Unknown type (no module file): numbers and booleans still compare as such. */
	assert_true(lkm_param_value_eq(NULL, "11", "0xb"));
	assert_true(lkm_param_value_eq(NULL, "N", "0"));
	assert_false(lkm_param_value_eq(NULL, "lab", "lab2"));
	assert_false(lkm_param_value_eq("int", NULL, "1"));
}

static void test_next(void **state)
{
	const char *pos = "  debug=2 name=\"a b\"\tv ";
	char buf[16];

	(void)state;
	assert_true(lkm_param_next(&pos, buf, sizeof(buf)));
	assert_string_equal(buf, "debug=2");
	assert_true(lkm_param_next(&pos, buf, sizeof(buf)));
	assert_string_equal(buf, "name=a b");
	assert_true(lkm_param_next(&pos, buf, sizeof(buf)));
	assert_string_equal(buf, "v");
	assert_false(lkm_param_next(&pos, buf, sizeof(buf)));
	pos = "waytoolongforthebuffer=1 ok=2";
	assert_true(lkm_param_next(&pos, buf, sizeof(buf)));
	assert_string_equal(buf, "ok=2");
}

/* Split once where they come in: names, values, what is wrong with each. */
static void test_parse_once(void **state)
{
	const char *args[] = { "io=0x300", "verbose", "=5", "irq-line=1", "irq_line=2" };
	struct lkm_params p;
	char reason[256];
	size_t bad = 99;

	(void)state;
	assert_int_equal(lkm_params_parse(args, 5, &p), 0);
	assert_int_equal(p.n, 5);
	assert_string_equal(p.v[0].name, "io");
	assert_string_equal(p.v[0].value, "0x300");
	assert_null(p.v[0].why);
	assert_string_equal(p.v[1].name, "verbose");
	assert_null(p.v[1].value);
	assert_ptr_equal(p.v[1].arg, args[1]);
	assert_string_equal(p.v[2].name, "");
	assert_string_equal(p.v[2].value, "5");
	assert_string_equal(p.v[2].why, "'=5' has no parameter name before '='");
	/* The first problem in order: the malformed word before the repeat. */
	assert_int_equal(lkm_params_check(&p, &bad, reason, sizeof(reason)),
			 LKM_PARAM_MALFORMED);
	assert_int_equal(bad, 2);
	lkm_params_release(&p);
	assert_int_equal(lkm_params_parse(args + 3, 2, &p), 0);
	assert_int_equal(lkm_params_check(&p, &bad, reason, sizeof(reason)),
			 LKM_PARAM_MALFORMED);
	assert_int_equal(bad, 1);
	assert_string_equal(reason,
			    "irq_line is given twice (irq-line=1, then irq_line=2): "
			    "the kernel would keep only the last; give each "
			    "parameter once");
	lkm_params_release(&p);
	assert_int_equal(lkm_params_parse(args, 2, &p), 0);
	assert_int_equal(lkm_params_check(&p, &bad, reason, sizeof(reason)),
			 LKM_PARAM_OK);
	lkm_params_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_bool_charp_array_unknown),
		cmocka_unit_test(test_append_and_names),
		cmocka_unit_test(test_value_eq),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_parse_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
