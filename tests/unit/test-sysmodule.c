// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "model/sysmodule.h"

static struct lkm_sysroot *open_root(const char *dir)
{
	struct lkm_sysroot *root;

	assert_int_equal(lkm_sysroot_new(dir, &root), 0);
	return root;
}

static void test_debian61_fat(void **state)
{
	struct lkm_sysroot *root = open_root(FIXTURES "/debian61");
	struct lkm_sysmodule sm;

	(void)state;
	assert_int_equal(lkm_sysmodule_read(root, "fat", &sm), 0);
	assert_true(sm.present);
	assert_string_equal(sm.initstate, "live");
	assert_true(sm.has_refcnt);
	assert_int_equal(sm.refcnt, 2);
	assert_int_equal(sm.n_holders, 2);
	assert_string_equal(sm.holders[0], "msdos"); /* sorted */
	assert_string_equal(sm.holders[1], "vfat");
	assert_true(sm.has_coresize);
	assert_int_equal(sm.coresize, 90112);
	assert_string_equal(sm.taint, "");
	assert_null(sm.version);
	assert_int_equal(sm.n_params, 0);
	lkm_sysmodule_release(&sm);
	lkm_sysroot_free(root);
}

static void test_debian61_params(void **state)
{
	struct lkm_sysroot *root = open_root(FIXTURES "/debian61");
	struct lkm_sysmodule sm;
	const struct lkm_sysparam *p;

	(void)state;
	/* '-' in the name finds the '_' directory, as the kernel names it. */
	assert_int_equal(lkm_sysmodule_read(root, "ne2k-pci", &sm), 0);
	assert_true(sm.present);
	assert_string_equal(sm.version, "1.03");
	assert_string_equal(sm.srcversion, "6A10E095943AEECF09B0FE7");
	assert_int_equal(sm.n_params, 1);
	assert_string_equal(sm.params[0].name, "msg_enable");
	assert_string_equal(sm.params[0].value, "0");
	lkm_sysmodule_release(&sm);

	assert_int_equal(lkm_sysmodule_read(root, "demo_ne", &sm), 0);
	assert_string_equal(sm.taint, "OE");
	assert_int_equal(sm.n_params, 8);
	p = lkm_sysmodule_param(&sm, "io");
	assert_non_null(p);
	assert_string_equal(p->value, "768");
	assert_string_equal(lkm_sysmodule_param(&sm, "irq")->value, "11");
	assert_string_equal(lkm_sysmodule_param(&sm, "media")->value, "");
	assert_string_equal(sm.params[0].name, "exit_delay_ms");
	assert_null(lkm_sysmodule_param(&sm, "bogus"));
	lkm_sysmodule_release(&sm);
	lkm_sysroot_free(root);
}

static void test_absent_and_partial(void **state)
{
	struct lkm_sysroot *root = open_root(FIXTURES "/linux24");
	struct lkm_sysmodule sm;

	(void)state;
	/* A 2.4 system (or a container) has no /sys/module: a state, not an error. */
	assert_int_equal(lkm_sysmodule_read(root, "fat", &sm), 0);
	assert_false(sm.present);
	lkm_sysmodule_release(&sm);
	lkm_sysroot_free(root);

	root = open_root(REALDATA "/kmod/e6307200-show-depends");
	assert_int_equal(lkm_sysmodule_read(root, "bluetooth", &sm), 0);
	assert_true(sm.present);
	assert_int_equal(sm.refcnt, 1);
	assert_int_equal(sm.coresize, 173424);
	assert_int_equal(sm.n_params, 5);
	assert_string_equal(sm.params[0].name, "disable_ertm");
	assert_string_equal(sm.params[0].value, "N");
	assert_int_equal(sm.n_holders, 1);
	assert_string_equal(sm.holders[0], "btusb");
	lkm_sysmodule_release(&sm);

	/* "../x" must not escape /sys/module: it is simply not there. */
	assert_int_equal(lkm_sysmodule_read(root, "../../proc", &sm), 0);
	assert_false(sm.present);
	lkm_sysmodule_release(&sm);
	assert_int_equal(lkm_sysmodule_read(root, "..", &sm), 0);
	assert_false(sm.present);
	lkm_sysmodule_release(&sm);
	lkm_sysroot_free(root);
}

/* Writability comes from the file's mode, which git does not keep: make a tree here. */
static void test_writable_from_mode(void **state)
{
	char dir[] = "/tmp/lkmtui-sysmod.XXXXXX";
	char path[256];
	struct lkm_sysroot *root;
	struct lkm_sysmodule sm;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	test_mkdirs(dir, "sys/module/demo_ne/parameters");
	snprintf(path, sizeof(path), "%s/sys/module/demo_ne/parameters/irq", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	assert_true(write(fd, "11\n", 3) == 3);
	close(fd);
	snprintf(path, sizeof(path), "%s/sys/module/demo_ne/parameters/io", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0444);
	assert_true(write(fd, "768\n", 4) == 4);
	close(fd);

	root = open_root(dir);
	assert_int_equal(lkm_sysmodule_read(root, "demo_ne", &sm), 0);
	assert_int_equal(sm.n_params, 2);
	assert_string_equal(sm.params[0].name, "io");
	assert_false(sm.params[0].writable);
	assert_int_equal(sm.params[0].mode, 0444);
	assert_string_equal(sm.params[1].name, "irq");
	assert_true(sm.params[1].writable);
	assert_int_equal(sm.params[1].mode, 0644);
	assert_null(sm.initstate);
	assert_false(sm.has_refcnt);
	lkm_sysmodule_release(&sm);
	lkm_sysroot_free(root);

	snprintf(path, sizeof(path), "%s/sys/module/demo_ne/parameters/io", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sys/module/demo_ne/parameters/irq", dir);
	unlink(path);
	for (int i = 0; i < 4; i++) {
		static const char *const dirs[] = { "sys/module/demo_ne/parameters",
						    "sys/module/demo_ne", "sys/module",
						    "sys" };

		snprintf(path, sizeof(path), "%s/%s", dir, dirs[i]);
		rmdir(path);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debian61_fat),
		cmocka_unit_test(test_debian61_params),
		cmocka_unit_test(test_absent_and_partial),
		cmocka_unit_test(test_writable_from_mode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
