/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * The explainer's analysers: what each gets, and the helpers they share. An analyser of a
 * failed step is a row of the table in dispatch.c; so is a foresight (`lkmtui explain`).
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/explain.h"
#include "core/explain/diag.h"
#include "core/modfile.h"
#include "core/params.h"

/* A failed step, as every analyser of it sees it. */
struct lkm_cause {
	const struct lkm_explain_ctx *ctx;
	const struct lkm_result *res;
	const struct lkm_step *step;  /* the step that failed */
	const char *module, *path;    /* the step's (else the result's) */
	const struct lkm_modfile *mf; /* PATH opened for a load; NULL */
	struct lkm_diag_fill fill;    /* module, file, target, param, release: copy it */
	int err;		      /* the kernel's -errno */
};

/* Fills D from C and returns 1 when this cause is it; 0 (D untouched) to let the table's
 * next row look; -ENOMEM. */
typedef int lkm_cause_fn(const struct lkm_cause *c, struct lkm_diagnosis *d);

/* A load before it is tried (`lkmtui explain`): the engine's dry-run plan. */
struct lkm_foresight {
	const struct lkm_explain_ctx *ctx;
	const struct lkm_result *plan;
	const struct lkm_modfile *mf;	 /* the plan's file; NULL when it does not open */
	const char *module;		 /* the plan's module, else the target */
	const struct lkm_params *params; /* as given, split (never NULL) */
	bool file_refused;		 /* a foresight found the file itself refused */
};

/* What a foresight's diagnosis names: the plan's module, file and target. */
struct lkm_diag_fill lkm_foresight_fill(const struct lkm_foresight *f);

/* Fills D (empty) and returns 1 when this foresight sees a failure; 0 (D released
 * by the caller); -ENOMEM. */
typedef int lkm_foresee_fn(struct lkm_foresight *f, struct lkm_diagnosis *d);

/* ---- the analysers (lkm_cause_*) and foresights (lkm_foresee_*), by file ---- */

/* boot.c: the command line's module_blacklist=, lockdown, signatures, privilege */
lkm_cause_fn lkm_cause_blacklisted, lkm_cause_lockdown, lkm_cause_signature;
lkm_cause_fn lkm_cause_not_permitted;
lkm_foresee_fn lkm_foresee_blacklisted, lkm_foresee_lockdown;
/* exports.c: namespaces, duplicate exports */
lkm_cause_fn lkm_cause_namespace, lkm_cause_duplicate;
lkm_foresee_fn lkm_foresee_duplicate, lkm_foresee_namespace;
/* file.c: architecture, not a module, vermagic, symbol CRCs */
lkm_cause_fn lkm_cause_crc, lkm_cause_vermagic, lkm_cause_bad_format;
lkm_foresee_fn lkm_foresee_file;
/* symbols.c: unresolved and GPL-only symbols */
lkm_cause_fn lkm_cause_unknown_symbols, lkm_cause_missing_symbols;
lkm_foresee_fn lkm_foresee_symbols;
/* resource.c: an I/O range, memory, irq or major held */
lkm_cause_fn lkm_cause_resource_busy;
lkm_foresee_fn lkm_foresee_resource;
/* modparams.c: a parameter's value refused, no device where the parameters say */
lkm_cause_fn lkm_cause_invalid_param, lkm_cause_no_device;
/* plain.c: what the errno alone says */
lkm_cause_fn lkm_cause_already_loaded, lkm_cause_init_failed, lkm_cause_set_failed;
/* unload.c: in use, permanent, not loaded */
lkm_cause_fn lkm_cause_unload_busy, lkm_cause_unload_failed;
/* nofirmware.c: a firmware file the driver's init asks for, not installed */
lkm_cause_fn lkm_cause_firmware;
lkm_foresee_fn lkm_foresee_firmware;
/* cpufeature.c: a CPU feature (vmx, aes...) or model the module is made for */
lkm_cause_fn lkm_cause_cpu_feature;
lkm_foresee_fn lkm_foresee_cpu_feature;
/* ignoredopts.c: modprobe.d options the kernel will ignore */
lkm_foresee_fn lkm_foresee_ignored_options;
/* gplkernel.c: GPL-only exports of the kernel itself, from /proc/kallsyms */
lkm_foresee_fn lkm_foresee_gpl_kernel;
/* transit.c: a module still Loading or Unloading */
lkm_cause_fn lkm_cause_in_transit;

/* KIND (still-loading or still-unloading) into D for OP on V.module: the task running
 * its init or exit and where it waits as evidence, the action to take once it has
 * finished. 0 or -ENOMEM. */
