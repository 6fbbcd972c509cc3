// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>

#include "ui/json.h"
#include "ui/json_shapes.h"

void lkm_json_modules(FILE *out, const struct lkm_snapshot *snap)
{
	struct lkm_json j;
	size_t n_flags;
	const struct lkm_modflag_word *flags = lkm_module_flag_words(&n_flags);

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	lkm_json_bool(&j, "module_support", snap->modules_err != -ENOENT);
	lkm_json_open(&j, "modules", '[');
	for (size_t i = 0; i < snap->modules.n; i++) {
		const struct lkm_module *m = &snap->modules.v[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "name", m->name);
		lkm_json_u64(&j, "size", m->size);
		if (m->has_use_count)
			lkm_json_i64(&j, "use_count", m->use_count);
		else
			lkm_json_null(&j, "use_count");
		lkm_json_open(&j, "used_by", '[');
		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u))
			lkm_json_str(&j, NULL, u);
		lkm_json_close(&j, ']');
		lkm_json_str(&j, "state", lkm_module_state_id(m->state));
		lkm_json_open(&j, "flags", '[');
		for (size_t f = 0; f < n_flags; f++)
			if (m->flags & flags[f].flag)
				lkm_json_str(&j, NULL, flags[f].id);
		lkm_json_close(&j, ']');
		lkm_json_str(&j, "taints", m->taints);
		lkm_json_str(&j, "address", m->address);
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

static void device_list(struct lkm_json *j, const struct lkm_devices *devs,
			const char *key, enum lkm_device_kind kind)
{
	lkm_json_open(j, key, '[');
	for (size_t i = 0; i < devs->n; i++) {
		if (devs->v[i].kind != kind)
			continue;
		lkm_json_open(j, NULL, '{');
		lkm_json_u64(j, "major", devs->v[i].major);
		lkm_json_str(j, "name", devs->v[i].name);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
}

void lkm_json_devices(FILE *out, const struct lkm_snapshot *snap)
{
	struct lkm_json j;

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	device_list(&j, &snap->devices, "character", LKM_DEV_CHAR);
	device_list(&j, &snap->devices, "block", LKM_DEV_BLOCK);
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

void lkm_json_interrupts(FILE *out, const struct lkm_snapshot *snap,
			 const struct lkm_rates *rates)
{
	const struct lkm_interrupts *irqs = &snap->interrupts;
	bool with_rates = rates != NULL && rates->seconds > 0;
	struct lkm_json j;

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	lkm_json_open(&j, "cpus", '[');
	for (size_t c = 0; c < irqs->n_cpus; c++)
		lkm_json_str(&j, NULL, irqs->cpus[c]);
	lkm_json_close(&j, ']');
	if (with_rates)
		lkm_json_double(&j, "interval", rates->seconds);
	lkm_json_open(&j, "irqs", '[');
	for (size_t i = 0; i < irqs->n; i++) {
		const struct lkm_irq *irq = &irqs->v[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "irq", irq->label);
		lkm_json_open(&j, "counts", '[');
		for (size_t c = 0; c < irq->n_counts; c++)
			lkm_json_u64(&j, NULL, irq->counts[c]);
		lkm_json_close(&j, ']');
		lkm_json_u64(&j, "total", irq->total);
		lkm_json_str(&j, "chip", irq->chip);
		lkm_json_str(&j, "hwirq", irq->hwirq);
		lkm_json_str(&j, "trigger", irq->trigger);
		lkm_json_open(&j, "actions", '[');
		for (const char *a = lkm_irq_next_action(irq, NULL); a;
		     a = lkm_irq_next_action(irq, a))
			lkm_json_str(&j, NULL, a);
		lkm_json_close(&j, ']');
		lkm_json_str(&j, "description", irq->description);
		if (with_rates) {
			lkm_json_double(&j, "rate", rates->irq_total[i]);
			lkm_json_open(&j, "rates", '[');
			for (size_t c = 0; c < irq->n_counts; c++)
				lkm_json_double(&j, NULL,
						lkm_rates_irq_cpu(rates, irq, i, c));
			lkm_json_close(&j, ']');
		}
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

static void counters(struct lkm_json *j, const char *key, const uint64_t *c,
		     const double *rate, int first, int last)
{
	lkm_json_open(j, key, '{');
	for (int k = first; k <= last; k++) {
		if (rate)
			lkm_json_double(j, lkm_netdev_counter_key(k), rate[k]);
		else
			lkm_json_u64(j, lkm_netdev_counter_key(k), c[k]);
	}
	lkm_json_close(j, '}');
}

void lkm_json_netdev(FILE *out, const struct lkm_snapshot *snap,
		     const struct lkm_rates *rates)
{
	bool with_rates = rates != NULL && rates->seconds > 0;
	struct lkm_json j;

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	if (with_rates)
		lkm_json_double(&j, "interval", rates->seconds);
	lkm_json_open(&j, "interfaces", '[');
	for (size_t i = 0; i < snap->netdev.n; i++) {
		const struct lkm_netif *nif = &snap->netdev.v[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "name", nif->name);
		counters(&j, "rx", nif->c, NULL, LKM_RX_BYTES, LKM_RX_MULTICAST);
		counters(&j, "tx", nif->c, NULL, LKM_TX_BYTES, LKM_TX_COMPRESSED);
		if (with_rates) {
			lkm_json_open(&j, "rates", '{');
			counters(&j, "rx", NULL, rates->net[i], LKM_RX_BYTES,
				 LKM_RX_MULTICAST);
			counters(&j, "tx", NULL, rates->net[i], LKM_TX_BYTES,
				 LKM_TX_COMPRESSED);
			lkm_json_close(&j, '}');
		}
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}
