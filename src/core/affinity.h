/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

#include "core/explain.h"
#include "core/ops.h"
#include "model/sysroot.h"

/*
 * Moving an interrupt line to other CPUs: /proc/irq/N/smp_affinity_list, written through
 * the kernel boundary (ops->write_irq_affinity) after the checks a person would want
 * first, and every refusal explained as a diagnosis like a module's.
 */
struct lkm_affinity_change {
	unsigned irq;
	char cpus[256];	  /* the list written, as the kernel writes lists ("0-3,8") */
	char before[256]; /* smp_affinity_list before and after the write */
	char after[256];
	char effective[256]; /* effective_affinity_list after it ("" when the kernel has
				none) */
	bool irqbalance;     /* irqbalance runs: it will move the line again */
};

/*
 * Checks CPUS for IRQ under ROOT without writing: a CPU list, not empty, only online
 * CPUs, an interrupt line that has an affinity. Returns 0 (with the normalised list in
 * OUT->cpus and OUT->before), or -errno with DIAG filled (release it with
 * lkm_diagnosis_release).
 */
int lkm_affinity_check(const struct lkm_sysroot *root, unsigned irq, const char *cpus,
		       struct lkm_affinity_change *out, struct lkm_diagnosis *diag);

/* Checks as above, writes through OPS, reads the result back. Returns 0 or -errno with
 * DIAG filled. */
int lkm_affinity_set(const struct lkm_ops *ops, const struct lkm_sysroot *root,
		     unsigned irq, const char *cpus, struct lkm_affinity_change *out,
		     struct lkm_diagnosis *diag);

/* Whether an irqbalance process runs on ROOT (its /proc/PID/comm). */
bool lkm_irqbalance_running(const struct lkm_sysroot *root);
