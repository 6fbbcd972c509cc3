/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/drives.h"
#include "core/holders.h"
#include "core/resolve.h"
#include "model/snapshot.h"
#include "model/sysroot.h"

/*
 * Why a module is loaded: what uses it now, and what asks for it at every boot. The
 * devices it drives (bound to its driver after their modalias matched), the modules
 * that use it (/proc/modules' used-by), its network interfaces that are on no such
 * device, the mounts of its file systems or of disks it drives and the processes with
 * one of its device files open (core/holders.c), and each modules-load.d line that names
 * it (or an alias of it). None of these: nothing uses it now, and unloading it takes
 * nothing away.
 *
 * On the lab guest after `lkmtui load 8139cp`: the RTL8139 at 0000:00:05.0 (eth1).
 */
struct lkm_bootline {
	char *path;    /* "/etc/modules-load.d/nic.conf" */
	unsigned line; /* its number in the file, from 1 */
	char *name;    /* as the line writes it (an alias, or '-' for '_') */
};

struct lkm_loaded_for {
	struct lkm_drives drives; /* .drives: the devices it drives */
	char **used_by;		  /* the modules using it */
	size_t n_used_by;
	char **interfaces; /* its interfaces on none of those devices */
	size_t n_interfaces;
	struct lkm_holders holders; /* mounts and processes */
	struct lkm_bootline *boot;
	size_t n_boot;
};

/*
 * Fills OUT for MODULE ('-' and '_' alike) on ROOT. SNAP gives /proc/modules (NULL: no
 * module uses it); RESOLVER (NULL: none) gives the devices and reads a modules-load.d
 * line that names an alias. Unreadable parts give empty lists. Returns 0 or -ENOMEM;
 * release OUT with lkm_loaded_for_release either way.
 */
int lkm_loaded_for_query(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
			 const struct lkm_snapshot *snap, const char *module,
			 struct lkm_loaded_for *out);
void lkm_loaded_for_release(struct lkm_loaded_for *lf);

/* Whether nothing uses the module now (no device, module, interface, mount or process):
 * boot lines ask for it but do not use it. */
bool lkm_loaded_for_nothing(const struct lkm_loaded_for *lf);

/*
 * LF as lines for a person, into *OUT (N of them, translated): "device 0000:00:05.0
 * (RTL-8139), eth1", "used by msdos", "mount /mnt (vfat from /dev/loop0)", "boot line
 * /etc/modules-load.d/nic.conf:3", or "nothing uses it now". Returns 0 or -ENOMEM; free
 * with lkm_strv_free.
 */
int lkm_loaded_for_text(const struct lkm_loaded_for *lf, char ***out, size_t *n);

/*
 * The modules-load.d lines on ROOT that name MODULE, as systemd-modules-load reads the
 * directories, into *OUT (N of them). Returns 0 or -ENOMEM; free with
 * lkm_bootlines_free.
 */
int lkm_bootlines_find(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		       const char *module, struct lkm_bootline **out, size_t *n);
void lkm_bootlines_free(struct lkm_bootline *v, size_t n);
