/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/resolve.h"
#include "model/hwdevice.h"
#include "model/modules.h"
#include "model/sysroot.h"

/*
 * The machine's devices and their drivers: every device under /sys/bus/ * /devices that
 * has a modalias, the driver bound to it and that driver's module, and the modules that
 * could drive it -- its modalias looked up as modprobe looks it up (libkmod's
 * kmod_module_new_from_lookup, in modprobe's order), as `lspci -k` does for PCI alone.
 */

/* What stands between a candidate module and the device. */
enum lkm_cand_state {
	LKM_CAND_LOADED,      /* in /proc/modules */
	LKM_CAND_NOT_LOADED,  /* in the tree, not loaded: `modprobe MODULE` would load it
			       */
	LKM_CAND_BUILTIN,     /* built into the kernel */
	LKM_CAND_BLACKLISTED, /* modprobe.d "blacklist": udev's alias lookup skips it */
	LKM_CAND_BLOCKED,     /* modprobe.d "install MODULE /bin/false": never loads */
	LKM_CAND_ABSENT,      /* an alias names it, but no module file has it */
};

struct lkm_hwcand {
	char *module; /* normalized */
	enum lkm_cand_state state;
};

struct lkm_hwentry {
	struct lkm_hwdev dev;
	char *vendor_name; /* from pci.ids/usb.ids; NULL when not named there */
	char *device_name;
	char *class_name;
	struct lkm_hwcand *cands; /* modprobe's order */
	size_t n_cands;
};

struct lkm_hardware {
	struct lkm_hwentry *v; /* unbound devices with a candidate not loaded first, then
				* by bus and address */
	size_t n;
	char **dangling; /* driver links that point at nothing
			  * ("/sys/bus/pci/devices/0000:00:05.0/driver") */
	size_t n_dangling;
};

/*
 * Reads every device of ROOT's buses into OUT. RESOLVER (NULL: no module tree) gives the
 * candidates; MODS (NULL: none loaded) says which are loaded. Returns 0, the -errno of
 * opening /sys/bus (-ENOENT: a root without it), or -ENOMEM. Release OUT with
 * lkm_hardware_release either way.
 */
int lkm_hardware_scan(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		      const struct lkm_modules *mods, struct lkm_hardware *out);
void lkm_hardware_release(struct lkm_hardware *hw);

/*
 * A fingerprint of ROOT's buses into *OUT: the names under each /sys/bus/BUS/devices and
 * /sys/bus/BUS/drivers/DRIVER. It changes when a device comes or goes and when a driver
 * takes or lets go of one (the kernel links a bound device into its driver's directory),
 * and it reads directory listings only, no device's files: a screen scans again only
 * when it changed (or the loaded modules did). Returns 0 or -errno of opening /sys/bus.
 */
int lkm_hardware_stamp(const struct lkm_sysroot *root, unsigned long long *out);

/* Whether E has no driver while a candidate is there to load: what a troubleshooter
 * looks at first. */
bool lkm_hwentry_wants_driver(const struct lkm_hwentry *e);

/* Whether E's candidates name MODULE ('-' and '_' alike). */
bool lkm_hwentry_matches(const struct lkm_hwentry *e, const char *module);

/* "loaded", "not-loaded", "built-in", "blacklisted", "blocked", "not-in-tree": the JSON
 * word. */
const char *lkm_cand_state_id(enum lkm_cand_state s);

/* The same for a person, translated ("not loaded", "not in the tree"). */
const char *lkm_cand_state_text(enum lkm_cand_state s);

/* The PCI vendor:device ("10ec:8139") or USB vendor:product of E; "" for other buses. */
void lkm_hwentry_ids_text(const struct lkm_hwentry *e, char *buf, size_t size);

/* What E is, for a person: "VENDOR DEVICE" from the ids files; "" for a PCI or USB
 * device they do not name (its ids say it); the modalias on other buses. */
void lkm_hwentry_name_text(const struct lkm_hwentry *e, char *buf, size_t size);
