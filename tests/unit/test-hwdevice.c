// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One device's sysfs files (src/model/hwdevice.c) and the names of pci.ids and usb.ids
 * (src/model/hwnames.c), on tests/fixtures/hardware and on malformed modaliases.
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

#include <cmocka.h>

#include "model/hwdevice.h"
#include "model/hwnames.h"
#include "model/sysroot.h"

static void check_ids(const char *modalias, const char *vendor, const char *device,
		      const char *class)
{
	struct lkm_hwids ids;

	lkm_hwids_from_modalias(modalias, &ids);
	assert_string_equal(ids.vendor, vendor);
	assert_string_equal(ids.device, device);
	assert_string_equal(ids.class, class);
}

static void test_modalias_ids(void **state)
{
	(void)state;
	/* The lab's RTL8139, as 6.1 shows it. */
	check_ids("pci:v000010ECd00008139sv00001AF4sd00001100bc02sc00i00", "10ec", "8139",
		  "020000");
	check_ids("usb:v0627p0001d0000dc00dsc00dp00ic03isc01ip02in00", "0627", "0001",
		  "030102");
	/* A USB device with vendor-specific interfaces has hex letters everywhere. */
	check_ids("usb:v8087p0A2Bd0001dcE0dsc01dp01icE0isc01ip01in00", "8087", "0a2b",
		  "e00101");
	check_ids("platform:pcspkr", "", "", "");
	check_ids("acpi:PNP0A08:PNP0A03:", "", "", "");
	check_ids(NULL, "", "", "");
	/* Cut short, or not hex where the form wants hex: no ids rather than wrong ones.
	 */
	check_ids("pci:v000010EC", "", "", "");
	check_ids("pci:v000010ECd0000813", "", "", "");
	check_ids("pci:vXXXX10ECd00008139sv00001AF4sd00001100bc02sc00i00", "", "", "");
	check_ids("pci:v000010ECd00008139sv00001AF4sd00001100bc02sc0", "10ec", "8139",
		  "");
	check_ids("pci:v000010ECd00008139sv00001AF4sd00001100bc02xx00i00", "10ec", "8139",
		  "");
	check_ids("usb:v0627", "", "", "");
	check_ids("usb:v0627p00G1d0000", "", "", "");
	check_ids("usb:v0627p0001d0000dc00dsc00dp00ic03", "0627", "0001", "");
	check_ids("pci:", "", "", "");
	check_ids("", "", "", "");
}

static struct lkm_sysroot *fixture(void)
{
	struct lkm_sysroot *root;

	assert_int_equal(lkm_sysroot_new(FIXTURES "/hardware", &root), 0);
	return root;
}

static void test_read_bound_module(void **state)
{
	struct lkm_sysroot *root = fixture();
	struct lkm_hwdev d;

	(void)state;
	assert_int_equal(lkm_hwdev_read(root, "pci", "0000:00:04.0", &d), 0);
	assert_string_equal(d.bus, "pci");
	assert_string_equal(d.address, "0000:00:04.0");
	assert_string_equal(d.modalias,
			    "pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00");
	assert_string_equal(d.driver, "e1000");
	assert_string_equal(d.module, "e1000");
	assert_false(d.dangling);
	assert_string_equal(d.ids.device, "100e");
	lkm_hwdev_release(&d);
	lkm_sysroot_free(root);
}

static void test_read_builtin_unbound_dangling(void **state)
{
	struct lkm_sysroot *root = fixture();
	struct lkm_hwdev d;

	(void)state;
	/* A driver with no module link: built into the kernel. */
	assert_int_equal(lkm_hwdev_read(root, "usb", "1-2:1.0", &d), 0);
	assert_string_equal(d.driver, "usbhid");
	assert_null(d.module);
	lkm_hwdev_release(&d);
	/* 6.12: a built-in driver's module link to a /sys/module directory with its
	 * parameters and no initstate (atkbd). */
	assert_int_equal(lkm_hwdev_read(root, "serio", "serio0", &d), 0);
	assert_string_equal(d.driver, "atkbd");
	assert_null(d.module);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "pci", "0000:00:03.0", &d), 0);
	assert_null(d.driver);
	assert_null(d.module);
	assert_false(d.dangling);
	lkm_hwdev_release(&d);
	/* A driver link left pointing at nothing: no driver, and said so. */
	assert_int_equal(lkm_hwdev_read(root, "pci", "0000:00:05.0", &d), 0);
	assert_null(d.driver);
	assert_true(d.dangling);
	lkm_hwdev_release(&d);
	/* No modalias file. */
	assert_int_equal(lkm_hwdev_read(root, "pci", "0000:00:07.0", &d), 0);
	assert_null(d.modalias);
	assert_string_equal(d.ids.vendor, "");
	lkm_hwdev_release(&d);
	/* A USB device (not an interface) has none either. */
	assert_int_equal(lkm_hwdev_read(root, "usb", "1-1", &d), 0);
	assert_null(d.modalias);
	lkm_hwdev_release(&d);
	lkm_sysroot_free(root);
}

