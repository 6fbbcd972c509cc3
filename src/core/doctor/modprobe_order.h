/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "core/doctor/doctor.h"

/*
 * modprobe.d where two lines disagree, as libkmod and the kernel settle it: every
 * options line of a module is passed on, in libkmod's order, and the kernel takes the
 * last value of a parameter; of several install (or remove) lines only the first runs.
 */

/* The parameters of the options line at PATH:LINENO (OPTIONS, for MODULE) that a later
 * options line sets to another value: a warning each, naming the line that wins. */
void lkm_overrides(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		   const char *path, unsigned lineno, const char *module,
		   const char *options);

/* The KIND ("install", "remove") line at PATH:LINENO (WHERE) for MODULE running
 * COMMAND: what it runs in place of the load or unload, whether that program is there,
 * and whether an earlier line for the module runs instead. */
void lkm_command_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		      const char *where, const char *path, unsigned lineno,
		      const char *kind, const char *module, const char *command);
