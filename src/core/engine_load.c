// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine_int.h"
#include "core/modfile.h"
#include "core/modopts.h"
#include "core/params.h"
#include "core/plan.h"
#include "core/keep.h"
#include "core/persist.h"
#include "i18n.h"
#include "model/sysmodule.h"
#include "shared/strv.h"

#define PARAMS_MAX 4096

/* Adds NAME's load chain (deepest dependency first) to CHAIN, each module once. */
static int add_chain(const struct lkm_engine *e, const char *name,
		     struct lkm_modlist *chain)
{
	struct lkm_modlist deps = { 0 };
	int err = lkm_resolve_deps(e->resolver, name, &deps);

	if (err < 0)
		return err;
	for (size_t i = 0; i < deps.n; i++) {
		bool seen = false;
		struct lkm_modref *v;

		for (size_t j = 0; j < chain->n && !seen; j++)
			seen = strcmp(chain->v[j].name, deps.v[i].name) == 0;
		if (seen)
			continue;
		v = realloc(chain->v, (chain->n + 1) * sizeof(*v));
		if (v == NULL) {
			lkm_modlist_release(&deps);
			return -ENOMEM;
		}
		chain->v = v;
		chain->v[chain->n++] = deps.v[i];
		memset(&deps.v[i], 0, sizeof(deps.v[i]));
	}
	lkm_modlist_release(&deps);
	return 0;
}

/*
 * Checks the user's PARAMS against what MF declares, and appends them to KPARAMS. A
 * refusal is recorded in RES.
 */
static int check_params(const struct lkm_modfile *mf, const char *module,
			const struct lkm_params *params, char *kparams, size_t size,
			struct lkm_result *res)
{
	const struct lkm_modfile_param *decl;
	size_t n_decl = lkm_modfile_params(mf, &decl);

	for (size_t i = 0; i < params->n; i++) {
		const char *name = params->v[i].name, *value = params->v[i].value;
		char reason[256];
		const struct lkm_modfile_param *d = NULL;

		if (params->v[i].why) {
			res->bad_param = strdup(params->v[i].arg);
			return lkm_result_refuse(res, LKM_REFUSE_MALFORMED_PARAM, -EINVAL,
						 "%s", params->v[i].why);
		}
		for (size_t j = 0; j < n_decl && d == NULL; j++)
			if (lkm_param_name_eq(decl[j].name, name))
				d = &decl[j];
		if (d == NULL) {
			res->bad_param = strdup(name);
			for (size_t j = 0; j < n_decl; j++)
				if (!lkm_strv_addf(&res->details, &res->n_details,
						   "%s (%s)%s%s", decl[j].name,
						   decl[j].type ? decl[j].type : "?",
						   decl[j].description ? ": " : "",
						   decl[j].description
							   ? decl[j].description
							   : ""))
					return -ENOMEM;
			/* The kernel would only warn ("unknown parameter 'x' ignored")
			 * and load: the user meant something, so stop and show what
			 * exists. */
			return lkm_result_refuse(
				res, LKM_REFUSE_UNKNOWN_PARAM, -EINVAL,
				n_decl ? _("%s has no parameter '%s'")
				       : _("%s has no parameter '%s': it declares none"),
				module, name);
		}
		if (d->type != NULL &&
		    lkm_param_check_value(d->type, value, reason, sizeof(reason)) !=
			    LKM_PARAM_OK) {
			res->bad_param = strdup(name);
			if (d->description)
				lkm_strv_addf(&res->details, &res->n_details,
					      "%s (%s): %s", d->name, d->type,
					      d->description);
			return lkm_result_refuse(res, LKM_REFUSE_INVALID_PARAM, -EINVAL,
						 "%s: %s", name, reason);
		}
		if (lkm_param_append(kparams, size, name, value) < 0)
			return lkm_result_refuse(res, LKM_REFUSE_MALFORMED_PARAM, -E2BIG,
						 _("the parameters are too long"));
	}
	return 0;
}

/* Records that NAME was given VALUE for a loaded module whose parameter is P (NULL: not
 * in /sys). NULL when memory runs out. */
