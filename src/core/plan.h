/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/resolve.h"

/*
 * modprobe's plan, as libkmod computes it: kmod_module_new_from_lookup finds every module
 * a name or alias matches, and kmod_module_probe_insert_module (KMOD_PROBE_DRY_RUN, its
 * print_action callback) reports, for each, the steps `modprobe --show-depends` prints:
 * softdeps pre (from modprobe.d and from the modules' own .modinfo, through depmod's
 * modules.softdep), dependencies in modules.dep order, the module, softdeps post, each
 * with its options merged as modprobe merges them, and the install command modprobe would
 * run instead of inserting. Nothing here asks whether a module is loaded: libkmod would
 * read the host's /sys; the caller holds /proc/modules, read through the sysroot.
 */

enum lkm_plan_role {
	LKM_PLAN_TARGET,      /* a module the name or alias matched */
	LKM_PLAN_DEPENDENCY,  /* in a target's modules.dep line: required */
	LKM_PLAN_SOFTDEP_PRE, /* reached through a softdep, before its target: optional */
	LKM_PLAN_SOFTDEP_POST, /* reached through a softdep, after its target: optional */
};

struct lkm_plan_item {
	char *name;    /* normalized */
	char *path;    /* NULL: built in, or a name with no module file */
	char *options; /* what modprobe passes: modprobe.d's, then the user's (targets
			* only); without the trailing blank libkmod leaves, which the
			* kernel skips */
	char *command; /* the install command modprobe would run instead of inserting;
			  NULL */
	bool builtin;  /* in modules.builtin */
	enum lkm_plan_role role;
	size_t match; /* the index in matches of the target it belongs to */
};

struct lkm_plan_match {
	char *name;
	char *path;
	bool builtin;
	bool skipped; /* blacklisted and reached through an alias: modprobe passes it over
		       */
};

struct lkm_plan {
	struct lkm_plan_match *matches;
	size_t n_matches;
	struct lkm_plan_item
		*items; /* each module once, in the order modprobe meets them */
	size_t n_items;
};

/*
 * The plan for loading TEXT (a module name or alias) with EXTRA_OPTIONS (the user's, for
 * each target; NULL for none). Returns 0, -ENOENT when nothing matches, or another -errno
 * (-ENOMEM). Release OUT with lkm_plan_release (safe on a zeroed plan).
 */
int lkm_plan_load(struct lkm_resolver *r, const char *text, const char *extra_options,
		  struct lkm_plan *out);

void lkm_plan_release(struct lkm_plan *plan);
