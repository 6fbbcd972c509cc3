// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "core/kmsg.h"
#include "model/modules.h"
#include "shared/strv.h"

static void test_parse_record(void **state)
{
	static const char rec[] =
		"3,1203,8123456,-;msdos: Unknown symbol fat_add_entries (err -2)\n";
	static const char esc[] =
		"4,9,1,-;demo_ne: `eleven\\x27 x\\x0ay\\xzz\n SUBSYSTEM=x\n";
	char *s;

	(void)state;
	s = lkm_kmsg_parse_record(rec, sizeof(rec) - 1);
	assert_string_equal(s, "msdos: Unknown symbol fat_add_entries (err -2)");
	free(s);
	s = lkm_kmsg_parse_record(esc, sizeof(esc) - 1);
	assert_string_equal(s, "demo_ne: `eleven' x\ny\\xzz");
	free(s);
	assert_null(lkm_kmsg_parse_record("no record here", 14));
}

/* A regular file stands in for /dev/kmsg: what was there before begin is not collected.
 */
static void test_collect_since_begin(void **state)
{
	char dir[] = "/tmp/lkmtui-kmsg.XXXXXX";
	char path[256];
	struct lkm_sysroot *root;
	struct lkm_kmsg k;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fd = test_kmsg_file(dir, "6,1,1,-;old line\n");
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);

	lkm_kmsg_begin(&k, root);
	assert_int_equal(k.err, 0);
	assert_true(write(fd, "3,2,2,-;fat: one\n SUBSYSTEM=x\n6,3,3,-;fat: two\n", 47) ==
		    47);
	assert_int_equal(lkm_kmsg_collect(&k), 0);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.lines[0], "fat: one");
	assert_string_equal(k.lines[1], "fat: two");
	lkm_kmsg_end(&k);
	close(fd);
	snprintf(path, sizeof(path), "%s/dev/kmsg", dir);
	unlink(path);
	lkm_sysroot_free(root);

	/* No /dev/kmsg (a fixture root, a container): a state, not a failure. */
	snprintf(path, sizeof(path), "%s/dev", dir);
	rmdir(path);
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);
	lkm_kmsg_begin(&k, root);
	assert_int_equal(k.err, -ENOENT);
	assert_int_equal(lkm_kmsg_collect(&k), 0);
	assert_int_equal(k.n, 0);
	lkm_kmsg_end(&k);
	lkm_sysroot_free(root);
	rmdir(dir);
}

static bool is_module(const char *name, void *data)
{
	static const char *const tree[] = { "kvm", "kvm_intel", "msdos",
					    "fat", "demo_fw",	"ne2k_pci" };

	(void)data;
	for (size_t i = 0; i < sizeof(tree) / sizeof(*tree); i++)
		if (lkm_module_name_eq(name, tree[i]))
			return true;
	return false;
}

/* Two loads at once (kvm_intel here, msdos and demo_fw elsewhere): each keeps its own. */
static void test_attribute(void **state)
{
	static const char *const lines[] = {
		"kvm: no hardware support for 'kvm_intel'",
		"msdos: Unknown symbol fat_add_entries (err -2)",
		"demo_fw demo_fw: Direct firmware load for lkmlab/demo_fw.bin failed "
		"with "
		"error -2",
		"firmware_class: See https://wiki.debian.org/Firmware for information "
		"about "
		"missing firmware",
		"kvm_intel: VMX not supported by CPU 0",
		"Lockdown: insmod: unsigned module loading is restricted; see man "
		"kernel_lockdown.7",
		"ne2k-pci 0000:00:03.0: eth0: NE2000 found",
	};
	static const char *const ours[] = { "kvm-intel" };
	struct lkm_kmsg k = { .fd = -1 };

	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++)
		assert_true(lkm_strv_addf(&k.lines, &k.n, "%s", lines[i]));
	assert_int_equal(lkm_kmsg_attribute(&k, ours, 1, is_module, NULL), 3);
	assert_int_equal(k.n, 4);
	assert_string_equal(k.lines[0], lines[0]);
	assert_string_equal(k.lines[1], lines[3]);
	assert_string_equal(k.lines[2], lines[4]);
	assert_string_equal(k.lines[3], lines[5]);
	lkm_kmsg_end(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_record),
		cmocka_unit_test(test_collect_since_begin),
		cmocka_unit_test(test_attribute),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
