/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <dirent.h>

#include <stddef.h>

/*
 * The root every kernel-facing path is resolved under: "/" on a live system, a
 * fixture tree in tests, an offline image for inspection. Paths given to the
 * functions below are absolute as the kernel names them ("/proc/modules").
 */
struct lkm_sysroot;

/* Opens DIR (NULL means "/"). Returns 0 and *out (free with lkm_sysroot_free), or -errno.
 */
int lkm_sysroot_new(const char *dir, struct lkm_sysroot **out);
void lkm_sysroot_free(struct lkm_sysroot *root);

/* The directory given to lkm_sysroot_new, "/" by default. Owned by root. */
const char *lkm_sysroot_dir(const struct lkm_sysroot *root);

/* Whether the root is the running system's "/" (so the running kernel is what it shows).
 */
int lkm_sysroot_is_live(const struct lkm_sysroot *root);

/* openat() of PATH under the root; returns an fd or -errno. */
int lkm_sysroot_open(const struct lkm_sysroot *root, const char *path, int flags);

/* Opens the directory PATH under the root into *OUT (closedir frees it); returns 0 or
 * -errno. */
int lkm_sysroot_opendir(const struct lkm_sysroot *root, const char *path, DIR **out);

/* The directory fd of the root, for *at() calls; owned by root. */
int lkm_sysroot_fd(const struct lkm_sysroot *root);

/* Writes the host path of PATH into BUF; returns 0 or -ENAMETOOLONG. */
int lkm_sysroot_path(const struct lkm_sysroot *root, const char *path, char *buf,
		     size_t size);

/* Relative form of an absolute kernel path, for *at() calls ("/proc/x" -> "proc/x"). */
const char *lkm_sysroot_rel(const char *path);
