/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/kmsg.h"
#include "core/resolve.h"
#include "model/sysroot.h"

/*
 * What a module drives, and the devices that answer to its aliases but that it does not.
 * A PCI, USB or virtio driver loads whether or not its device is there, then binds the
 * devices whose modalias it matches -- unless another driver holds them, or its probe
 * refuses them (the kernel says why in its log, and the load still succeeds). On the lab
 * guest: 8139too loads, refuses the RTL8139C+ at 0000:00:03.0 ("use 8139cp") and drives
 * nothing; 8139cp then drives it as eth0.
 */
struct lkm_hwbind {
	char *address;	   /* "0000:00:03.0" */
	char *bus;	   /* "pci" */
	char *name;	   /* what it is, for a person (pci.ids), or its modalias */
	char *driver;	   /* the driver bound now; NULL: none */
	char *module;	   /* that driver's module; NULL: none, or built in */
	char **interfaces; /* driven: its network interfaces ("eth0") */
	size_t n_interfaces;
	char **irqs; /* driven: its interrupt line, when the module holds it ("11") */
	size_t n_irqs;
	char **kernel; /* not driven: the log lines of this load that name the device */
	size_t n_kernel;
};

struct lkm_drives {
	bool known; /* the buses could be read (a root without /sys/bus: false) */
	bool device_aliases; /* the module answers to devices' modaliases at all */
	struct lkm_hwbind *drives;
	size_t n_drives;
	struct lkm_hwbind *unbound; /* match its aliases, driven by another or none */
	size_t n_unbound;
};

/*
 * Fills OUT for MODULE on ROOT: the devices whose driver is in MODULE, and those whose
 * modalias MODULE's aliases match but which it does not drive. LOG (NULL: none) gives
 * each of those the kernel's lines that name it. RESOLVER may be NULL (then nothing
 * matches). Returns 0 or -ENOMEM; release OUT with lkm_drives_release either way.
 */
int lkm_drives_query(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		     const char *module, const struct lkm_kmsg *log,
		     struct lkm_drives *out);
void lkm_drives_release(struct lkm_drives *d);

/*
 * The one-sentence warning D calls for, for MODULE, into BUF: "" when the module drives
 * a device, answers to no device at all, or the buses are not known; else that no device
 * on this machine matches its aliases, or that it drives none of those that do. WILL:
 * said before a load (explain) rather than after.
 */
void lkm_drives_warning(const struct lkm_drives *d, const char *module, bool will,
			char *buf, size_t size);
