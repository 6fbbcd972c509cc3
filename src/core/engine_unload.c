// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/engine_int.h"
#include "core/keep.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* The loaded modules that MODULE uses: those listing it among their users. */
static bool uses(const struct lkm_module *dep, const char *name)
{
	for (const char *u = lkm_module_next_user(dep, NULL); u;
	     u = lkm_module_next_user(dep, u))
		if (lkm_module_name_eq(u, name))
			return true;
	return false;
}

static bool in_steps(const struct lkm_result *res, const char *name)
{
	for (size_t i = 0; i < res->n_steps; i++)
		if ((res->steps[i].kind == LKM_STEP_REMOVE ||
		     res->steps[i].kind == LKM_STEP_KEEP) &&
		    lkm_module_name_eq(res->steps[i].module, name))
			return true;
	return false;
}

static bool removed(const struct lkm_result *res, const char *name)
{
	for (size_t i = 0; i < res->n_steps; i++)
		if (res->steps[i].kind == LKM_STEP_REMOVE &&
		    lkm_module_name_eq(res->steps[i].module, name))
			return true;
	return false;
}

/* Why D must stay once the modules in RES's remove steps are gone; NULL if it can go. */
static const char *why_kept(const struct lkm_module *d, const struct lkm_result *res,
			    char *note, size_t size)
{
	size_t users_gone = 0;

	if (d->flags & LKM_MODFLAG_PERMANENT) {
		snprintf(note, size, "%s", _("permanent: it has no exit function"));
		return note;
	}
	for (const char *u = lkm_module_next_user(d, NULL); u;
	     u = lkm_module_next_user(d, u)) {
		if (!removed(res, u)) {
			snprintf(note, size, _("still used by %s"), u);
			return note;
		}
		users_gone++;
	}
	if (d->has_use_count && d->use_count > (int64_t)users_gone) {
		snprintf(note, size, _("still in use (use count %lld)"),
			 (long long)d->use_count - (long long)users_gone);
		return note;
	}
	return NULL;
}

/*
 * modprobe -r's plan: the module, then every module it used, directly or through others,
 * once nothing else uses it: each removed only after all its users. Repeated until
 * nothing more can go, so a module reached by a short and a long path is judged after
 * both. What must stay is listed last, with the reason.
 */
static int stack_removes(const struct lkm_modules *mods, struct lkm_result *res)
{
	char note[512];
	bool changed;

	do {
		changed = false;
		for (size_t s = 0; s < res->n_steps; s++) {
			const char *name = res->steps[s].module;

			for (size_t i = 0; i < mods->n; i++) {
				const struct lkm_module *d = &mods->v[i];
				struct lkm_strbuf sb;

				if (!uses(d, name) || removed(res, d->name) ||
				    why_kept(d, res, note, sizeof(note)))
					continue;
				lkm_strbuf_init(&sb, note, sizeof(note));
				lkm_strbuf_add(&sb, "was used by ");
				for (const char *u = lkm_module_next_user(d, NULL); u;
				     u = lkm_module_next_user(d, u))
					lkm_strbuf_addf(&sb, "%s%s",
							u == d->used_by ? "" : ", ", u);
				lkm_strbuf_add(&sb, " only");
				if (lkm_engine_step(res, LKM_STEP_REMOVE, d->name, NULL,
						    NULL, note) == NULL)
					return -ENOMEM;
				changed = true;
			}
		}
	} while (changed);
	return 0;
}

/* What must stay once the plan's removes are done, with the reason, as KEEP steps. */
static int stack_keeps(const struct lkm_modules *mods, struct lkm_result *res)
{
	char note[512];

	for (size_t s = 0; s < res->n_steps; s++) {
		const char *name = res->steps[s].module;

		if (res->steps[s].kind != LKM_STEP_REMOVE)
			continue;
		for (size_t i = 0; i < mods->n; i++) {
			const struct lkm_module *d = &mods->v[i];

			if (!uses(d, name) || in_steps(res, d->name) ||
			    !why_kept(d, res, note, sizeof(note)))
				continue;
			if (lkm_engine_step(res, LKM_STEP_KEEP, d->name, NULL, NULL,
					    note) == NULL)
				return -ENOMEM;
		}
	}
	return 0;
}

