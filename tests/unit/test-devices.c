// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/devices on real captures and malformed files. Expected values were read from the
 * files themselves.
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
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#include "model/devices.h"
#include "model/sysroot.h"

TEST_PARSED(struct lkm_devices, lkm_devices_parse, lkm_devices_release)

static void check_dev(const struct lkm_devices *devs, size_t i, enum lkm_device_kind kind,
		      unsigned major, const char *name)
{
	assert_true(i < devs->n);
	assert_int_equal(devs->v[i].kind, kind);
	assert_int_equal(devs->v[i].major, major);
	assert_string_equal(devs->v[i].name, name);
}

static size_t count_kind(const struct lkm_devices *devs, enum lkm_device_kind kind,
			 const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < devs->n; i++)
		if (devs->v[i].kind == kind &&
		    (name == NULL || strcmp(devs->v[i].name, name) == 0))
			n++;
	return n;
}

static void check_jc(const struct lkm_devices *devs)
{
	/* 42 character and 22 block lines, around a blank line. */
	assert_int_equal(devs->n, 64);
	assert_int_equal(devs->skipped, 0);
	assert_int_equal(count_kind(devs, LKM_DEV_CHAR, NULL), 42);
	assert_int_equal(count_kind(devs, LKM_DEV_BLOCK, NULL), 22);
	check_dev(devs, 0, LKM_DEV_CHAR, 1, "mem");
	/* Repeated majors, names with '/'. */
	check_dev(devs, 1, LKM_DEV_CHAR, 4, "/dev/vc/0");
	check_dev(devs, 2, LKM_DEV_CHAR, 4, "tty");
	check_dev(devs, 3, LKM_DEV_CHAR, 4, "ttyS");
	check_dev(devs, 4, LKM_DEV_CHAR, 5, "/dev/tty");
	check_dev(devs, 7, LKM_DEV_CHAR, 5, "ttyprintk");
	check_dev(devs, 11, LKM_DEV_CHAR, 14, "sound/midi");
	check_dev(devs, 12, LKM_DEV_CHAR, 14, "sound/dmmidi");
	check_dev(devs, 29, LKM_DEV_CHAR, 242, "BaseRemoteCtl");
	check_dev(devs, 41, LKM_DEV_CHAR, 254, "gpiochip");
	check_dev(devs, 42, LKM_DEV_BLOCK, 7, "loop");
	check_dev(devs, 43, LKM_DEV_BLOCK, 8, "sd");
	assert_int_equal(count_kind(devs, LKM_DEV_BLOCK, "sd"), 16);
	check_dev(devs, 61, LKM_DEV_BLOCK, 253, "device-mapper");
	check_dev(devs, 63, LKM_DEV_BLOCK, 259, "blkext");
}

static void test_jc(void **state)
{
	check_jc(parsed(state, REALDATA, "jc/devices", -1, -1));
}

static void test_sysstat(void **state)
{
	struct lkm_devices devs = { 0 };
	char *text = test_load(REALDATA, "sysstat/devices-root6");

	(void)state;
	assert_int_equal(lkm_devices_parse(&devs, text), 0);
	assert_int_equal(devs.n, 64);
	assert_int_equal(devs.skipped, 0);
	assert_int_equal(count_kind(&devs, LKM_DEV_CHAR, NULL), 42);
	assert_int_equal(count_kind(&devs, LKM_DEV_BLOCK, NULL), 22);
	check_dev(&devs, 21, LKM_DEV_CHAR, 202, "cpu/msr");
	check_dev(&devs, 22, LKM_DEV_CHAR, 203, "cpu/cpuid");
	check_dev(&devs, 35, LKM_DEV_CHAR, 248, "BaseRemoteCtl");
	check_dev(&devs, 42, LKM_DEV_BLOCK, 8, "sd");
	check_dev(&devs, 60, LKM_DEV_BLOCK, 202, "xvd");
	check_dev(&devs, 63, LKM_DEV_BLOCK, 259, "blkext");
	lkm_devices_release(&devs);
	free(text);
}

