// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * From a failed operation (or, for `lkmtui explain`, from the file alone) to a diagnosis:
 * which analyser looks, chosen by two tables. The kernel's own log lines are the
 * strongest evidence; where they are missing or unreadable, the file and the system say
 * the rest. The words are all in texts.c.
 *
 * How to add a cause:
 *  1. A kind: its LKM_DIAG_ value in core/explain.h (before LKM_DIAG_COUNT), its row in
 *     texts.c (id, title, teaching, fix templates and what each fix does), its id in
 *     doc/CONTRACT.md, its German in po/de.po.
 *  2. An analyser in a file of its family under src/core/explain/ (a new file: add it to
 *     src/core/Makemodule.am and po/POTFILES.in), declared in cause.h: an lkm_cause_fn
 *     that returns 1 with D filled when the failed step is its cause, 0 with D untouched
 *     to let the next row look; and/or an lkm_foresee_fn that predicts it before a load.
 *  3. A row here: in `causes`, keyed on the operation, the -errno (0: any) and a piece
 *     of a kernel line (NULL: any); the first row that matches and answers 1 wins, so put
 *     it before the rows it is more specific than (the last row of each operation takes
 *     everything). In `foresights`, every row runs, each adding at most one diagnosis;
 *     its `reads` says whether it also asks the running kernel (skipped for a file's own
 *     kernel, tree_only).
 *  4. A case in tests/unit/test-explain.c (fixture files, a fake kernel answer), and a
 *     real kernel case in a VM scenario when a real kernel can produce it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"

/* One row: the analyser for a failed OP that the kernel answered ERR (0: any), with a
 * log line holding LOGGED (NULL: any). */
struct cause_row {
	enum lkm_op op;
	int err;
	const char *logged;
	lkm_cause_fn *analyse;
};

static const struct cause_row causes[] = {
	/* Loads: the kernel's words first. The namespace check runs while symbols are
	 * resolved, before "Unknown symbol X". */
	{ LKM_OP_LOAD, 0, ", but does not import it", lkm_cause_namespace },
	{ LKM_OP_LOAD, 0, "exports duplicate symbol ", lkm_cause_duplicate },
	/* The boot's own rules, module_blacklist= and lockdown, come first. */
	{ LKM_OP_LOAD, -EPERM, NULL, lkm_cause_blacklisted },
	{ LKM_OP_LOAD, -EPERM, NULL, lkm_cause_lockdown },
	{ LKM_OP_LOAD, -EBUSY, NULL, lkm_cause_resource_busy },
	/* A CRC mismatch logs "disagrees about version of symbol X", then "Unknown
	 * symbol X". */
	{ LKM_OP_LOAD, 0, "disagrees about version of symbol ", lkm_cause_crc },
	{ LKM_OP_LOAD, 0, "Unknown symbol ", lkm_cause_unknown_symbols },
	{ LKM_OP_LOAD, 0, "version magic '", lkm_cause_vermagic },
	{ LKM_OP_LOAD, 0, "invalid for parameter", lkm_cause_invalid_param },
	{ LKM_OP_LOAD, -EINVAL, "parameter", lkm_cause_invalid_param },
	{ LKM_OP_LOAD, -EKEYREJECTED, NULL, lkm_cause_signature },
	{ LKM_OP_LOAD, -ENOKEY, NULL, lkm_cause_signature },
	{ LKM_OP_LOAD, -EKEYEXPIRED, NULL, lkm_cause_signature },
	{ LKM_OP_LOAD, -EBADMSG, NULL, lkm_cause_signature },
	{ LKM_OP_LOAD, 0, "Key was rejected", lkm_cause_signature },
	{ LKM_OP_LOAD, 0, "Lockdown:", lkm_cause_signature },
	{ LKM_OP_LOAD, 0, "Loading of unsigned module is rejected", lkm_cause_signature },
	{ LKM_OP_LOAD, -ENOEXEC, NULL, lkm_cause_bad_format },
	/* A firmware file the init asked for: the loader's line; without a readable log,
	 * every file the module declares missing. */
	{ LKM_OP_LOAD, 0, "Direct firmware load for ", lkm_cause_firmware },
	{ LKM_OP_LOAD, -ENOENT, NULL, lkm_cause_firmware },
	/* ENOENT without readable log lines: the file's undefined symbols. */
	{ LKM_OP_LOAD, -ENOENT, NULL, lkm_cause_missing_symbols },
	{ LKM_OP_LOAD, -EEXIST, NULL, lkm_cause_in_transit },
	{ LKM_OP_LOAD, -EEXIST, NULL, lkm_cause_already_loaded },
	/* A CPU the module is not made for: EOPNOTSUPP (kvm), ENODEV (crypto), others. */
	{ LKM_OP_LOAD, 0, NULL, lkm_cause_cpu_feature },
	{ LKM_OP_LOAD, -EPERM, NULL, lkm_cause_not_permitted },
	{ LKM_OP_LOAD, -ENODEV, NULL, lkm_cause_no_device },
	{ LKM_OP_LOAD, -ENXIO, NULL, lkm_cause_no_device },
	{ LKM_OP_LOAD, 0, NULL, lkm_cause_init_failed },
	{ LKM_OP_UNLOAD, -EBUSY, NULL, lkm_cause_in_transit },
	{ LKM_OP_UNLOAD, -EBUSY, NULL, lkm_cause_unload_busy },
	{ LKM_OP_UNLOAD, -EAGAIN, NULL, lkm_cause_unload_busy },
	{ LKM_OP_UNLOAD, 0, NULL, lkm_cause_unload_failed },
	{ LKM_OP_SET, 0, NULL, lkm_cause_set_failed },
};