static struct lkm_param_now *add_now(struct lkm_result *res, const char *name,
				     const char *value, const struct lkm_sysparam *p)
{
	struct lkm_param_now *v = realloc(res->now, (res->n_now + 1) * sizeof(*v)), *now;

	if (v == NULL)
		return NULL;
	res->now = v;
	now = &v[res->n_now];
	memset(now, 0, sizeof(*now));
	now->name = strdup(name);
	now->requested = lkm_engine_dup(value);
	now->current = p ? lkm_engine_dup(p->value) : NULL;
	now->writable = p && p->writable;
	if (now->name == NULL || (value && now->requested == NULL) ||
	    (p && p->value && now->current == NULL)) {
		free(now->name);
		free(now->requested);
		free(now->current);
		return NULL;
	}
	res->n_now++;
	return now;
}

/* Already loaded: what the kernel holds now against what was asked. */
static int explain_already_loaded(const struct lkm_engine *e, const struct lkm_module *m,
				  const struct lkm_params *params, struct lkm_result *res)
{
	struct lkm_sysmodule sm;
	int err = lkm_engine_refuse_in_transit(m, res);

	if (err == 0)
		err = lkm_sysmodule_read(e->root, m->name, &sm);
	if (err < 0)
		return err;
	lkm_strv_addf(&res->details, &res->n_details, _("state: %s, use count %lld"),
		      lkm_module_state_id(m->state), (long long)m->use_count);
	for (size_t i = 0; i < params->n; i++) {
		const char *name = params->v[i].name, *value = params->v[i].value;
		const struct lkm_sysparam *p;

		if (params->v[i].why)
			continue;
		p = lkm_sysmodule_param(&sm, name);
		if (add_now(res, name, value, p) == NULL) {
			lkm_sysmodule_release(&sm);
			return -ENOMEM;
		}
		if (p == NULL)
			lkm_strv_addf(&res->details, &res->n_details,
				      _("%s: not in /sys (requested %s)"), name,
				      value ? value : _("(set)"));
		else
			lkm_strv_addf(
				&res->details, &res->n_details,
				_("%s: %s now, %s requested (%s)"), name,
				p->value ? p->value : "?", value ? value : _("(set)"),
				p->writable ? _("writable: lkmtui set can change it")
					    : _("read-only: unload and load again to "
						"change it"));
	}
	lkm_sysmodule_release(&sm);
	return lkm_result_refuse(
		res, LKM_REFUSE_ALREADY_LOADED, -EEXIST,
		params->n ? _("%s is already loaded: the kernel keeps the values it was "
			      "loaded with")
			  : _("%s is already loaded"),
		m->name);
}

static int run_inserts(const struct lkm_engine *e, struct lkm_result *res)
{
	lkm_kmsg_begin(&res->log, e->root);
	for (size_t i = 0; i < res->n_steps; i++) {
		struct lkm_step *s = &res->steps[i];

		if (s->kind != LKM_STEP_INSERT)
			continue;
		s->err = e->ops->insert(e->ops->ctx, s->path, s->params ? s->params : "");
		s->done = s->err == 0;
		if (s->err < 0) {
			res->err = s->err;
			res->failed = i;
			free(res->module);
			res->module = strdup(s->module);
			free(res->path);
			res->path = lkm_engine_dup(s->path);
			break;
		}
	}
	return lkm_kmsg_collect(&res->log) < 0 ? -ENOMEM
					       : lkm_engine_attribute_log(e, res);
}

/* What the module drives now, and a warning when that is nothing though it drives
 * devices: a driver loads whether or not its device is there. */
static int after_load(const struct lkm_engine *e, struct lkm_result *res)
{
	char warning[512];
	int err;

	if (res->module == NULL)
		return 0;
	err = lkm_drives_query(e->root, e->resolver, res->module, &res->log,
			       &res->drives);
	if (err < 0)
		return err;
	lkm_drives_warning(&res->drives, res->module, false, warning, sizeof(warning));
	if (warning[0] && !lkm_strv_addf(&res->warnings, &res->n_warnings, "%s", warning))
		return -ENOMEM;
	return 0;
}

/* The user's parameters as the kernel gets them, into KPARAMS (PARAMS_MAX bytes), checked
 * against what MF declares. A refusal is recorded in RES. */
