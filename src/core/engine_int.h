/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * What the engine's actions share (src/core/engine.c): the result's steps, the checks
 * every change passes (the kernel takes modules at all, the caller may change them), the
 * plan's modprobe.d commands refused, the kernel log attributed, the syslog line. Each
 * action is a file of its own: engine_load.c, engine_unload.c, engine_set.c.
 */

#include "core/engine.h"
#include "model/modules.h"

/* A copy of S, or NULL for NULL. */
char *lkm_engine_dup(const char *s);

/* Appends a step; NULL when memory runs out (then nothing was added): the caller must
 * fail the whole operation, since a plan missing a step is not the plan. */
struct lkm_step *lkm_engine_step(struct lkm_result *res, enum lkm_step_kind kind,
				 const char *module, const char *path, const char *params,
				 const char *note);

/* The system state that stops every change: no module support, modules_disabled. Reads
 * /proc/modules into MODS. */
int lkm_engine_check_kernel(const struct lkm_engine *e, struct lkm_result *res,
			    struct lkm_modules *mods);

/* Whether E may act (not a dry run): a running system, and root or CAP_SYS_MODULE. */
int lkm_engine_check_privilege(const struct lkm_engine *e, struct lkm_result *res,
			       unsigned flags);

/* The syslog line for a change done or failed ("load", "unload", ...). */
void lkm_engine_log_change(const struct lkm_engine *e, const struct lkm_result *res,
			   const char *what);

/* The end of a load (LOAD) or unload that was tried, ERR what it returned so far: when
 * it went well, LKM_PERSIST keeps it over a reboot (PARAMS: the load's parameters, or
 * NULL); then the syslog line. Returns ERR when it is < 0, else res->err. */
int lkm_engine_conclude(const struct lkm_engine *e, struct lkm_result *res, int err,
			const struct lkm_params *params, unsigned flags, bool load);

/* Keeps the log lines of RES's modules (and of no module) of the kernel's log window. */
int lkm_engine_attribute_log(const struct lkm_engine *e, struct lkm_result *res);

/* Refuses M when the kernel is still loading or unloading it (its init or exit function
 * has not returned): nothing more can be asked of it until then. Returns the refusal's
 * -EBUSY, or 0. */
int lkm_engine_refuse_in_transit(const struct lkm_module *m, struct lkm_result *res);

/* Refuses a plan holding a modprobe.d command (KIND "install" or "remove"); 0 when it
 * holds none. */
int lkm_engine_refuse_command(const struct lkm_engine *e, struct lkm_result *res,
			      const char *kind);
