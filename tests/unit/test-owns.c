// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * src/core/owns.c on a /sys tree built here with the real shape: symlinks from the class
 * and dev directories to the device, from the device to its driver, from the driver to
 * its module (as the lab guest has /sys/class/net/eth0/device -> ../../../0000:00:03.0
 * and .../driver/module -> ../../../../module/ne2k_pci).
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "core/owns.h"

static char tmpdir[] = "/tmp/lkm-owns-XXXXXX";
static int dirfd_;

static void mkdirs(const char *rel)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "%s", rel);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdirat(dirfd_, buf, 0755);
			*p = '/';
		}
	mkdirat(dirfd_, buf, 0755);
}

/* LINK (relative to the root) -> TARGET, its parent made first. */
static void link_(const char *target, const char *link)
{
	char parent[512];
	char *slash;

	snprintf(parent, sizeof(parent), "%s", link);
	slash = strrchr(parent, '/');
	*slash = '\0';
	mkdirs(parent);
	assert_int_equal(symlinkat(target, dirfd_, link), 0);
}

static void write_(const char *rel, const char *text)
{
	char parent[512];
	char *slash;
	int fd;

	snprintf(parent, sizeof(parent), "%s", rel);
	slash = strrchr(parent, '/');
	*slash = '\0';
	mkdirs(parent);
	fd = openat(dirfd_, rel, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

#define PCI "sys/devices/pci0000:00"

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	dirfd_ = open(tmpdir, O_RDONLY | O_DIRECTORY);
	write_("proc/modules", "ne2k_pci 24576 0 - Live 0xffffffffc04d6000\n"
			       "8390 28672 1 ne2k_pci, Live 0xffffffffc04c9000\n"
			       "ata_piix 40960 0 - Live 0xffffffffc0400000\n"
			       "sd_mod 61440 2 - Live 0xffffffffc0410000\n"
			       "tun 61440 0 - Live 0xffffffffc0420000\n");
	write_("proc/interrupts",
	       "           CPU0       \n"
	       "  0:        131   IO-APIC   2-edge      timer\n"
	       "  4:        148   IO-APIC   4-edge      ttyS0\n"
	       " 11:          3   IO-APIC  11-fasteoi   eth0\n"
	       " 14:          5   IO-APIC  14-edge      ata_piix\n"
	       " 15:          5   IO-APIC  15-edge      ata_piix\n"
	       " 19:          1   IO-APIC  19-fasteoi   uhci_hcd:usb1, eth1-rx-0\n"
	       "NMI:          0   Non-maskable interrupts\n");
	write_("proc/devices",
	       "Character devices:\n  4 ttyS\n 10 misc\n\nBlock devices:\n  8 sd\n");
	write_("proc/net/dev", "Inter-|   Receive                                        "
			       "        |  Transmit\n"
			       " face |bytes    packets errs drop fifo frame compressed "
			       "multicast|bytes    "
			       "packets errs drop fifo colls carrier compressed\n"
			       "    lo:       0       0    0    0    0     0          0  "
			       "       0        0       "
			       "0    0    0    0     0       0          0\n");

	/* The NE2000 card: eth0 on 0000:00:03.0, driven by ne2k-pci from ne2k_pci. */
	mkdirs(PCI "/0000:00:03.0/net/eth0");
	link_("../../devices/pci0000:00/0000:00:03.0/net/eth0", "sys/class/net/eth0");
	link_("../../../0000:00:03.0", PCI "/0000:00:03.0/net/eth0/device");
	link_("../../../bus/pci/drivers/ne2k-pci", PCI "/0000:00:03.0/driver");
	link_("../../../../module/ne2k_pci", "sys/bus/pci/drivers/ne2k-pci/module");
	link_("../../../bus/pci/drivers/ne2k-pci",
	      "sys/module/ne2k_pci/drivers/pci:ne2k-pci");
	/* A virtual interface: no device link at all. */
	mkdirs("sys/devices/virtual/net/lo");
	link_("../../devices/virtual/net/lo", "sys/class/net/lo");
	/* A second card on a driver whose module is not loaded in proc/modules. */
	mkdirs(PCI "/0000:00:05.0/net/eth1");
	link_("../../devices/pci0000:00/0000:00:05.0/net/eth1", "sys/class/net/eth1");
	link_("../../../0000:00:05.0", PCI "/0000:00:05.0/net/eth1/device");
	link_("../../../bus/pci/drivers/8139too", PCI "/0000:00:05.0/driver");
	link_("../../../../module/8139too", "sys/bus/pci/drivers/8139too/module");
	/* uhci_hcd: a driver only (its irq action names it). */
	link_("../../../../module/uhci_hcd", "sys/bus/pci/drivers/uhci_hcd/module");

	/* A disk: sda on a SCSI device of the IDE controller 0000:00:01.1. */
	mkdirs(PCI "/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda1");
	link_("../../devices/pci0000:00/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/"
	      "block/sda",
	      "sys/dev/block/8:0");
	link_("../../devices/pci0000:00/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/"
	      "block/sda/sda1",
	      "sys/dev/block/8:1");
	link_("../../../0:0:0:0",
	      PCI "/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/block/sda/device");
	link_("../../../../../../../bus/scsi/drivers/sd",
	      PCI "/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/driver");
	link_("../../../../module/sd_mod", "sys/bus/scsi/drivers/sd/module");
	link_("../../../bus/pci/drivers/ata_piix", PCI "/0000:00:01.1/driver");
	link_("../../../../module/ata_piix", "sys/bus/pci/drivers/ata_piix/module");
	/* ttyS0 on a PNP port, the 8250 driver (built in: its module link all the same).
	 */
	mkdirs("sys/devices/pnp0/00:05/tty/ttyS0");
	link_("../../devices/pnp0/00:05/tty/ttyS0", "sys/dev/char/4:64");
	link_("../../../00:05", "sys/devices/pnp0/00:05/tty/ttyS0/device");
	link_("../../../bus/pnp/drivers/serial", "sys/devices/pnp0/00:05/driver");
	link_("../../../../module/8250", "sys/bus/pnp/drivers/serial/module");
	link_("../../devices/pnp0/00:05/tty/ttyS0", "sys/class/tty/ttyS0");
	/* tun: a misc device with no device link. */
	mkdirs("sys/devices/virtual/misc/tun");
	link_("../../devices/virtual/misc/tun", "sys/dev/char/10:200");
	mkdirs("sys/dev/char/not-a-device");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	close(dirfd_);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

struct fix {
	struct lkm_sysroot *root;
	struct lkm_snapshot snap;
};

/* Each test's root and snapshot of the tree: its setup and teardown. */
static int fix_open(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_int_equal(lkm_sysroot_new(tmpdir, &f->root), 0);
	assert_int_equal(lkm_snapshot_take(&f->snap, f->root, LKM_SRC_ALL), 0);
	assert_int_equal(f->snap.modules_err, 0);
	assert_int_equal(f->snap.interrupts_err, 0);
	*state = f;
	return 0;
}

static int fix_close(void **state)
{
	struct fix *f = *state;

	lkm_snapshot_release(&f->snap);
	lkm_sysroot_free(f->root);
	free(f);
	return 0;
}

/* O's one device: KIND ('b', 'c'), MAJOR:MINOR, NAME. */
static void check_device(const struct lkm_owns *o, char kind, unsigned major,
			 unsigned minor, const char *name)
{
	assert_int_equal(o->n_devices, 1);
	assert_int_equal(o->devices[0].kind, kind);
	assert_int_equal(o->devices[0].major, major);
	assert_int_equal(o->devices[0].minor, minor);
	assert_string_equal(o->devices[0].name, name);
}

/* lkm_owns_irq_module names WANT for IRQ (NULL: -ENOENT, no module). */
static void expect_irq_module(struct fix *f, const char *irq, const char *want)
{
	char buf[64];

	assert_int_equal(lkm_owns_irq_module(f->root, &f->snap, irq, buf, sizeof(buf)),
			 want ? 0 : -ENOENT);
	if (want)
		assert_string_equal(buf, want);
}

static void test_ne2k_pci(void **state)
{
	struct fix *f = *state;
	struct lkm_owns o;

	assert_int_equal(lkm_owns_query(f->root, &f->snap, "ne2k-pci", &o), 0);
	assert_int_equal(o.n_interfaces, 1);
	assert_string_equal(o.interfaces[0], "eth0");
	assert_int_equal(o.n_irqs, 1);
	assert_string_equal(o.irqs[0], "11");
	assert_int_equal(o.n_devices, 0);
	assert_int_equal(o.n_drivers, 1);
	assert_string_equal(o.drivers[0], "ne2k-pci");
	assert_int_equal(o.n_holders, 0);
	assert_int_equal(o.n_uses, 1);
	assert_string_equal(o.uses[0], "8390");
	assert_true(lkm_owns_drives_anything(&o));
	lkm_owns_release(&o);

	assert_int_equal(lkm_owns_query(f->root, &f->snap, "8390", &o), 0);
	assert_false(lkm_owns_drives_anything(&o));
	assert_int_equal(o.n_holders, 1);
	assert_string_equal(o.holders[0], "ne2k_pci");
	assert_int_equal(o.n_uses, 0);
	lkm_owns_release(&o);
}

static void test_devices_and_irqs(void **state)
{
	struct fix *f = *state;
	struct lkm_owns o;

	/* sd_mod drives the disk (not its partition, which has no device link). */
	assert_int_equal(lkm_owns_query(f->root, &f->snap, "sd_mod", &o), 0);
	check_device(&o, 'b', 8, 0, "sda");
	assert_int_equal(o.n_irqs, 0);
	lkm_owns_release(&o);

	/* ata_piix: no device node of its own, two irq lines named after it. */
	assert_int_equal(lkm_owns_query(f->root, &f->snap, "ata_piix", &o), 0);
	assert_int_equal(o.n_devices, 0);
	assert_int_equal(o.n_irqs, 2);
	assert_string_equal(o.irqs[0], "14");
	assert_string_equal(o.irqs[1], "15");
	lkm_owns_release(&o);

	/* 8250: the char device, and the irq named after that device. */
	assert_int_equal(lkm_owns_query(f->root, &f->snap, "8250", &o), 0);
	check_device(&o, 'c', 4, 64, "ttyS0");
	assert_int_equal(o.n_irqs, 1);
	assert_string_equal(o.irqs[0], "4");
	lkm_owns_release(&o);

	/* 8139too: eth1, and the queue irq "eth1-rx-0" on a shared line. */
	assert_int_equal(lkm_owns_query(f->root, &f->snap, "8139too", &o), 0);
	assert_int_equal(o.n_interfaces, 1);
	assert_string_equal(o.interfaces[0], "eth1");
	assert_int_equal(o.n_irqs, 1);
	assert_string_equal(o.irqs[0], "19");
	lkm_owns_release(&o);

	/* tun owns nothing sysfs can tie to it; a module nobody knows, nothing at all. */
	assert_int_equal(lkm_owns_query(f->root, &f->snap, "tun", &o), 0);
	assert_false(lkm_owns_drives_anything(&o));
	lkm_owns_release(&o);
	assert_int_equal(lkm_owns_query(f->root, NULL, "nosuch", &o), 0);
	assert_false(lkm_owns_drives_anything(&o));
	assert_int_equal(o.n_uses + o.n_holders, 0);
	lkm_owns_release(&o);
}

static void test_reverse(void **state)
{
	struct fix *f = *state;
	char buf[64];

	assert_int_equal(lkm_owns_iface_module(f->root, "eth0", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "ne2k_pci");
	assert_int_equal(lkm_owns_iface_module(f->root, "lo", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(lkm_owns_iface_module(f->root, "..", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(lkm_owns_iface_module(f->root, "nosuch", buf, sizeof(buf)),
			 -ENOENT);

	expect_irq_module(f, "11", "ne2k_pci");
	expect_irq_module(f, "14", "ata_piix");
	/* "uhci_hcd:usb1": the driver's name before the colon. */
	expect_irq_module(f, "19", "uhci_hcd");
	/* "ttyS0": a device in /sys/class/tty, its driver's module built in. */
	expect_irq_module(f, "4", "8250");
	expect_irq_module(f, "0", NULL);
	expect_irq_module(f, "NMI", NULL);
	expect_irq_module(f, "99", NULL);
}

/* A root with no /sys at all (a 2.4 capture): empty answers, no errors. */
static void test_no_sys(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_snapshot snap = { 0 };
	struct lkm_owns o;
	char buf[64];

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/debian61", &root), 0);
	assert_int_equal(lkm_snapshot_take(&snap, root, LKM_SRC_ALL), 0);
	assert_int_equal(lkm_owns_query(root, &snap, "fat", &o), 0);
	assert_false(lkm_owns_drives_anything(&o));
	assert_int_equal(o.n_holders, 2);
	assert_string_equal(o.holders[0], "vfat");
	assert_string_equal(o.holders[1], "msdos");
	lkm_owns_release(&o);
	assert_int_equal(lkm_owns_query(root, &snap, "msdos", &o), 0);
	assert_int_equal(o.n_uses, 1);
	assert_string_equal(o.uses[0], "fat");
	lkm_owns_release(&o);
	assert_int_equal(lkm_owns_iface_module(root, "eth0", buf, sizeof(buf)), -ENOENT);
	lkm_snapshot_release(&snap);
	lkm_sysroot_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ne2k_pci, fix_open, fix_close),
		cmocka_unit_test_setup_teardown(test_devices_and_irqs, fix_open,
						fix_close),
		cmocka_unit_test_setup_teardown(test_reverse, fix_open, fix_close),
		cmocka_unit_test(test_no_sys),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