static int user_params(const struct lkm_modfile *mf, const char *module,
		       const struct lkm_params *params, char *kparams,
		       struct lkm_result *res)
{
	if (lkm_modfile_is_module(mf))
		return check_params(mf, module, params, kparams, PARAMS_MAX, res);
	/* Not a module at all: the kernel refuses it whatever the parameters, and its
	 * refusal (with the file's missing sections) is the diagnosis. */
	for (size_t i = 0; i < params->n; i++)
		if (lkm_param_append(kparams, PARAMS_MAX, params->v[i].arg, NULL) < 0)
			break;
	return 0;
}

/* Refuses RES's module when it is loaded already (saying what its parameters are now);
 * else gives *KPARAMS room for the user's parameters. Returns 0 or a -errno. */
static int not_loaded_yet(const struct lkm_engine *e, const struct lkm_modules *mods,
			  const struct lkm_params *params, struct lkm_result *res,
			  char **kparams)
{
	const struct lkm_module *loaded = lkm_modules_find(mods, res->module);

	if (loaded != NULL)
		return explain_already_loaded(e, loaded, params, res);
	*kparams = calloc(1, PARAMS_MAX);
	return *kparams ? 0 : -ENOMEM;
}

/* A module file: alone, or with its `depends` first (LKM_WITH_DEPS), as insmod would. */
static int plan_file(const struct lkm_engine *e, const char *target,
		     const struct lkm_params *params, unsigned flags,
		     const struct lkm_modules *mods, struct lkm_result *res)
{
	struct lkm_modlist chain = { 0 };
	struct lkm_modfile *mf = NULL;
	struct lkm_modfile_error why = { 0 };
	char *kparams = NULL;
	char note[256];
	int err = lkm_modfile_open(target, &mf, &why);

	res->path = strdup(target);
	if (err == -ENOMEM)
		goto out;
	if (err < 0) {
		err = lkm_result_refuse(
			res, err == -ENOENT ? LKM_REFUSE_NOT_FOUND : LKM_REFUSE_BAD_FILE,
			err, "%s", why.reason);
		goto out;
	}
	res->module = lkm_modfile_module_name(mf, target);
	if (res->module == NULL || res->path == NULL) {
		err = -ENOMEM;
		goto out;
	}
	if ((flags & LKM_WITH_DEPS) && e->resolver) {
		const char *const *deps;
		size_t n = lkm_modfile_depends(mf, &deps);

		for (size_t i = 0; i < n; i++) {
			err = add_chain(e, deps[i], &chain);
			if (err == -ENOMEM)
				goto out;
			if (err < 0) {
				err = lkm_result_refuse(
					res, LKM_REFUSE_NOT_FOUND, err,
					_("%s needs %s, which is not installed"),
					res->module, deps[i]);
				goto out;
			}
		}
	}
	err = not_loaded_yet(e, mods, params, res, &kparams);
	if (err < 0)
		goto out;
	err = user_params(mf, res->module, params, kparams, res);
	if (err < 0)
		goto out;
	snprintf(note, sizeof(note), _("needed by %s"), res->module);
	for (size_t i = 0; i < chain.n; i++) {
		const struct lkm_modref *m = &chain.v[i];
		struct lkm_modconf dconf = { 0 };
		struct lkm_step *s;

		if (lkm_modules_find(mods, m->name))
			s = lkm_engine_step(res, LKM_STEP_SKIP_LOADED, m->name, m->path,
					    NULL, note);
		else if (m->path == NULL)
			s = lkm_engine_step(res, LKM_STEP_SKIP_BUILTIN, m->name, NULL,
					    NULL, note);
		else if ((err = lkm_resolve_modconf(e->resolver, m->name, &dconf)) ==
			 -ENOMEM)
			s = NULL;
		else
			/* A rule on a dependency holds for a file's load too. */
			s = lkm_engine_step(
				res, dconf.install ? LKM_STEP_COMMAND : LKM_STEP_INSERT,
				m->name, m->path, dconf.options ? dconf.options : "",
				note);
		if (s && s->kind == LKM_STEP_COMMAND &&
		    (s->command = strdup(dconf.install)) == NULL)
			s = NULL;
		lkm_modconf_release(&dconf);
		if (s == NULL) {
			err = -ENOMEM;
			goto out;
		}
	}
	err = lkm_engine_step(res, LKM_STEP_INSERT, res->module, res->path, kparams, NULL)
		      ? 0
		      : -ENOMEM;
out:
	free(kparams);
	lkm_modfile_free(mf);
	lkm_modlist_release(&chain);
	return err;
}

