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

/*
 * A major the module registered under a name not its own (register_chrdev(0,
 * "nvidia-frontend", ...)): a dynamically given major (char 234-254 and 384-511, block
 * 240-254) whose /proc/devices name the module's file carries as a string of its own
 * (NUL on both sides), and no loaded module is named after.
 */
struct lkm_foreign_major {
	char kind; /* 'c' or 'b' */
	unsigned major;
	char *name;
};

/* The foreign majors of MODULE, whose file's bytes (decompressed: lkm_modfile_data) are
 * DATA and SIZE, into *OUT (N of them; free with lkm_foreign_majors_free). Returns 0 or
 * -ENOMEM. */
int lkm_holders_foreign_majors(const struct lkm_sysroot *root, const char *module,
			       const void *data, size_t size,
			       struct lkm_foreign_major **out, size_t *n);
void lkm_foreign_majors_free(struct lkm_foreign_major *v, size_t n);

/* lkm_holders_query, counting the N majors FOREIGN as the module's too. */
int lkm_holders_query_with(const struct lkm_sysroot *root, const char *module,
			   const struct lkm_foreign_major *foreign, size_t n,
			   struct lkm_holders *out);

/* Fills OUT for MODULE ('-' and '_' alike). Unreadable parts give empty lists. Returns 0
 * or -ENOMEM; OUT is released with lkm_holders_release either way. */
int lkm_holders_query(const struct lkm_sysroot *root, const char *module,
		      struct lkm_holders *out);
void lkm_holders_release(struct lkm_holders *h);