/* What a foresight reads besides the file: only the root's files (/lib/firmware,
 * modprobe.d, the CPU), a module tree (depmod's indexes, the headers' Module.symvers),
 * or the running kernel (its /proc: boot line, lockdown, resources, exports). */
enum reads { READS_FILE, READS_TREE, READS_RUNNING };

/* What `lkmtui explain` foresees, in the order it shows them: what the file says, then
 * what the running system will refuse. */
static const struct {
	lkm_foresee_fn *fn;
	enum reads reads;
} foresights[] = {
	{ lkm_foresee_file, READS_FILE }, /* and CRCs against a tree if any */
	{ lkm_foresee_symbols, READS_TREE },
	{ lkm_foresee_blacklisted, READS_RUNNING },
	{ lkm_foresee_lockdown, READS_RUNNING },
	{ lkm_foresee_duplicate, READS_RUNNING },
	{ lkm_foresee_namespace, READS_TREE },
	{ lkm_foresee_resource, READS_RUNNING },
	{ lkm_foresee_gpl_kernel, READS_RUNNING },
	{ lkm_foresee_firmware, READS_FILE },
	{ lkm_foresee_cpu_feature, READS_FILE },
	{ lkm_foresee_ignored_options, READS_FILE },
};

/* Whether foresight I asks anything CTX can answer: asked of a file's own kernel
 * (tree_only), what runs now is not that kernel, and its tree may be missing. */
static bool answerable(const struct lkm_explain_ctx *ctx, size_t i)
{
	if (!ctx->tree_only)
		return true;
	return foresights[i].reads == READS_FILE ||
	       (foresights[i].reads == READS_TREE && ctx->resolver != NULL);
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* A step the kernel refused: its answer and log as evidence, then the first row that
 * knows the cause. */
static int explain_kernel_failure(const struct lkm_explain_ctx *ctx,
				  const struct lkm_result *res, struct lkm_diagnosis *d)
{
	const struct lkm_step *step = &res->steps[res->failed];
	struct lkm_cause c = { .ctx = ctx, .res = res, .step = step, .err = res->err };
	struct lkm_modfile *mf = NULL;
	int rc = 0;

	c.module = step->module ? step->module : res->module;
	c.path = step->path ? step->path : res->path;
	c.fill = (struct lkm_diag_fill){ .module = c.module,
					 .file = c.path,
					 .target = res->target,
					 .target_is_file = res->names_file,
					 .param = res->bad_param,
					 .release = ctx->release };
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("the kernel answered %s (%s)"),
		      strerrorname_np(-c.err) ? strerrorname_np(-c.err) : "?",
		      strerror(-c.err));
	if (lkm_explain_log_evidence(d, res) < 0)
		return -ENOMEM;
	if (c.path != NULL && res->op == LKM_OP_LOAD)
		lkm_modfile_open(c.path, &mf, NULL);
	c.mf = mf;
	for (size_t i = 0; i < N_OF(causes) && rc == 0; i++) {
		const struct cause_row *r = &causes[i];

		if (r->op != res->op || (r->err != 0 && r->err != c.err) ||
		    (r->logged && lkm_explain_log_find(res, r->logged) == NULL))
			continue;
		rc = r->analyse(&c, d);
	}
	lkm_modfile_free(mf);
	return rc < 0 ? rc : 0;
}

