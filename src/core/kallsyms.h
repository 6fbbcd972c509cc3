/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * Which of the running kernel's own exports are GPL-only, from /proc/kallsyms alone (no
 * Module.symvers needed): every export has a `__ksymtab_NAME` entry, and the GPL-only
 * ones lie between `__start___ksymtab_gpl` and `__stop___ksymtab_gpl` (measured on
 * Debian's 6.1 and 6.12). Only root sees the addresses: others read zeros, and then
 * nothing can be said.
 */
struct lkm_gpl_exports {
	bool known;	/* the addresses were readable and the range found */
	char **symbols; /* those of the asked symbols that are GPL-only kernel exports */
	size_t n;
};

/*
 * Checks the N symbols SYMBOLS (a module's undefined symbols, say) against /proc/kallsyms
 * under ROOT. Exports of loaded modules ("[module]" lines) are not the kernel's and are
 * skipped. Returns 0 or -ENOMEM; OUT is released with lkm_gpl_exports_release either way.
 */
int lkm_kallsyms_gpl_only(const struct lkm_sysroot *root, const char *const *symbols,
			  size_t n, struct lkm_gpl_exports *out);
void lkm_gpl_exports_release(struct lkm_gpl_exports *g);