/* Why a module is in the plan, for the step's note, into BUF; NULL for the target. */
static const char *plan_note(const struct lkm_plan *p, const struct lkm_plan_item *it,
			     size_t primary, const char *target, char *buf, size_t size)
{
	const char *owner = p->matches[it->match].name;

	switch (it->role) {
	case LKM_PLAN_TARGET:
		if (it->match == primary)
			return NULL;
		snprintf(buf, size, _("%s names it too"), target);
		break;
	case LKM_PLAN_DEPENDENCY: snprintf(buf, size, _("needed by %s"), owner); break;
	case LKM_PLAN_SOFTDEP_PRE:
		snprintf(buf, size, _("softdep pre of %s"), owner);
		break;
	case LKM_PLAN_SOFTDEP_POST:
		snprintf(buf, size, _("softdep post of %s"), owner);
		break;
	}
	return buf;
}

/* Whether modprobe.d gives the primary target options: P planned without the user's. */
static bool conf_options(const struct lkm_plan *p, size_t primary)
{
	for (size_t i = 0; i < p->n_items; i++)
		if (p->items[i].role == LKM_PLAN_TARGET && p->items[i].match == primary)
			return p->items[i].options && *p->items[i].options;
	return false;
}

/* The plan's steps: what modprobe would do, less what /proc/modules already holds. CONF:
 * modprobe.d gives the primary target options (conf_options). */
static int plan_steps(const struct lkm_plan *p, size_t primary, const char *target,
		      bool conf, const struct lkm_modules *mods, unsigned flags,
		      struct lkm_result *res)
{
	for (size_t i = 0; i < p->n_matches; i++)
		if (p->matches[i].skipped &&
		    !lkm_engine_step(
			    res, LKM_STEP_SKIP_BLACKLIST, p->matches[i].name,
			    p->matches[i].path, NULL,
			    "blacklisted in modprobe.d, and reached through an alias"))
			return -ENOMEM;
	for (size_t i = 0; i < p->n_items; i++) {
		const struct lkm_plan_item *it = &p->items[i];
		bool is_primary = it->role == LKM_PLAN_TARGET && it->match == primary;
		char buf[256];
		const char *note = plan_note(p, it, primary, target, buf, sizeof(buf));
		struct lkm_step *s;

		if ((flags & LKM_NO_DEPS) && !is_primary)
			continue;
		if (is_primary && conf)
			note = _("with the options modprobe.d gives it");
		if (lkm_modules_find(mods, it->name)) {
			s = lkm_engine_step(res, LKM_STEP_SKIP_LOADED, it->name, it->path,
					    NULL, note);
		} else if (it->command) {
			s = lkm_engine_step(res, LKM_STEP_COMMAND, it->name, it->path,
					    it->options, note);
			if (s && (s->command = strdup(it->command)) == NULL)
				return -ENOMEM;
		} else if (it->path == NULL) {
			if (!it->builtin)
				continue; /* a name with no module: modprobe does nothing
					     for it */
			s = lkm_engine_step(res, LKM_STEP_SKIP_BUILTIN, it->name, NULL,
					    NULL, note);
		} else {
			s = lkm_engine_step(res, LKM_STEP_INSERT, it->name, it->path,
					    it->options ? it->options : "", note);
		}
		if (s == NULL)
			return -ENOMEM;
	}
	return 0;
}

/* modprobe.d's options for the module that do not do what they say: the load goes on
 * (the kernel only warns), and the admin learns where the line is. */
static int ignored_options(const struct lkm_engine *e, struct lkm_result *res,
			   const struct lkm_modfile *mf)
{
	return lkm_modopts_warnings(e->root, res->module, mf, res->path, &res->warnings,
				    &res->n_warnings);
}

/* No module, alias or file is called TARGET: refused, with the close names. */
static int not_found(const struct lkm_engine *e, const char *target,
		     struct lkm_result *res)
{
	char **close = NULL;
	int nc = lkm_resolve_suggest(e->resolver, target, &close);