/* SOFTDEPS (pre or post, WHICH) of M that are loaded and that nothing else holds, as
 * modprobe -r removes them, last listed first. */
static int softdep_removes(const struct lkm_modules *mods,
			   const struct lkm_modlist *softdeps, const char *which,
			   const struct lkm_module *m, struct lkm_result *res)
{
	char note[512], why[512];

	snprintf(note, sizeof(note), _("softdep %s of %s"), which, m->name);
	for (size_t i = softdeps->n; i-- > 0;) {
		const struct lkm_module *d = lkm_modules_find(mods, softdeps->v[i].name);

		if (d == NULL || in_steps(res, d->name) ||
		    why_kept(d, res, why, sizeof(why)))
			continue;
		if (!lkm_engine_step(res, LKM_STEP_REMOVE, d->name, NULL, NULL, note))
			return -ENOMEM;
	}
	return 0;
}

/*
 * The remove plan: M alone, or with LKM_STACK as modprobe -r orders it: M's softdeps
 * post, M, the modules it used that nothing else holds, its softdeps pre, then what must
 * stay. A module of the plan with a modprobe.d remove command becomes a LKM_STEP_COMMAND
 * step.
 */
static int plan_unload(const struct lkm_engine *e, const struct lkm_modules *mods,
		       const struct lkm_module *m, unsigned flags, struct lkm_result *res)
{
	struct lkm_modconf conf = { 0 };
	int err = 0;

	if ((flags & LKM_STACK) && e->resolver) {
		err = lkm_resolve_modconf(e->resolver, m->name, &conf);
		if (err == -ENOMEM)
			return err;
		err = softdep_removes(mods, &conf.post, "post", m, res);
	}
	if (err == 0 &&
	    lkm_engine_step(res, LKM_STEP_REMOVE, m->name, NULL, NULL, NULL) == NULL)
		err = -ENOMEM;
	if (err == 0 && (flags & LKM_STACK))
		err = stack_removes(mods, res);
	if (err == 0 && (flags & LKM_STACK) && conf.pre.n) {
		err = softdep_removes(mods, &conf.pre, "pre", m, res);
		if (err == 0)
			err = stack_removes(mods, res);
	}
	if (err == 0 && (flags & LKM_STACK))
		err = stack_keeps(mods, res);
	lkm_modconf_release(&conf);
	for (size_t i = 0; err == 0 && e->resolver && i < res->n_steps; i++) {
		struct lkm_step *s = &res->steps[i];
		struct lkm_modconf sconf = { 0 };

		if (s->kind != LKM_STEP_REMOVE)
			continue;
		err = lkm_resolve_modconf(e->resolver, s->module, &sconf);
		if (err == 0 && sconf.remove) {
			s->kind = LKM_STEP_COMMAND;
			s->command = strdup(sconf.remove);
			if (s->command == NULL)
				err = -ENOMEM;
		}
		lkm_modconf_release(&sconf);
		/* A module libkmod cannot name has no modprobe.d rules. */
		if (err < 0 && err != -ENOMEM)
			err = 0;
	}
	return err;
}

/* unload --persist of a module not loaded: its lines removed all the same. */
static int forget(const struct lkm_engine *e, const char *module, unsigned flags,
		  struct lkm_result *res)
{
	int err;

	res->module = strdup(module);
	if (res->module == NULL)
		return -ENOMEM;
	lkm_module_name_normalize(res->module);
	err = lkm_strv_addf(&res->warnings, &res->n_warnings, _("%s is not loaded"),
			    res->module)
		      ? lkm_engine_check_privilege(e, res, flags)
		      : -ENOMEM;
	if (err == 0 && (flags & LKM_DRY_RUN))
		return lkm_keep_plan(res, res->module, true, false);
	if (err == 0)
		err = lkm_keep_module(e, res->module, NULL, false, res);
	return err < 0 ? err : res->err;
}

