// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer entry point for the /proc/interrupts parser (see twice.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/interrupts.h"
#include "twice.h"

static volatile size_t sink;

static size_t len_or_0(const char *s)
{
	return s ? strlen(s) : 0;
}

static void touch(const struct lkm_interrupts *irqs)
{
	size_t n = irqs->skipped;

	for (size_t i = 0; i < irqs->n_cpus; i++)
		n += strlen(irqs->cpus[i]);
	for (size_t i = 0; i < irqs->n; i++) {
		const struct lkm_irq *irq = &irqs->v[i];
		uint64_t total = 0;
		size_t k = 0;

		n += strlen(irq->label) + strlen(irq->description) + len_or_0(irq->chip) +
		     len_or_0(irq->hwirq) + len_or_0(irq->trigger);
		if (irq->n_counts > irqs->n_cpus)
			abort();
		for (size_t c = 0; c < irq->n_counts; c++)
			total = total > UINT64_MAX - irq->counts[c]
					? UINT64_MAX
					: total + irq->counts[c];
		if (total != irq->total)
			abort();
		for (const char *a = lkm_irq_next_action(irq, NULL); a;
		     a = lkm_irq_next_action(irq, a), k++)
			n += strlen(a);
		if (k != irq->n_actions)
			abort();
		if (lkm_interrupts_find(irqs, irq->label) == NULL)
			abort();
	}
	sink = n;
}

LKM_FUZZ_PARSE_TWICE(struct lkm_interrupts, lkm_interrupts_parse, touch,
		     lkm_interrupts_release)
