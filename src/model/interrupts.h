/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "model/procfile.h"

/*
 * One line of /proc/interrupts. label is what stands before the colon ("0", "NMI",
 * "LOC", "ERR"). counts has n_counts entries: one per CPU column present on the line
 * (ERR/MIS have one; ragged lines fewer than n_cpus). chip/hwirq/trigger are NULL when
 * the line does not have them; actions holds n_actions NUL-terminated names one after the
 * other ("timer", "uhci_hcd:usb1", "ens3"); description is the rest of the line trimmed,
 * "" when none. All strings stay valid until the next parse or release; none points
 * into the parsed text.
 */
struct lkm_irq {
	const char *label;
	const uint64_t *counts;
	size_t n_counts;
	uint64_t total;
	const char *chip;
	const char *hwirq;
	const char *trigger;
	const char *actions;
	size_t n_actions;
	const char *description;
	int is_numbered; /* label is a number (a device line), not NMI/LOC/... */
};

struct lkm_interrupts {
	const char **cpus; /* n_cpus header names ("CPU0") */
	size_t n_cpus;
	size_t cpus_cap;
	struct lkm_irq *v;
	size_t n;
	size_t cap;
	uint64_t *counts; /* backing store for every line's counts */
	size_t counts_cap;
	char *arena; /* backing store for split-out strings (chip, actions, ...) */
	size_t arena_cap;
	size_t skipped;
	struct lkm_buf buf; /* what lkm_interrupts_read read; nothing points into it */
};

/* Parses TEXT (in place: it is written to, and may be reused once this returns),
 * reusing IRQS' arrays. A file with no header
 * is -EINVAL; malformed lines are skipped and counted. Returns 0 or -errno. */
int lkm_interrupts_parse(struct lkm_interrupts *irqs, char *text);
int lkm_interrupts_read(struct lkm_interrupts *irqs, const struct lkm_sysroot *root);
const struct lkm_irq *lkm_interrupts_find(const struct lkm_interrupts *irqs,
					  const char *label);
/* Iterates an irq's actions like lkm_module_next_user. */
const char *lkm_irq_next_action(const struct lkm_irq *irq, const char *action);
void lkm_interrupts_release(struct lkm_interrupts *irqs);
