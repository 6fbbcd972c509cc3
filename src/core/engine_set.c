// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine_int.h"
#include "core/modfile.h"
#include "core/keep.h"
#include "core/params.h"
#include "core/persist.h"
#include "i18n.h"
#include "model/sysmodule.h"
#include "shared/strv.h"

/* The declared type of MODULE's parameter NAME, from its file, into *TYPE (NULL when
 * unknown). Returns 0 or -ENOMEM: an unknown type is not checked, a forgotten one would
 * let a wrong value through. */
static int declared_type(const struct lkm_engine *e, const char *module, const char *name,
			 char **type)
{
	struct lkm_modlist found = { 0 };
	struct lkm_modfile *mf = NULL;
	int err;

	*type = NULL;
	if (e->resolver == NULL)
		return 0;
	err = lkm_resolve_lookup(e->resolver, module, &found);
	if (err < 0)
		return err == -ENOMEM ? err : 0;
	if (found.n > 0 && found.v[0].path) {
		err = lkm_modfile_open(found.v[0].path, &mf, NULL);
		if (err == 0) {
			const struct lkm_modfile_param *decl;
			size_t n = lkm_modfile_params(mf, &decl);

			for (size_t i = 0; i < n && *type == NULL; i++)
				if (lkm_param_name_eq(decl[i].name, name) &&
				    decl[i].type &&
				    (*type = strdup(decl[i].type)) == NULL)
					err = -ENOMEM;
		}
	}
	lkm_modfile_free(mf);
	lkm_modlist_release(&found);
	return err == -ENOMEM ? err : 0;
}

/* --persist for set: this module's persisted options with SET's value replaced. */
static int persist_merged(const struct lkm_engine *e, const char *module,
			  const struct lkm_param *set, struct lkm_result *res)
{
	char **old = NULL;
	struct lkm_params parsed = { 0 }, merged = { 0 };
	size_t n = 0;
	int err = lkm_persist_read(e->root, module, &old);

	if (err < 0 && err != -ENOENT)
		return lkm_result_refuse(res, LKM_REFUSE_PERSIST, err,
					 _("cannot read %s: %s"), LKM_PERSIST_FILE,
					 strerror(-err));
	for (size_t i = 0; old && old[i]; i++)
		n++;
	err = lkm_params_parse((const char *const *)old, n, &parsed);
	merged.v = err == 0 ? calloc(n + 1, sizeof(*merged.v)) : NULL;
	if (merged.v == NULL) {
		err = -ENOMEM;
		goto out;
	}
	/* Borrowed from PARSED and SET: MERGED's array alone is freed. */
	for (size_t i = 0; i < parsed.n; i++)
		if (!lkm_param_name_eq(parsed.v[i].name, set->name))
			merged.v[merged.n++] = parsed.v[i];
	merged.v[merged.n++] = *set;
	err = lkm_keep_options(e, module, &merged, res);
out:
	free(merged.v);
	lkm_params_release(&parsed);
	lkm_strv_freev(old);
	return err;
}

/* MODULE's parameter PARAM in SM (/sys/module/MODULE/parameters), into *OUT: refused
 * when there is none, when it is read-only, and when the value is not of its declared
 * type. Returns 0 or the refusal's -errno (or -ENOMEM). */
static int settable(const struct lkm_engine *e, const struct lkm_sysmodule *sm,
		    const struct lkm_param *param, struct lkm_result *res,
		    const struct lkm_sysparam **out)
{
	const struct lkm_sysparam *p = NULL;
	const char *name = param->name;
	char reason[256], *type = NULL;
	bool refused;
	int err;

	for (size_t i = 0; i < sm->n_params; i++)
		if (lkm_param_name_eq(sm->params[i].name, name))
			p = &sm->params[i];
	if (p == NULL) {
		for (size_t i = 0; i < sm->n_params; i++)
			if (!lkm_strv_addf(
				    &res->details, &res->n_details, "%s = %s (%s)",
				    sm->params[i].name,
				    sm->params[i].value ? sm->params[i].value : "?",
				    sm->params[i].writable ? "writable" : "read-only"))
				return -ENOMEM;
		return lkm_result_refuse(
			res, LKM_REFUSE_UNKNOWN_PARAM, -ENOENT,
			sm->n_params ? _("%s has no parameter '%s' in "
					 "/sys/module/%s/parameters")
				     : _("%s has no parameter '%s': it shows none in "
					 "/sys/module/%s/parameters"),
			res->module, name, res->module);
	}
	/* The value it has: "before" beside the "after" of a write, "now" when refused.
	 */
	if (!p->writable) {
		if (!lkm_strv_addf(&res->details, &res->n_details, _("%s: %s now"),
				   p->name, p->value ? p->value : "?"))
			return -ENOMEM;
		return lkm_result_refuse(
			res, LKM_REFUSE_READ_ONLY_PARAM, -EPERM,
			_("%s is read-only (mode %04o): the module takes it only at "
			  "load time"),
			p->name, (unsigned)p->mode);
	}
	err = declared_type(e, res->module, name, &type);
	refused = err == 0 && type != NULL &&
		  lkm_param_check_value(type, param->value, reason, sizeof(reason)) !=
			  LKM_PARAM_OK;
	free(type);
	if (!lkm_strv_addf(&res->details, &res->n_details,
			   refused ? _("%s: %s now") : _("%s: %s before"), p->name,
			   p->value ? p->value : "?"))
		return -ENOMEM;
	if (refused)
		err = lkm_result_refuse(res, LKM_REFUSE_INVALID_PARAM, -EINVAL, "%s: %s",
					name, reason);
	*out = p;
	return err;
}