int lkm_engine_unload(const struct lkm_engine *e, const char *module, unsigned flags,
		      struct lkm_result *res)
{
	struct lkm_modules mods = { 0 };
	const struct lkm_module *m;
	int err;

	lkm_result_init(res, LKM_OP_UNLOAD, module);
	if (res->target == NULL)
		return -ENOMEM;
	err = lkm_engine_check_kernel(e, res, &mods);
	if (err < 0)
		goto out;
	m = lkm_modules_find(&mods, module);
	if (m == NULL) {
		if (e->resolver && lkm_resolve_is_builtin(e->resolver, module) == 1) {
			err = lkm_result_refuse(
				res, LKM_REFUSE_BUILTIN, -EPERM,
				_("%s is built into the kernel: it cannot be unloaded"),
				module);
			goto out;
		}
		/* Close names among what is loaded: the name people meant is usually
		 * there. */
		for (size_t i = 0; i < mods.n; i++)
			if (strstr(mods.v[i].name, module) ||
			    strstr(module, mods.v[i].name))
				lkm_strv_addf(&res->details, &res->n_details, "%s",
					      mods.v[i].name);
		if (flags & LKM_PERSIST) {
			/* Not loaded now: what --persist asks of the next boot still
			 * holds. */
			err = forget(e, module, flags, res);
			goto out;
		}
		err = lkm_result_refuse(res, LKM_REFUSE_NOT_LOADED, -ENOENT,
					_("%s is not loaded"), module);
		goto out;
	}
	res->module = strdup(m->name);
	if (res->module == NULL) {
		err = -ENOMEM;
		goto out;
	}
	err = lkm_engine_refuse_in_transit(m, res);
	if (err < 0)
		goto out;
	if (m->flags & LKM_MODFLAG_PERMANENT) {
		err = lkm_result_refuse(
			res, LKM_REFUSE_PERMANENT, -EBUSY,
			_("%s is permanent: it was built without an exit function, so "
			  "the kernel "
			  "cannot unload it"),
			m->name);
		goto out;
	}
	if (m->n_used_by > 0 || (m->has_use_count && m->use_count != 0)) {
		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u))
			lkm_strv_addf(&res->holders, &res->n_holders, "%s", u);
		err = lkm_result_refuse(
			res, LKM_REFUSE_IN_USE, -EBUSY,
			m->n_used_by
				? ngettext("%s is in use by %lld module",
					   "%s is in use by %lld modules",
					   (unsigned long)m->n_used_by)
				: ngettext("%s is in use (%lld reference: an open "
					   "device, a "
					   "mount or another subsystem)",
					   "%s is in use (%lld references: open devices, "
					   "mounts or another subsystem)",
					   (unsigned long)m->use_count),
			m->name,
			(long long)(m->n_used_by ? (long long)m->n_used_by
						 : m->use_count));
		goto out;
	}
	err = plan_unload(e, &mods, m, flags, res);
	if (err == 0)
		err = lkm_engine_refuse_command(e, res, "remove");
	if (err < 0)
		goto out;
	err = lkm_engine_check_privilege(e, res, flags);
	if (err == 0 && (flags & LKM_DRY_RUN) && (flags & LKM_PERSIST))
		err = lkm_keep_plan(res, res->module, true, false);
	if (err < 0 || (flags & LKM_DRY_RUN))
		goto out;
	lkm_kmsg_begin(&res->log, e->root);
	for (size_t i = 0; i < res->n_steps; i++) {
		struct lkm_step *s = &res->steps[i];

		if (s->kind != LKM_STEP_REMOVE)
			continue;
		s->err = e->ops->remove(e->ops->ctx, s->module);
		s->done = s->err == 0;
		if (s->err < 0) {
			res->err = s->err;
			res->failed = i;
			break;
		}
	}
	err = lkm_kmsg_collect(&res->log);
	if (err == 0)
		err = lkm_engine_attribute_log(e, res);
	err = lkm_engine_conclude(e, res, err, NULL, flags, false);
out:
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}