	for (int i = 0; i < nc; i++)
		if (!lkm_strv_addf(&res->details, &res->n_details, "%s", close[i]))
			nc = -ENOMEM;
	lkm_strv_freev(close);
	if (nc == -ENOMEM)
		return -ENOMEM;
	return lkm_result_refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
				 _("no module, alias or file is called %s"), target);
}

/* Every match of PLAN is passed over (blacklisted, reached through an alias): the steps
 * say so, and the load is refused. */
static int all_blacklisted(const struct lkm_plan *plan, const char *target,
			   const struct lkm_modules *mods, unsigned flags,
			   struct lkm_result *res)
{
	size_t primary = plan->n_matches;
	int err = 0;

	for (size_t i = 0; i < plan->n_matches; i++)
		if (!lkm_strv_addf(&res->details, &res->n_details, "%s",
				   plan->matches[i].name))
			err = -ENOMEM;
	if (err == 0)
		err = plan_steps(plan, primary, target, conf_options(plan, primary), mods,
				 flags, res);
	if (err == 0)
		err = lkm_result_refuse(
			res, LKM_REFUSE_BLACKLISTED, -ENOENT,
			_("every module %s names is blacklisted in modprobe.d"), target);
	return err;
}

/* The module PLAN's PRIMARY match names, into RES (with a warning when it is
 * blacklisted): refused when it is built in or has no file. Returns 0 when there is a
 * file to load. */
static int primary_module(const struct lkm_engine *e, const struct lkm_plan *plan,
			  size_t primary, const char *target,
			  const struct lkm_modules *mods, unsigned flags,
			  struct lkm_result *res)
{
	const struct lkm_plan_match *m = &plan->matches[primary];
	int err;

	res->module = strdup(m->name);
	res->path = lkm_engine_dup(m->path);
	if (res->module == NULL || (m->path && res->path == NULL))
		return -ENOMEM;
	err = lkm_resolve_is_blacklisted(e->resolver, m->name);
	if (err < 0)
		return err;
	if (err == 1 &&
	    !lkm_strv_addf(
		    &res->warnings, &res->n_warnings,
		    _("%s is blacklisted in modprobe.d: that stops it being loaded "
		      "through an alias (hardware detection) only; an explicit load "
		      "like this one, and a load as a dependency, still work"),
		    m->name))
		return -ENOMEM;
	if (m->path == NULL && m->builtin) {
		err = plan_steps(plan, primary, target, conf_options(plan, primary), mods,
				 flags, res);
		if (err == 0)
			err = lkm_result_refuse(
				res, LKM_REFUSE_BUILTIN, -EEXIST,
				_("%s is built into the kernel: it is always there, "
				  "and its "
				  "parameters are set on the kernel command line "
				  "(%s.NAME=VALUE)"),
				res->module, res->module);
		return err;
	}
	if (m->path == NULL)
		return lkm_result_refuse(
			res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			_("%s is named in modprobe.d but no module file exists"),
			res->module);
	return 0;
}

/* A module name or alias: modprobe's plan, from libkmod. */
static int plan_name(const struct lkm_engine *e, const char *target,
		     const struct lkm_params *params, unsigned flags,
		     const struct lkm_modules *mods, struct lkm_result *res)
{
	struct lkm_plan plan = { 0 };
	struct lkm_modfile *mf = NULL;
	struct lkm_modfile_error why = { 0 };
	char *kparams = NULL;
	size_t primary = 0;
	bool conf;
	int err;

	if (e->resolver == NULL)
		return lkm_result_refuse(
			res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			_("no module directory (/lib/modules/<release>) to look %s "
			  "up in"),
			target);
	err = lkm_plan_load(e->resolver, target, NULL, &plan);
	if (err == -ENOENT || err == -EINVAL)
		return not_found(e, target, res);
	if (err < 0)
		return err;
	/* The first match not passed over names the load, as modprobe's first. */
	for (primary = 0; primary < plan.n_matches && plan.matches[primary].skipped;
	     primary++)
		;
	if (primary == plan.n_matches)
		err = all_blacklisted(&plan, target, mods, flags, res);
	else
		err = primary_module(e, &plan, primary, target, mods, flags, res);
	if (err == 0)
		err = not_loaded_yet(e, mods, params, res, &kparams);
	if (err < 0)
		goto out;
	/* The file is read only to check the user's parameters: a plan costs what
	 * modprobe's costs. A file the kernel refuses is diagnosed from its answer. */
	if (params->n > 0) {
		err = lkm_modfile_open(res->path, &mf, &why);
		if (err < 0) {
			err = lkm_result_refuse(res, LKM_REFUSE_BAD_FILE, err, "%s",
						why.reason);
			goto out;
		}
		err = user_params(mf, res->module, params, kparams, res);
		if (err < 0)
			goto out;
	}
	conf = conf_options(&plan, primary);
	if (*kparams) {
		/* Again with the user's parameters: libkmod puts them after modprobe.d's,
		 * on each module the name matches, as modprobe does with its command
		 * line. */
		lkm_plan_release(&plan);
		err = lkm_plan_load(e->resolver, target, kparams, &plan);
		if (err < 0)
			goto out;
	}
	err = plan_steps(&plan, primary, target, conf, mods, flags, res);
	if (err == 0)
		err = ignored_options(e, res, mf);
out:
	free(kparams);
	lkm_modfile_free(mf);
	lkm_plan_release(&plan);
	return err;
}

