/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <limits.h>
#include <stdbool.h>

#include "model/sysroot.h"

/*
 * Whether the running kernel's initramfs (/boot/initrd.img-RELEASE under the root) is
 * behind a configuration file lkmtui just changed. A module the initramfs loads (a disk
 * or console driver) takes the options of the initramfs's own copy of modprobe.d, not
 * /etc's, until `update-initramfs -u` rebuilds it. The archive is read as the kernel
 * unpacks it: cpio "newc" segments one after another, the last one compressed (gzip, xz
 * or zstd; Debian's early microcode segment comes first, uncompressed).
 */
enum lkm_initramfs_verdict {
	LKM_INITRAMFS_CURRENT, /* no initramfs, or it carries what the file says */
	LKM_INITRAMFS_STALE,   /* it carries another copy of the file (or none where it
				  copies the directory) */
	LKM_INITRAMFS_OLDER,   /* it could not be read, and it is older than the file */
};

struct lkm_initramfs_state {
	char path[PATH_MAX]; /* as on the system: /boot/initrd.img-6.1.0-57-amd64 */
	enum lkm_initramfs_verdict verdict;
	bool held; /* the image holds a copy of the file (another one, when STALE) */
};

/* Compares the initramfs with FILE (absolute, "/etc/modprobe.d/lkmtui.conf") as it is
 * now under ROOT. Returns 0 (OUT filled) or -ENOMEM; any other trouble reading counts as
 * LKM_INITRAMFS_CURRENT or _OLDER, never as an error of the operation that asked. */
int lkm_initramfs_check(const struct lkm_sysroot *root, const char *file,
			struct lkm_initramfs_state *out);

/* The same for the N files FILES into OUT[N], reading (and decompressing) the image
 * once. */
int lkm_initramfs_check_files(const struct lkm_sysroot *root, const char *const *files,
			      size_t n, struct lkm_initramfs_state *out);
