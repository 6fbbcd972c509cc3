/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <signal.h>
#include <stddef.h>

#include "model/sysroot.h"

struct kmod_ctx;

/*
 * The kernel boundary: the only calls in lkmtui that change the kernel. The real table
 * goes through libkmod (which picks finit_module or init_module and decompresses); unit
 * tests install a fake that records calls and returns chosen errnos. Each returns 0 or
 * the kernel's -errno.
 */
struct lkm_ops {
	/* Inserts the module file PATH with PARAMS ("io=0x300 irq=11", may be ""). */
	int (*insert)(void *ctx, const char *path, const char *params);
	/* Removes the loaded module NAME; never forced. */
	int (*remove)(void *ctx, const char *name);
	/* Writes VALUE to /sys/module/MODULE/parameters/PARAM. */
	int (*write_param)(void *ctx, const char *module, const char *param,
			   const char *value);
	/* Writes CPUS ("0-3,8") to /proc/irq/IRQ/smp_affinity_list. */
	int (*write_irq_affinity)(void *ctx, unsigned irq, const char *cpus);
	/* Writes VALUE to the binding file FILE (enum lkm_bind_file) of device ADDRESS on
	 * BUS: what moves a device from one driver to another. */
	int (*write_bind)(void *ctx, const char *bus, const char *address, int file,
			  const char *value);
	void *ctx;
};

/* The files that bind and unbind a device, as driverctl writes them. */
enum lkm_bind_file {
	LKM_BIND_OVERRIDE, /* /sys/bus/BUS/devices/ADDRESS/driver_override: the one driver
			    * that may take it ("" clears it) */
	LKM_BIND_UNBIND, /* /sys/bus/BUS/devices/ADDRESS/driver/unbind: its driver lets go
			  */
	LKM_BIND_PROBE,	 /* /sys/bus/BUS/drivers_probe: the drivers try it again */
};

/* The path of FILE for ADDRESS on BUS, into BUF ("/sys/bus/pci/drivers_probe"). Returns
 * 0, -EINVAL (BUS or ADDRESS not one path component), -ENAMETOOLONG. */
int lkm_bind_file_path(const char *bus, const char *address, int file, char *buf,
		       size_t size);

/* The real table and what it acts through: KCTX on the kernel, ROOT on /sys. */
struct lkm_real_ops {
	struct lkm_ops ops;
	struct kmod_ctx *kctx;
	const struct lkm_sysroot *root;
};

/* Fills R so that R->ops calls the kernel; KCTX and ROOT must outlive R. */
void lkm_real_ops_init(struct lkm_real_ops *r, struct kmod_ctx *kctx,
		       const struct lkm_sysroot *root);

/*
 * A table that passes each call to INNER until *STOP is set (by a signal handler), then
 * answers every further call with -EINTR without reaching the kernel: a multi-step
 * operation stops between two steps, never inside one, and its result says which were
 * done. STOP and INNER must outlive S.
 */
struct lkm_stop_ops {
	struct lkm_ops ops;
	const struct lkm_ops *inner;
	const volatile sig_atomic_t *stop;
};

void lkm_stop_ops_init(struct lkm_stop_ops *s, const struct lkm_ops *inner,
		       const volatile sig_atomic_t *stop);
