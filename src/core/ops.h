/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

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
	int (*write_param)(void *ctx, const char *module, const char *param, const char *value);
	/* Writes CPUS ("0-3,8") to /proc/irq/IRQ/smp_affinity_list. */
	int (*write_irq_affinity)(void *ctx, unsigned irq, const char *cpus);
	void *ctx;
};

/* The real table and what it acts through: KCTX on the kernel, ROOT on /sys. */
struct lkm_real_ops {
	struct lkm_ops ops;
	struct kmod_ctx *kctx;
	const struct lkm_sysroot *root;
};

/* Fills R so that R->ops calls the kernel; KCTX and ROOT must outlive R. */
void lkm_real_ops_init(struct lkm_real_ops *r, struct kmod_ctx *kctx,
		       const struct lkm_sysroot *root);
