/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "model/devices.h"
#include "model/interrupts.h"
#include "model/modules.h"
#include "model/netdev.h"

/*
 * One refresh: all four sources read once. A source that could not be read keeps its
 * -errno in *_err and is empty; modules_err == -ENOENT is a kernel without loadable-
 * module support, which is a state the front ends explain, not a failure.
 */
struct lkm_snapshot {
	struct lkm_modules modules;
	int modules_err;
	struct lkm_devices devices;
	int devices_err;
	struct lkm_interrupts interrupts;
	int interrupts_err;
	struct lkm_netdev netdev;
	int netdev_err;
	double taken; /* CLOCK_MONOTONIC seconds */
};

/* Sources to read, so a one-pane CLI command reads only its own. */
enum lkm_snapshot_source {
	LKM_SRC_MODULES = 1 << 0,
	LKM_SRC_DEVICES = 1 << 1,
	LKM_SRC_INTERRUPTS = 1 << 2,
	LKM_SRC_NETDEV = 1 << 3,
	LKM_SRC_ALL = 0xf,
};

/* Refreshes S in place (its buffers are reused). Returns 0, or -ENOMEM; per-source read
 * errors are in the *_err fields. */
int lkm_snapshot_take(struct lkm_snapshot *s, const struct lkm_sysroot *root,
		      unsigned sources);

/* Takes CUR as lkm_snapshot_take does, reading /proc/interrupts into the buffer PREV
 * read it into (PREV's lines do not point into their text): two snapshots, one copy of
 * the largest file. PREV stays as it was. */
int lkm_snapshot_take_after(struct lkm_snapshot *cur, struct lkm_snapshot *prev,
			    const struct lkm_sysroot *root, unsigned sources);

void lkm_snapshot_release(struct lkm_snapshot *s);

/*
 * Rates between two snapshots, per second. Arrays are indexed like CUR's lines and
 * reused across calls; a line or interface absent from PREV, or a counter that went
 * backwards (a reset, a re-registered device), has rate 0. Per-CPU rates are not
 * stored (a 256-CPU host has 82,000 of them a refresh, and a screen shows a few rows):
 * irq_was keeps each line's match in PREV, so PREV must stay as it is while they are
 * asked for with lkm_rates_irq_cpu.
 */
struct lkm_rates {
	double seconds;			/* the interval; 0 means no rates yet */
	double *irq_total;		/* [cur.interrupts.n] */
	const struct lkm_irq **irq_was; /* [cur.interrupts.n] the line in PREV, or NULL */
	double (*net)[LKM_NETDEV_NCOUNTERS]; /* [cur.netdev.n] */
	size_t irq_cap, irq_was_cap, net_cap;
};

int lkm_rates_compute(struct lkm_rates *r, const struct lkm_snapshot *prev,
		      const struct lkm_snapshot *cur);
void lkm_rates_release(struct lkm_rates *r);
/* The rate of CPU of line I of CUR (NOW is that line), from the rates R computed with
 * it; 0 when the line or the CPU is not in PREV. */
double lkm_rates_irq_cpu(const struct lkm_rates *r, const struct lkm_irq *now, size_t i,
			 size_t cpu);

/* (after - before) / seconds; 0 when the counter went backwards or seconds <= 0. */
double lkm_rate(uint64_t before, uint64_t after, double seconds);