/* Writes PARAM to P (step S) and reads back what the module holds after;
 * LKM_PERSIST then saves it. Returns 0, the step's -errno, or -ENOMEM. */
static int write_param(const struct lkm_engine *e, const struct lkm_sysparam *p,
		       const struct lkm_param *param, unsigned flags, struct lkm_step *s,
		       struct lkm_result *res)
{
	int err;

	lkm_kmsg_begin(&res->log, e->root);
	s->err = e->ops->write_param(e->ops->ctx, res->module, p->name, param->value);
	s->done = s->err == 0;
	if (s->err < 0) {
		res->err = s->err;
		res->failed = 0;
	}
	err = lkm_kmsg_collect(&res->log);
	if (err == 0)
		err = lkm_engine_attribute_log(e, res);
	if (err == 0 && res->err == 0) {
		struct lkm_sysmodule after;

		err = lkm_sysmodule_read(e->root, res->module, &after);
		if (err == 0) {
			const struct lkm_sysparam *q =
				lkm_sysmodule_param(&after, p->name);

			if (!lkm_strv_addf(&res->details, &res->n_details,
					   _("%s: %s after"), p->name,
					   q && q->value ? q->value : "?"))
				err = -ENOMEM;
			lkm_sysmodule_release(&after);
		}
		if (err == 0 && (flags & LKM_PERSIST))
			err = persist_merged(e, res->module, param, res);
	}
	lkm_engine_log_change(e, res, "set parameter of");
	return err < 0 ? err : res->err;
}

int lkm_engine_set(const struct lkm_engine *e, const char *module,
		   const struct lkm_param *param, unsigned flags, struct lkm_result *res)
{
	struct lkm_modules mods = { 0 };
	struct lkm_sysmodule sm = { 0 };
	const struct lkm_sysparam *p = NULL;
	struct lkm_step *s;
	int err;

	lkm_result_init(res, LKM_OP_SET, module);
	if (res->target == NULL)
		return -ENOMEM;
	res->module = strdup(module);
	if (res->module == NULL)
		return -ENOMEM;
	lkm_module_name_normalize(res->module);
	if (param->why || param->value == NULL) {
		res->bad_param = strdup(param->arg);
		if (res->bad_param == NULL) {
			err = -ENOMEM;
			goto out;
		}
		err = lkm_result_refuse(res, LKM_REFUSE_MALFORMED_PARAM, -EINVAL, "%s",
					param->value == NULL
						? _("give the new value as NAME=VALUE")
						: param->why);
		goto out;
	}
	res->bad_param = strdup(param->name);
	if (res->bad_param == NULL) {
		err = -ENOMEM;
		goto out;
	}
	/* modules_disabled stops loads and unloads only: the kernel's sysfs parameter
	 * store (param_attr_store) never looks at it. */
	err = lkm_engine_check_kernel(e, res, &mods);
	if (err < 0 && res->refusal != LKM_REFUSE_NO_MODULE_SUPPORT &&
	    res->refusal != LKM_REFUSE_MODULES_DISABLED)
		goto out;
	/* Built-in modules have /sys/module/NAME/parameters too, without /proc/modules.
	 */
	err = lkm_sysmodule_read(e->root, res->module, &sm);
	if (err < 0)
		goto out;
	if (!sm.present) {
		err = lkm_result_refuse(res, LKM_REFUSE_NOT_LOADED, -ENOENT,
					_("%s is not loaded"), module);
		goto out;
	}
	res->refusal = LKM_REFUSE_NONE;
	res->err = 0;
	free(res->reason);
	res->reason = NULL;
	err = settable(e, &sm, param, res, &p);
	if (err < 0)
		goto out;
	s = lkm_engine_step(res, LKM_STEP_WRITE_PARAM, res->module, NULL, param->arg,
			    NULL);
	if (s == NULL) {
		err = -ENOMEM;
		goto out;
	}
	err = lkm_engine_check_privilege(e, res, flags);
	if (err < 0 || (flags & LKM_DRY_RUN)) {
		if (err == 0 && (flags & LKM_PERSIST) &&
		    lkm_engine_step(res, LKM_STEP_PERSIST, res->module, LKM_PERSIST_FILE,
				    NULL, NULL) == NULL)
			err = -ENOMEM;
		goto out;
	}
	err = write_param(e, p, param, flags, s, res);
out:
	lkm_sysmodule_release(&sm);
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}
