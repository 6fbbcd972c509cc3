/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/procfile.h"
#include "model/sysroot.h"

/*
 * /proc/self/mountinfo (fs/proc_namespace.c): "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS
 * [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS", blanks and backslashes in paths escaped as
 * \040 and \134.
 */
struct lkm_mount {
	unsigned major, minor; /* the device behind it (0:N for a virtual file system) */
	const char *point;     /* unescaped, into the buffer */
	const char *fstype;
	const char *source;
};

struct lkm_mounts {
	struct lkm_mount *v;
	size_t n;
	size_t cap;
	struct lkm_buf buf;
};

/* Parses TEXT in place; lines that do not hold together are skipped. 0, -EINVAL, -ENOMEM.
 */
int lkm_mounts_parse(struct lkm_mounts *m, char *text);

/* Reads ROOT's /proc/self/mountinfo. Returns 0 or -errno. */
int lkm_mounts_read(struct lkm_mounts *m, const struct lkm_sysroot *root);

void lkm_mounts_release(struct lkm_mounts *m);