static int explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			  struct lkm_diagnosis *out)
{
	struct lkm_diag_fill v;

	if (res->err == 0)
		return 0;
	if (res->refusal != LKM_REFUSE_NONE)
		return lkm_explain_refusal(ctx, res, out);
	if (res->failed < res->n_steps)
		return explain_kernel_failure(ctx, res, out);
	/* A failure of lkmtui itself (reading /proc/modules, memory). */
	v = (struct lkm_diag_fill){ .module = res->module ? res->module : res->target,
				    .target = res->target,
				    .target_is_file = res->names_file,
				    .release = ctx->release,
				    .value = strerrorname_np(-res->err) };
	if (res->reason)
		lkm_diag_line(out, &out->evidence, &out->n_evidence, "%s", res->reason);
	return lkm_diag_build(out, LKM_DIAG_INIT_FAILED, res->err, &v);
}

int lkm_explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
		       struct lkm_diagnosis *out)
{
	int err;

	memset(out, 0, sizeof(*out));
	err = explain_result(ctx, res, out);
	if (err == 0 && out->oom)
		err = -ENOMEM;
	if (err < 0)
		lkm_diagnosis_release(out);
	return err;
}

struct lkm_diag_fill lkm_foresight_fill(const struct lkm_foresight *f)
{
	return (struct lkm_diag_fill){ .module = f->module,
				       .file = f->plan->path,
				       .target = f->plan->target,
				       .target_is_file = f->plan->names_file,
				       .release = f->ctx->release };
}

/* The foresights for PLAN into V (room for one each): how many saw a failure, or
 * -ENOMEM. */
static int foresee(struct lkm_foresight *f, struct lkm_diagnosis *v)
{
	size_t n = 0;

	for (size_t i = 0; i < N_OF(foresights); i++) {
		int rc = answerable(f->ctx, i) ? foresights[i].fn(f, &v[n]) : 0;

		if (rc < 0)
			return rc;
		if (rc > 0)
			n++;
		else
			lkm_diagnosis_release(&v[n]);
	}
	return (int)n;
}

/* Room for a prediction's diagnoses: a refusal, one a foresight, and those of a file's
 * own kernel after a refusal for having no module support. */
#define PREDICT_ROOM (2 * (1 + N_OF(foresights)))

static int predict(const struct lkm_explain_ctx *ctx, const struct lkm_engine *engine,
		   const char *target, const struct lkm_params *params,
		   struct lkm_diagnosis *v);

/*
 * TARGET, a file, on a kernel that cannot load modules (NOSUP says so): what the kernel
 * the file was built for would say of it, against that kernel's module tree when this
 * root has one (a build or packaging machine), else what the file alone shows. Into V;
 * NOSUP gets a line saying which. Returns how many, or -ENOMEM.
 */
static int predict_for_its_kernel(const struct lkm_explain_ctx *ctx,
				  const struct lkm_engine *engine, const char *target,
				  const struct lkm_params *params,
				  struct lkm_diagnosis *nosup, struct lkm_diagnosis *v)
{
	struct lkm_explain_ctx its = *ctx;
	struct lkm_engine dry = *engine;
	char release[128];
	int n;