static void test_reuse(void **state)
{
	struct lkm_devices devs = { 0 };
	char *a = test_load(REALDATA, "jc/devices");
	char *b = test_load(REALDATA, "sysstat/devices-root6");
	char *c = test_load(REALDATA, "jc/devices");
	const void *v;

	(void)state;
	assert_int_equal(lkm_devices_parse(&devs, a), 0);
	check_jc(&devs);
	v = devs.v;
	assert_int_equal(lkm_devices_parse(&devs, b), 0);
	check_dev(&devs, 60, LKM_DEV_BLOCK, 202, "xvd");
	assert_int_equal(lkm_devices_parse(&devs, c), 0);
	check_jc(&devs);
	assert_ptr_equal(devs.v, v);
	lkm_devices_release(&devs);
	lkm_devices_release(&devs);
	free(a);
	free(b);
	free(c);
}

static void test_read_under_root(void **state)
{
	struct test_root t;
	struct lkm_devices devs = { 0 };
	struct lkm_sysroot *root;
	char *text = test_load(REALDATA, "jc/devices");

	(void)state;
	test_root_make(&t, "proc/devices");
	assert_int_equal(lkm_sysroot_new(t.dir, &root), 0);
	assert_int_equal(lkm_devices_read(&devs, root), -ENOENT);
	test_root_write(&t, text);
	assert_int_equal(lkm_devices_read(&devs, root), 0);
	check_jc(&devs);
	assert_int_equal(lkm_devices_read(&devs, root), 0);
	check_jc(&devs);

	lkm_devices_release(&devs);
	lkm_sysroot_free(root);
	test_root_remove(&t);
	free(text);
}

static void test_not_devices(void **state)
{
	static const char *const files[] = {
		"malformed/devices-empty",
		"malformed/devices-noheader",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct lkm_devices devs = { 0 };
		char *text = test_load(FIXTURES, files[i]);

		assert_int_equal(lkm_devices_parse(&devs, text), -EINVAL);
		assert_int_equal(devs.n, 0);
		lkm_devices_release(&devs);
		free(text);
	}
	{
		struct lkm_devices devs = { 0 };

		assert_int_equal(lkm_devices_parse(&devs, NULL), -EINVAL);
		assert_int_equal(
			lkm_devices_parse(&devs, (char[]){ "Misc devices:\n 1 x\n" }),
			-EINVAL);
		lkm_devices_release(&devs);
	}
}

static void test_garbage(void **state)
{
	/*
	 * Skipped: "5" with no name, "abc def", a major over 64 bits, one over 32 bits,
	 * the unknown "Misc devices:" header and the line under it.
	 */
	struct lkm_devices *devs =
		parsed(state, FIXTURES, "malformed/devices-garbage", 6, 6);

	check_dev(devs, 0, LKM_DEV_CHAR, 1, "mem");
	check_dev(devs, 1, LKM_DEV_CHAR, 4, "/dev/vc/0");
	check_dev(devs, 2, LKM_DEV_CHAR, 10, "caf\xc3\xa9");
	check_dev(devs, 3, LKM_DEV_CHAR, 11, "\xff\xfe\x80"); /* bytes kept as they are */
	check_dev(devs, 4, LKM_DEV_BLOCK, 8, "sd");
	check_dev(devs, 5, LKM_DEV_BLOCK, 259, "blk"); /* last line, no newline */
}

static void test_truncated(void **state)
{
	struct lkm_devices *devs =
		parsed(state, FIXTURES, "malformed/devices-truncated", 3, 0);

	check_dev(devs, 2, LKM_DEV_CHAR, 4, "tt");
	assert_int_equal(count_kind(devs, LKM_DEV_BLOCK, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_jc, parsed_setup, parsed_teardown),
		cmocka_unit_test_setup_teardown(test_sysstat, parsed_setup,
						parsed_teardown),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_read_under_root),
		cmocka_unit_test(test_not_devices),
		cmocka_unit_test_setup_teardown(test_garbage, parsed_setup,
						parsed_teardown),
		cmocka_unit_test_setup_teardown(test_truncated, parsed_setup,
						parsed_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
