/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/modules.h"
#include "model/sysroot.h"

/*
 * What a monitor asks of the module system, in one pass (lkmtui metrics): the loaded
 * modules, the kernel's taint, whether the running kernel's module tree is there and its
 * index current, which loaded modules run with other parameter values than modprobe.d
 * gives them, and which are loaded although modprobe.d blocks them.
 */

/* One parameter modprobe.d sets for a loaded module. */
struct lkm_health_param {
	char *module;
	char *param;
	char *wanted;  /* modprobe.d's value; NULL for a bare name */
	char *running; /* /sys/module/M/parameters/P; NULL when unreadable or absent */
	bool differs;  /* running is readable and not what wanted sets */
};

struct lkm_health {
	struct lkm_modules mods;
	int modules_err; /* lkm_modules_read's result: -ENOENT = no module support */
	uint64_t taint;	 /* /proc/sys/kernel/tainted */
	bool has_taint;
	char release[256];  /* the running kernel's release, "" when unknown */
	bool tree_present;  /* /lib/modules/<release> is a directory */
	bool index_present; /* depmod's modules.dep.bin is there */
	bool index_stale;   /* a module file is newer than modules.dep.bin */
	struct lkm_health_param *params; /* sorted by module, then parameter */
	size_t n_params;
	char **blocked; /* loaded modules modprobe.d blacklists or installs as
			   /bin/true or /bin/false, sorted */
	size_t n_blocked;
};

/* Gathers OUT under ROOT. Returns 0 (a part that cannot be read is reported as absent in
 * OUT) or -ENOMEM. Release with lkm_health_release. */
int lkm_health_gather(const struct lkm_sysroot *root, struct lkm_health *out);
void lkm_health_release(struct lkm_health *h);

/* The letter the kernel shows for taint bit BIT (kernel/panic.c taint_flags: 0 is 'P',
 * 12 is 'O', 13 is 'E'), or 0 for a bit it has no letter for. */
char lkm_taint_letter(unsigned bit);
