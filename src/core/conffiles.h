/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/procfile.h"
#include "model/sysroot.h"

/*
 * The configuration files a reader of DIRS takes, as systemd (modules-load.d) and libkmod
 * (modprobe.d) both list them: every file with one of the reader's suffixes, a name in an
 * earlier directory hiding the same name in a later one, the winners in the order of
 * their names; a link to /dev/null (or an empty file) masks its name. What the readers
 * skip is listed too, marked, so that the doctor can say so (libkmod: "All config files
 * need .conf").
 */
enum lkm_conffile_skip {
	LKM_CONFFILE_READ,	   /* the reader takes it */
	LKM_CONFFILE_WRONG_SUFFIX, /* none of the reader's suffixes */
	LKM_CONFFILE_NOT_FILE,	   /* a directory, FIFO, socket or device */
};

struct lkm_conffile {
	char *path;	  /* as on the machine: "/etc/modules-load.d/nic.conf" */
	const char *name; /* its last component, inside PATH */
	bool masked;	  /* a link to /dev/null, or empty: nothing to read */
	enum lkm_conffile_skip skip;
};

struct lkm_conffiles {
	struct lkm_conffile *v;
	size_t n;
};

/* Lists DIRS (NULL-terminated, first wins) under ROOT for a reader of SUFFIXES
 * (NULL-terminated: { ".conf", NULL }). Returns 0 or -ENOMEM. */
int lkm_conffiles_list(const struct lkm_sysroot *root, const char *const *dirs,
		       const char *const *suffixes, struct lkm_conffiles *out);
void lkm_conffiles_release(struct lkm_conffiles *files);

/* The most a configuration file is read of: 1 MiB. */
#define LKM_CONFFILE_MAX (1 << 20)

/* Reads the configuration file PATH under ROOT into BUF, refusing what a configuration
 * file cannot be without blocking or reading without end: -EINVAL for a FIFO, device or
 * directory, -EFBIG over 1 MiB, -ELOOP for a link loop, else 0 or -errno. */
int lkm_conffile_read(const struct lkm_sysroot *root, const char *path,
		      struct lkm_buf *buf);

/* The next logical line of the text at *POS (a line ending in '\\' goes on, as libkmod
 * joins them), trimmed, cut in place; NULL at the end. *LINES counts the physical lines
 * read so far (start it at 0); *START is the number of the returned line's first one. */
char *lkm_conffile_next_line(char **pos, unsigned *lines, unsigned *start);
