/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/sysroot.h"

/* /sys/module/NAME/parameters/PARAM */
struct lkm_sysparam {
	char *name;
	char *value; /* trailing newline removed; NULL when unreadable (mode 0200, EACCES)
		      */
	mode_t mode; /* the file's permission bits, as module_param()'s perm argument */
	bool writable; /* the kernel accepts writes (a write bit in mode) */
};

/*
 * What /sys/module/NAME says of a module. Every field is optional: containers and
 * old kernels have a partial /sys, and built-in modules have parameters but no
 * initstate. Strings are owned by the struct.
 */
struct lkm_sysmodule {
	bool present;	 /* /sys/module/NAME exists */
	char *initstate; /* "live", "coming", "going" */
	int64_t refcnt;
	bool has_refcnt;
	char **holders; /* names of the modules that use this one */
	size_t n_holders;
	struct lkm_sysparam *params; /* sorted by name */
	size_t n_params;
	char *taint;
	char *version;
	char *srcversion;
	uint64_t coresize;
	bool has_coresize;
};

/* Reads /sys/module/NAME ('-' read as '_', as the kernel names the directory). Returns 0
 * (out->present false if there is no such directory), or -ENOMEM. Free with
 * lkm_sysmodule_release. */
int lkm_sysmodule_read(const struct lkm_sysroot *root, const char *name,
		       struct lkm_sysmodule *out);

/* Reads a small sysfs attribute at DIRFD/NAME (at most a page); *OUT gets a malloc'd
 * string without the trailing newline. Returns 0, or -errno (-ENOENT when absent). */
int lkm_sysattr_read(int dirfd, const char *name, char **out);

const struct lkm_sysparam *lkm_sysmodule_param(const struct lkm_sysmodule *sm,
					       const char *name);

void lkm_sysmodule_release(struct lkm_sysmodule *sm);