int lkm_explain_transit(const struct lkm_explain_ctx *ctx, enum lkm_op op,
			enum lkm_diag_kind kind, int err, struct lkm_diag_fill v,
			struct lkm_diagnosis *d);

/* An engine's refusal (res->refusal), before the kernel was asked (refusal.c). */
int lkm_explain_refusal(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			struct lkm_diagnosis *d);

/* ---- shared ---- */

/* A load by name lkmtui did not find: module-tree-missing or not-indexed with their
 * evidence and list (the other trees, the file), else LKM_DIAG_NONE (notfound.c). */
enum lkm_diag_kind lkm_explain_not_found(const struct lkm_explain_ctx *ctx,
					 const struct lkm_result *res,
					 struct lkm_diagnosis *d, char ***list,
					 size_t *n_list);

/* The text after "PREFIX" in LINE up to one of the END characters, into OUT (kernlog.c).
 */
bool lkm_explain_after(const char *line, const char *prefix, const char *end, char *out,
		       size_t size);
/* The first of RES's kernel lines that holds NEEDLE, or NULL. */
const char *lkm_explain_log_find(const struct lkm_result *res, const char *needle);
/* RES's kernel lines as D's evidence (or why there are none). 0 or -ENOMEM. */
int lkm_explain_log_evidence(struct lkm_diagnosis *d, const struct lkm_result *res);

/* Whether /proc/sys/kernel/modules_disabled is 1; when it is, that goes in the evidence
 * (boot.c). */
bool lkm_explain_modules_disabled(const struct lkm_explain_ctx *ctx,
				  struct lkm_diagnosis *d);

/* The processes and mounts that hold MODULE: evidence in D, and the fixes to put before
 * the table's in FIX. Returns how many, or -ENOMEM (unload.c). */
int lkm_explain_holders(const struct lkm_explain_ctx *ctx, const char *module,
			struct lkm_diagnosis *d, struct lkm_diagnosis *fix);
/* Puts *FIX (the holders' fixes, taken over) before D's; with no module among the N_LIST
 * users, the table's generic "look for open files" line gives way to the unload. */
int lkm_explain_merge_holder_fixes(struct lkm_diagnosis *d, struct lkm_diagnosis *fix,
				   size_t n_list, const char *module);

/* Whether MF is for this machine's architecture (ELF machine, class, byte order); true
 * when the machine is one lkmtui does not know (file.c). */
bool lkm_explain_file_fits(const struct lkm_explain_ctx *ctx,
			   const struct lkm_modfile *mf);

/* The file's own refusal: another architecture, not a module, another kernel's vermagic
 * or symbol versions (SYMBOL: the one the kernel named). 1 (D filled), 0, -ENOMEM
 * (file.c). */
int lkm_explain_file(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
		     const char *path, const char *module, const char *symbol,
		     struct lkm_diagnosis *d, int err);

/* Unresolved (or GPL-only) symbols of MF: LOGGED (the kernel's "Unknown symbol" names)
 * or, with none, its undefined symbols against kallsyms; PLAN's insert steps count as
 * providers. 1 (D filled), 0, -ENOMEM (symbols.c). */
int lkm_explain_symbols(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			const char *module, const char *const *logged, size_t n_logged,
			const struct lkm_result *plan, struct lkm_diagnosis *d, int err);

/* A name not found that DKMS knows (dkms-not-built) or other kernels' trees have
 * (not-built-for-this-kernel): evidence and fixes in D, those kernels to LIST; else
 * LKM_DIAG_NONE with D untouched (dkmsbuild.c). */
enum lkm_diag_kind lkm_explain_dkms(const struct lkm_explain_ctx *ctx, const char *name,
				    struct lkm_diagnosis *d, char ***list,
				    size_t *n_list);

/* For signature-rejected: the key that signed MF against the keys the kernel holds, and
 * a pending MOK enrolment, as evidence in D. True when the kernel holds no key of the
 * signer: FIX then has the fix (enrol it, or reboot to confirm the enrolment) (sigkey.c).
 */
bool lkm_explain_signing_key(const struct lkm_explain_ctx *ctx,
			     const struct lkm_modfile *mf, struct lkm_diagnosis *d,
			     struct lkm_diagnosis *fix);

/* The majors MODULE registered under names not its own, as evidence in D and into *OUT
 * (N of them; lkm_foreign_majors_free) for lkm_holders_query_with. 0 or -ENOMEM
 * (foreignmajor.c). */
struct lkm_foreign_major;
int lkm_explain_foreign_majors(const struct lkm_explain_ctx *ctx, const char *module,
			       struct lkm_diagnosis *d, struct lkm_foreign_major **out,
			       size_t *n);