	if (lkm_modfile_path_built_for(target, release, sizeof(release)) == -ENOMEM)
		return -ENOMEM;
	its.resolver = NULL;
	its.tree_only = true;
	if (release[0]) {
		its.release = release;
		if (lkm_resolver_new_quiet(ctx->root, release, &its.resolver) == -ENOMEM)
			return -ENOMEM;
		if (its.resolver && lkm_resolver_has_moddep(its.resolver) == 0) {
			lkm_resolver_free(its.resolver);
			its.resolver = NULL;
		}
	}
	dry.resolver = its.resolver;
	dry.tree_only = true;
	n = predict(&its, &dry, target, params, v);
	if (n >= 0 && release[0] && its.resolver)
		lkm_diag_line(
			nosup, &nosup->evidence, &nosup->n_evidence,
			n ? _("%s is a module for %s: what that kernel would say of "
			      "it, against its modules here (/lib/modules/%s), follows")
			  : _("%s is a module for %s: against its modules here "
			      "(/lib/modules/%s) nothing stops it; booted into that "
			      "kernel, this machine would load it"),
			target, release, release);
	else if (n >= 0 && release[0])
		lkm_diag_line(nosup, &nosup->evidence, &nosup->n_evidence,
			      n ? _("%s is a module for %s; /lib/modules/%s holds no "
				    "modules here: what the file itself shows follows")
				: _("%s is a module for %s; the file itself shows no "
				    "problem, but /lib/modules/%s holds no modules here "
				    "to check its symbols against"),
			      target, release, release);
	lkm_resolver_free(its.resolver);
	if (n >= 0 && nosup->oom)
		n = -ENOMEM;
	return n;
}

/* lkm_explain_predict into V (room for PREDICT_ROOM): how many, or -ENOMEM. */
static int predict(const struct lkm_explain_ctx *ctx, const struct lkm_engine *engine,
		   const char *target, const struct lkm_params *params,
		   struct lkm_diagnosis *v)
{
	struct lkm_engine dry = *engine;
	struct lkm_result plan;
	struct lkm_modfile *mf = NULL;
	size_t n = 0;
	int err;

	/* A dry run finds the engine's own refusals; privilege is not what is asked here.
	 */
	dry.privileged = true;
	err = lkm_engine_load(&dry, target, params, LKM_DRY_RUN, &plan);
	if (err == -ENOMEM)
		goto fail;
	if (plan.refusal != LKM_REFUSE_NONE) {
		if (lkm_explain_result(ctx, &plan, &v[n]) < 0)
			goto fail;
		n++;
		if (plan.refusal == LKM_REFUSE_NO_MODULE_SUPPORT &&
		    lkm_engine_names_file(target)) {
			err = predict_for_its_kernel(ctx, engine, target, params, &v[0],
						     v + n);
			if (err < 0)
				goto fail;
			n += (size_t)err;
			goto done;
		}
		/* A file that opened is still worth reading: it may not be a module at
		 * all. */
		if (plan.refusal != LKM_REFUSE_ALREADY_LOADED &&
		    plan.refusal != LKM_REFUSE_UNKNOWN_PARAM &&
		    plan.refusal != LKM_REFUSE_INVALID_PARAM)
			goto done;
	}
	err = plan.path ? lkm_modfile_open(plan.path, &mf, NULL) : -ENOENT;
	if (err == -ENOMEM)
		goto fail;
	err = foresee(
		&(struct lkm_foresight){ .ctx = ctx,
					 .plan = &plan,
					 .mf = mf,
					 .module = plan.module ? plan.module : target,
					 .params = params },
		v + n);
	if (err < 0)
		goto fail;
	n += (size_t)err;
done:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	return (int)n;
fail:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	return -ENOMEM;
}

int lkm_explain_predict(const struct lkm_explain_ctx *ctx,
			const struct lkm_engine *engine, const char *target,
			const struct lkm_params *params, struct lkm_diagnosis **out)
{
	static const struct lkm_params none;
	struct lkm_diagnosis *v = calloc(PREDICT_ROOM, sizeof(*v));
	int n;

	*out = NULL;
	if (v == NULL)
		return -ENOMEM;
	n = predict(ctx, engine, target, params ? params : &none, v);
	if (n < 0) {
		lkm_diagnoses_free(v, PREDICT_ROOM);
		return n;
	}
	*out = v;
	return n;
}
