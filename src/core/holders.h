/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/sysroot.h"

/*
 * What keeps a module's use count up when no module uses it: processes with one of its
 * device files open, and mounts of a file system it registered or of a block device it
 * drives. The module's devices are the majors /proc/devices lists under its name and the
 * devices /sys links to it (core/owns.c); its file systems are the types
 * /proc/filesystems lists under its name (vfat, msdos). Open files come from
 * /proc/PID/fd, each link followed to the device it names; mounts from
 * /proc/self/mountinfo.
 */
struct lkm_proc_holder {
	int pid;
	char *comm; /* /proc/PID/comm */
	char *file; /* what the fd link names ("/dev/demo_chr") */
};

struct lkm_mount_holder {
	char *point;
	char *fstype;
	char *source;
};

struct lkm_holders {
	struct lkm_proc_holder *procs;
	size_t n_procs;
	struct lkm_mount_holder *mounts;
	size_t n_mounts;
};

/* Fills OUT for MODULE ('-' and '_' alike). Unreadable parts give empty lists. Returns 0
 * or -ENOMEM; OUT is released with lkm_holders_release either way. */
int lkm_holders_query(const struct lkm_sysroot *root, const char *module,
		      struct lkm_holders *out);
void lkm_holders_release(struct lkm_holders *h);
