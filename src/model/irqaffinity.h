/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include "model/cpuset.h"
#include "model/sysroot.h"

/*
 * Which CPUs serve an interrupt line: /proc/irq/N/smp_affinity_list (what was asked for)
 * and effective_affinity_list (where the controller delivers it now; absent on kernels or
 * chips without it). Each text is what the kernel wrote, trimmed; *_err is 0 or the
 * -errno of its read (-ENOENT: not there), and its text is then "".
 */
struct lkm_irq_affinity {
	char affinity[256];
	int affinity_err;
	char effective[256];
	int effective_err;
};

/* Reads IRQ's two lists under ROOT into OUT. Returns 0 when smp_affinity_list was read,
 * else its -errno (OUT is filled either way). */
int lkm_irq_affinity_read(const struct lkm_sysroot *root, unsigned irq,
			  struct lkm_irq_affinity *out);

/* The CPUs online (/sys/devices/system/cpu/online) into OUT. Returns 0 or -errno. */
int lkm_cpus_online(const struct lkm_sysroot *root, struct lkm_cpuset *out);

/* Parses an interrupt line's label ("11") as a number; false for "NMI", "LOC", ... */
bool lkm_irq_number(const char *label, unsigned *irq);
