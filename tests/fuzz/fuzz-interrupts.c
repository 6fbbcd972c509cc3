// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the /proc/interrupts parser. Each input is parsed twice into
 * the same struct (the refresh path), and every string and number the parser hands out is
 * read, so a pointer outside the buffer or arena shows up under AddressSanitizer.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/interrupts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_interrupts s = { 0 };
	char *a = malloc(size + 1), *b = malloc(size + 1);

	if (a == NULL || b == NULL)
		goto out;
	memcpy(a, data, size);
	a[size] = '\0';
	memcpy(b, a, size + 1);
	if (lkm_interrupts_parse(&s, a) == 0)
		touch(&s);
	if (lkm_interrupts_parse(&s, b) == 0)
		touch(&s);
	lkm_interrupts_release(&s);
out:
	free(a);
	free(b);
	return 0;
}
