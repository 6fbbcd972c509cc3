/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * The firmware files a module says it needs (modinfo's `firmware:`, from MODULE_FIRMWARE)
 * against what the kernel's loader would find under the root: the directories and
 * suffixes of drivers/base/firmware_loader/main.c (firmware_class.path first, then
 * /lib/firmware/updates/RELEASE, /lib/firmware/updates, /lib/firmware/RELEASE,
 * /lib/firmware; each name as is, then .zst, then .xz).
 */
struct lkm_fw_file {
	char *name;	     /* as the module names it ("rtl_nic/rtl8168h-2.fw") */
	char *found;	     /* the file found, as the system names it; NULL if missing */
	const char *package; /* Debian's package that ships it, when known; static */
};

struct lkm_firmware {
	struct lkm_fw_file *v;
	size_t n;
	size_t n_missing;
};

/*
 * Looks up the N names NAMES for the kernel RELEASE (NULL: the release directories are
 * skipped) under ROOT. A name with a '*' or '?' (some drivers name a family) is found
 * when any file matches it. Returns 0 or -ENOMEM; OUT is released with
 * lkm_firmware_release either way.
 */
int lkm_firmware_check(const struct lkm_sysroot *root, const char *release,
		       const char *const *names, size_t n, struct lkm_firmware *out);
void lkm_firmware_release(struct lkm_firmware *fw);

/* Debian's package (in its non-free-firmware component) that ships firmware NAME, from a
 * table of the well-known prefixes; NULL when lkmtui does not know. */
const char *lkm_firmware_package(const char *name);

/* The file name of a "Direct firmware load for NAME failed with error -N" kernel line
 * (drivers/base/firmware_loader/main.c) into BUF, and *ERR the -errno; false for any
 * other line. */
bool lkm_firmware_log_line(const char *line, char *buf, size_t size, int *err);
