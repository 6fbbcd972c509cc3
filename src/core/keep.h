/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "core/engine.h"
#include "core/params.h"

/*
 * What outlives a reboot: the engine's file steps for --persist and for block/unblock,
 * on the files src/core/persist.h writes. Each file step says whether the file changed
 * (lkm_step.unchanged); a change to a file the initramfs carries a copy of warns with
 * the fix `update-initramfs -u`, which lkmtui never runs. A file that cannot be written
 * stops the operation as LKM_REFUSE_PERSIST, the reason naming the file.
 */

/* load --persist, after the load: the options (when PARAMS holds any) and MODULE's line
 * in modules-load.d. unload --persist (LOAD false): both removed. Returns 0 or -errno. */
int lkm_keep_module(const struct lkm_engine *e, const char *module,
		    const struct lkm_params *params, bool load, struct lkm_result *res);

/* set --persist: MODULE's options line is PARAMS (all of them). */
int lkm_keep_options(const struct lkm_engine *e, const char *module,
		     const struct lkm_params *params, struct lkm_result *res);

/* --dry-run of the above: the steps, not done. OPTIONS: the options line is among them.
 */
int lkm_keep_plan(struct lkm_result *res, const char *module, bool options, bool load);

/*
 * lkmtui block MODULE: "blacklist M" and "install M /bin/false" in /run/modprobe.d (or
 * /etc/modprobe.d with LKM_PERSIST), then MODULE unloaded if it is loaded and nothing
 * holds it (else a warning names the holders; the block is in place anyway), and its
 * modules-load.d line removed. LKM_DRY_RUN: the steps, nothing done. Every later load,
 * by name or as a dependency, meets the block (LKM_REFUSE_BLOCKED).
 */
int lkm_engine_block(const struct lkm_engine *e, const char *module, unsigned flags,
		     struct lkm_result *res);

/* lkmtui unblock MODULE: the block's lines removed from /run/modprobe.d, and with
 * LKM_PERSIST from /etc/modprobe.d too (without, a block left there is warned of). */
int lkm_engine_unblock(const struct lkm_engine *e, const char *module, unsigned flags,
		       struct lkm_result *res);
