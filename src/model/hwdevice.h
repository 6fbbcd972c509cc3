/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include "model/sysroot.h"

/*
 * One device on one of the kernel's buses, as /sys/bus/BUS/devices/ADDRESS shows it:
 *
 *   modalias      what the device answers to ("pci:v000010ECd00008139sv...bc02sc00i00");
 *                 udev and modprobe look it up in modules.alias to find its drivers
 *   driver        a link to /sys/bus/BUS/drivers/DRIVER while a driver is bound
 *   driver/module a link to /sys/module/MODULE when that driver is in a module; a driver
 *                 built into the kernel has none, or (6.12: atkbd) one to a /sys/module
 *                 directory without initstate
 *
 * On the lab guest: 0000:00:03.0 is the RTL8139 card (10ec:8139), driver 8139cp, module
 * 8139cp once bound.
 */

/* The ids a modalias carries, as lowercase hex ("" when the bus has none). */
struct lkm_hwids {
	char vendor[5]; /* PCI vendor, USB idVendor */
	char device[5]; /* PCI device, USB idProduct */
	char class[7];	/* PCI base class, subclass, prog-if; USB interface class,
			 * subclass, protocol ("020000") */
};

struct lkm_hwdev {
	char *bus;	/* "pci", "usb", "platform" */
	char *address;	/* the device's directory name ("0000:00:03.0", "1-1:1.0") */
	char *modalias; /* NULL: the device has none */
	char *driver;	/* the bound driver, NULL when none (or the link is dangling) */
	char *module;	/* the driver's module; NULL: none bound, or built in */
	bool dangling;	/* a driver link that points at nothing */
	struct lkm_hwids ids;
};

/*
 * The ids in MODALIAS: for "pci:v0000VVVVd0000DDDD...bcXXscXXiXX" the vendor, device and
 * class; for "usb:vVVVVpPPPP...icXXiscXXipXX" the vendor, product and interface class.
 * Other buses, and a modalias that does not follow its bus's form, give empty ids.
 */
void lkm_hwids_from_modalias(const char *modalias, struct lkm_hwids *out);

/*
 * Reads /sys/bus/BUS/devices/ADDRESS under ROOT into OUT. Returns 0; -ENOENT when there
 * is no such device; -EINVAL for a BUS or ADDRESS that is not one directory name;
 * -ENOMEM. A device without a modalias file is read all the same (modalias NULL). Release
 * OUT with lkm_hwdev_release either way.
 */
int lkm_hwdev_read(const struct lkm_sysroot *root, const char *bus, const char *address,
		   struct lkm_hwdev *out);
void lkm_hwdev_release(struct lkm_hwdev *d);
