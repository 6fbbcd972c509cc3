/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/snapshot.h"
#include "model/sysroot.h"

/*
 * What a module owns: the network interfaces, character and block devices and interrupt
 * lines it drives, and the modules around it. Everything comes from /sys through the
 * sysroot and from a snapshot:
 *
 *   interfaces  /sys/class/net/IF/device/driver/module points at the module
 *   devices     /sys/dev/{char,block}/MAJ:MIN/device/driver/module points at it
 *   drivers     /sys/module/NAME/drivers/BUS:DRIVER, and the driver links above
 *   majors      a line of the snapshot's /proc/devices under its name ("246 demo_chr")
 *   irqs        a line of the snapshot's /proc/interrupts with an action named after one
 *               of its interfaces or devices, the module or one of its drivers ("eth0",
 *               "eth0-rx-0", "ahci[0000:00:1f.2]", "uhci_hcd:usb1")
 *   holders     the modules using it (its used-by column in /proc/modules)
 *   uses        the modules it uses (those with it in their used-by column)
 *
 * On the lab guest with an NE2000 card: ne2k_pci owns eth0 and irq 11, and uses 8390.
 */
struct lkm_owned_dev {
	char kind; /* 'c' or 'b' */
	unsigned major, minor;
	char *name; /* the device's directory name ("sda", "ttyS0") */
};

/* A major the module registered under its own name (/proc/devices). */
struct lkm_owned_major {
	char kind; /* 'c' or 'b' */
	unsigned major;
};

struct lkm_owns {
	char **interfaces;
	size_t n_interfaces;
	char **irqs; /* interrupt labels ("11"), in /proc/interrupts order */
	size_t n_irqs;
	struct lkm_owned_dev *devices; /* char first, then block, each by major:minor */
	size_t n_devices;
	struct lkm_owned_major *majors; /* in /proc/devices order */
	size_t n_majors;
	char **drivers; /* driver names ("ne2k-pci") */
	size_t n_drivers;
	char **holders;
	size_t n_holders;
	char **uses;
	size_t n_uses;
};

/*
 * Fills OUT for MODULE ('-' and '_' alike) from ROOT and SNAP (SNAP may be NULL: no
 * majors, irqs, holders or uses). A /sys that lacks a part gives empty lists, not an
 * error. Returns 0 or -ENOMEM; OUT is released with lkm_owns_release either way.
 */
int lkm_owns_query(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
		   const char *module, struct lkm_owns *out);
void lkm_owns_release(struct lkm_owns *o);

/* Whether OUT lists anything /sys ties to the module (interfaces, devices, irqs). */
bool lkm_owns_drives_anything(const struct lkm_owns *o);

/*
 * The reverse: the module that drives interface IFACE, into BUF. Returns 0, -ENOENT when
 * no module does (a virtual interface, a built-in driver), -ENAMETOOLONG.
 */
int lkm_owns_iface_module(const struct lkm_sysroot *root, const char *iface, char *buf,
			  size_t size);

/*
 * The module behind interrupt line LABEL of SNAP: its actions taken as interfaces, then
 * as loaded modules, then as driver names under /sys/bus/ * /drivers, then as devices
 * under /sys/class/ * (ttyS0). Returns 0 with the name in BUF, or -ENOENT.
 */
int lkm_owns_irq_module(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
			const char *label, char *buf, size_t size);

/*
 * The module behind device major DEV of /proc/devices: a device of that major under
 * /sys/dev/{char,block} whose driver is a module, else the name it is registered under
 * taken as a module, a driver or a device (as an irq's action is). Returns 0 with the
 * name in BUF, or -ENOENT.
 */
int lkm_owns_major_module(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
			  const struct lkm_device *dev, char *buf, size_t size);