/* Already loaded, every parameter given running with the value asked (by /sys). */
static bool running_as_asked(const struct lkm_result *res)
{
	for (size_t i = 0; i < res->n_now; i++)
		if (!lkm_param_value_eq(NULL, res->now[i].current, res->now[i].requested))
			return false;
	return res->module != NULL;
}

/* load --persist of a module running as asked: nothing to insert, the files to write
 * (what --persist asks of the next boot holds whether or not this load inserts it). */
static int keep_loaded(struct lkm_result *res)
{
	free(res->reason);
	res->reason = NULL;
	res->refusal = LKM_REFUSE_NONE;
	res->err = 0;
	if (!lkm_engine_step(res, LKM_STEP_SKIP_LOADED, res->module, res->path, NULL,
			     _("running with the values asked")))
		return -ENOMEM;
	return 0;
}

int lkm_engine_load(const struct lkm_engine *e, const char *target,
		    const struct lkm_params *params, unsigned flags,
		    struct lkm_result *res)
{
	static const struct lkm_params none;
	struct lkm_modules mods = { 0 };
	int err;

	if (params == NULL)
		params = &none;

	lkm_result_init(res, LKM_OP_LOAD, target);
	if (res->target == NULL)
		return -ENOMEM;
	err = lkm_engine_check_kernel(e, res, &mods);
	if (err < 0)
		goto out;
	if (lkm_engine_names_file(target))
		err = plan_file(e, target, params, flags, &mods, res);
	else
		err = plan_name(e, target, params, flags, &mods, res);
	if (res->refusal == LKM_REFUSE_ALREADY_LOADED && (flags & LKM_PERSIST) &&
	    running_as_asked(res))
		err = keep_loaded(res);
	if (err == 0 && res->refusal == LKM_REFUSE_NONE)
		err = lkm_engine_refuse_command(e, res, "install");
	if (err < 0 || res->refusal != LKM_REFUSE_NONE)
		goto out;

	if (flags & LKM_PERSIST) {
		/* A value the options file cannot hold is refused before the kernel is
		 * asked: loading, then failing to remember, would leave half of what was
		 * asked. */
		struct lkm_persist_result pr;
		char *line = NULL;

		err = lkm_persist_line(res->module, params, &pr, &line);
		free(line);
		if (err == -EINVAL) {
			err = lkm_result_refuse(
				res, LKM_REFUSE_PERSIST, err,
				_("cannot save %s in %s: %s"),
				pr.bad < params->n ? params->v[pr.bad].arg : res->module,
				LKM_PERSIST_FILE, lkm_persist_refusal_text(pr.refusal));
			goto out;
		}
		if (err < 0)
			goto out;
	}
	err = lkm_engine_check_privilege(e, res, flags);
	if (err < 0 || (flags & LKM_DRY_RUN)) {
		if (err == 0 && (flags & LKM_PERSIST))
			err = lkm_keep_plan(res, res->module, params->n > 0, true);
		goto out;
	}
	err = run_inserts(e, res);
	if (err == 0 && res->err == 0)
		err = after_load(e, res);
	err = lkm_engine_conclude(e, res, err, params, flags, true);
out:
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}
