// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/snapshot.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int lkm_snapshot_take(struct lkm_snapshot *s, const struct lkm_sysroot *root,
		      unsigned sources)
{
	s->taken = now();
	if (sources & LKM_SRC_MODULES)
		s->modules_err = lkm_modules_read(&s->modules, root);
	if (sources & LKM_SRC_DEVICES)
		s->devices_err = lkm_devices_read(&s->devices, root);
	if (sources & LKM_SRC_INTERRUPTS)
		s->interrupts_err = lkm_interrupts_read(&s->interrupts, root);
	if (sources & LKM_SRC_NETDEV)
		s->netdev_err = lkm_netdev_read(&s->netdev, root);
	if (s->modules_err == -ENOMEM || s->devices_err == -ENOMEM ||
	    s->interrupts_err == -ENOMEM || s->netdev_err == -ENOMEM)
		return -ENOMEM;
	/* A source that failed shows nothing rather than what it held last time. */
	if (s->modules_err < 0)
		s->modules.n = 0;
	if (s->devices_err < 0)
		s->devices.n = 0;
	if (s->interrupts_err < 0)
		s->interrupts.n = 0;
	if (s->netdev_err < 0)
		s->netdev.n = 0;
	return 0;
}

int lkm_snapshot_take_after(struct lkm_snapshot *cur, struct lkm_snapshot *prev,
			    const struct lkm_sysroot *root, unsigned sources)
{
	struct lkm_buf text = prev->interrupts.buf;

	prev->interrupts.buf = cur->interrupts.buf;
	cur->interrupts.buf = text;
	return lkm_snapshot_take(cur, root, sources);
}

void lkm_snapshot_release(struct lkm_snapshot *s)
{
	lkm_modules_release(&s->modules);
	lkm_devices_release(&s->devices);
	lkm_interrupts_release(&s->interrupts);
	lkm_netdev_release(&s->netdev);
	memset(s, 0, sizeof(*s));
}

double lkm_rate(uint64_t before, uint64_t after, double seconds)
{
	if (seconds <= 0 || after < before)
		return 0;
	return (double)(after - before) / seconds;
}

static int reserve(void **v, size_t *cap, size_t n, size_t elem)
{
	void *p;

	if (n <= *cap)
		return 0;
	p = realloc(*v, n * elem);
	if (p == NULL)
		return -ENOMEM;
	*v = p;
	*cap = n;
	return 0;
}

/* The line of PREV with CUR's label: O(1) while lines keep their order, as they do. */
static const struct lkm_irq *match_irq(const struct lkm_interrupts *prev, size_t i,
				       const char *label)
{
	if (i < prev->n && strcmp(prev->v[i].label, label) == 0)
		return &prev->v[i];
	return lkm_interrupts_find(prev, label);
}

static const struct lkm_netif *match_netif(const struct lkm_netdev *prev, size_t i,
					   const char *name)
{
	if (i < prev->n && strcmp(prev->v[i].name, name) == 0)
		return &prev->v[i];
	return lkm_netdev_find(prev, name);
}

int lkm_rates_compute(struct lkm_rates *r, const struct lkm_snapshot *prev,
		      const struct lkm_snapshot *cur)
{
	const struct lkm_interrupts *ci = &cur->interrupts;
	const struct lkm_netdev *cn = &cur->netdev;
	size_t i;

	if (reserve((void **)&r->irq_total, &r->irq_cap, ci->n + 1, sizeof(double)) < 0 ||
	    reserve((void **)&r->irq_was, &r->irq_was_cap, ci->n + 1,
		    sizeof(*r->irq_was)) < 0 ||
	    reserve((void **)&r->net, &r->net_cap, cn->n + 1, sizeof(*r->net)) < 0)
		return -ENOMEM;
	r->seconds = cur->taken - prev->taken;
	for (i = 0; i < ci->n; i++) {
		const struct lkm_irq *now_irq = &ci->v[i];
		const struct lkm_irq *was =
			match_irq(&prev->interrupts, i, now_irq->label);

		r->irq_was[i] = was;
		r->irq_total[i] =
			was ? lkm_rate(was->total, now_irq->total, r->seconds) : 0;
	}
	for (i = 0; i < cn->n; i++) {
		const struct lkm_netif *was =
			match_netif(&prev->netdev, i, cn->v[i].name);

		for (size_t c = 0; c < LKM_NETDEV_NCOUNTERS; c++)
			r->net[i][c] =
				was ? lkm_rate(was->c[c], cn->v[i].c[c], r->seconds) : 0;
	}
	return 0;
}

double lkm_rates_irq_cpu(const struct lkm_rates *r, const struct lkm_irq *now, size_t i,
			 size_t cpu)
{
	const struct lkm_irq *was = r->irq_was[i];

	if (was == NULL || cpu >= was->n_counts || cpu >= now->n_counts)
		return 0;
	return lkm_rate(was->counts[cpu], now->counts[cpu], r->seconds);
}

void lkm_rates_release(struct lkm_rates *r)
{
	free(r->irq_total);
	free(r->irq_was);
	free(r->net);
	memset(r, 0, sizeof(*r));
}