static void test_read_bad_names(void **state)
{
	struct lkm_sysroot *root = fixture();
	struct lkm_hwdev d;

	(void)state;
	assert_int_equal(lkm_hwdev_read(root, "pci", "0000:00:09.0", &d), -ENOENT);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "nosuchbus", "x", &d), -ENOENT);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "pci", "../../../proc", &d), -EINVAL);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "pci", "..", &d), -EINVAL);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "pci", "", &d), -EINVAL);
	lkm_hwdev_release(&d);
	assert_int_equal(lkm_hwdev_read(root, "..", "pci", &d), -EINVAL);
	lkm_hwdev_release(&d);
	/* A file where a device directory should be. */
	assert_int_equal(lkm_hwdev_read(root, "pci", "../drivers_probe", &d), -EINVAL);
	lkm_hwdev_release(&d);
	lkm_sysroot_free(root);
}

static void ask(struct lkm_hwname *q, const char *modalias)
{
	memset(q, 0, sizeof(*q));
	lkm_hwids_from_modalias(modalias, &q->ids);
}

static void test_names(void **state)
{
	struct lkm_sysroot *root = fixture();
	struct lkm_hwname q[5];

	(void)state;
	ask(&q[0], "pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00");
	ask(&q[1], "pci:v000010ECd00008139sv00001AF4sd00001100bc02sc00i00");
	ask(&q[2], "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00");
	ask(&q[3], "pci:v0000ABCDd00000001sv00000000sd00000000bcFFsc00i00");
	ask(&q[4], "pci:v000010ECd00008029sv00001AF4sd00001100bc06sc04i00");
	assert_int_equal(lkm_hwnames_lookup(root, "/usr/share/misc/pci.ids", q, 5), 0);
	assert_string_equal(q[0].vendor, "Intel Corporation");
	assert_string_equal(q[0].device, "82540EM Gigabit Ethernet Controller");
	assert_string_equal(q[0].class, "Network controller");
	assert_string_equal(q[0].subclass, "Ethernet controller");
	assert_string_equal(q[1].device, "RTL-8100/8101L/8139 PCI Fast Ethernet Adapter");
	/* A vendor named without the device; nothing for ids the file does not have. */
	assert_string_equal(q[2].vendor, "Red Hat, Inc.");
	assert_null(q[2].device);
	assert_null(q[3].vendor);
	assert_null(q[3].class);
	/* A base class whose subclass is not listed. */
	assert_string_equal(q[4].class, "Bridge");
	assert_null(q[4].subclass);
	for (int i = 0; i < 5; i++)
		lkm_hwname_release(&q[i]);

	ask(&q[0], "usb:v0627p0001d0000dc00dsc00dp00ic03isc01ip02in00");
	ask(&q[1], "usb:v8087p0A2Bd0001dcE0dsc01dp01icE0isc01ip01in00");
	assert_int_equal(lkm_hwnames_lookup(root, "/usr/share/misc/usb.ids", q, 2), 0);
	assert_string_equal(q[0].vendor, "Adomax Technology Co., Ltd");
	assert_string_equal(q[0].device, "QEMU Tablet");
	assert_string_equal(q[0].class, "Human Interface Device");
	assert_string_equal(q[1].class, "Wireless");
	assert_string_equal(q[1].subclass, "Radio Frequency");
	for (int i = 0; i < 2; i++)
		lkm_hwname_release(&q[i]);

	/* No file: no names, no error. */
	ask(&q[0], "pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00");
	assert_int_equal(lkm_hwnames_lookup(root, "/usr/share/misc/none.ids", q, 1), 0);
	assert_null(q[0].vendor);
	lkm_sysroot_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modalias_ids),
		cmocka_unit_test(test_read_bound_module),
		cmocka_unit_test(test_read_builtin_unbound_dangling),
		cmocka_unit_test(test_read_bad_names),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
