// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>

#include "core/cmdrule.h"
#include "core/engine.h"
#include "core/modopts.h"
#include "core/plan.h"
#include "core/modfile.h"
#include "core/params.h"
#include "core/keep.h"
#include "core/persist.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/sysmodule.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

#define PARAMS_MAX 4096

bool lkm_engine_privileged(void)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) != 0)
		return geteuid() == 0;
	return (data[CAP_TO_INDEX(CAP_SYS_MODULE)].effective &
		CAP_TO_MASK(CAP_SYS_MODULE)) != 0;
}

const char *lkm_step_kind_id(enum lkm_step_kind kind)
{
	switch (kind) {
	case LKM_STEP_INSERT: return "insert";
	case LKM_STEP_SKIP_LOADED: return "already-loaded";
	case LKM_STEP_SKIP_BUILTIN: return "built-in";
	case LKM_STEP_SKIP_BLACKLIST: return "blacklisted";
	case LKM_STEP_REMOVE: return "remove";
	case LKM_STEP_KEEP: return "keep";
	case LKM_STEP_WRITE_PARAM: return "write-parameter";
	case LKM_STEP_PERSIST: return "persist";
	case LKM_STEP_COMMAND: return "run-command";
	case LKM_STEP_FORGET: return "forget";
	case LKM_STEP_BOOT: return "load-at-boot";
	case LKM_STEP_NO_BOOT: return "not-at-boot";
	case LKM_STEP_BLOCK: return "block";
	case LKM_STEP_UNBLOCK: return "unblock";
	}
	return "unknown";
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

void lkm_result_release(struct lkm_result *res)
{
	for (size_t i = 0; i < res->n_steps; i++) {
		free(res->steps[i].module);
		free(res->steps[i].path);
		free(res->steps[i].params);
		free(res->steps[i].note);
		free(res->steps[i].command);
	}
	free(res->steps);
	lkm_strv_free(res->warnings, res->n_warnings);
	lkm_strv_free(res->holders, res->n_holders);
	lkm_strv_free(res->details, res->n_details);
	free(res->target);
	free(res->module);
	free(res->path);
	free(res->reason);
	free(res->bad_param);
	for (size_t i = 0; i < res->n_now; i++) {
		free(res->now[i].name);
		free(res->now[i].requested);
		free(res->now[i].current);
	}
	free(res->now);
	free(res->rule.kind);
	free(res->rule.module);
	free(res->rule.command);
	free(res->rule.origin);
	lkm_kmsg_end(&res->log);
	lkm_drives_release(&res->drives);
	memset(res, 0, sizeof(*res));
	res->log.fd = -1;
}

static void result_init(struct lkm_result *res, enum lkm_op op, const char *target)
{
	memset(res, 0, sizeof(*res));
	res->log.fd = -1;
	res->op = op;
	res->target = strdup(target);
	if (res->target == NULL)
		res->err = -ENOMEM;
	else
		res->names_file = lkm_engine_names_file(target);
}

/* Appends a step; NULL when memory runs out (then nothing was added): the caller must
 * fail the whole operation, since a plan missing a step is not the plan. */
static struct lkm_step *add_step(struct lkm_result *res, enum lkm_step_kind kind,
				 const char *module, const char *path, const char *params,
				 const char *note)
{
	struct lkm_step *v = realloc(res->steps, (res->n_steps + 1) * sizeof(*v));
	struct lkm_step *s;

	if (v == NULL)
		return NULL;
	res->steps = v;
	s = &v[res->n_steps];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->module = dup_or_null(module);
	s->path = dup_or_null(path);
	s->params = dup_or_null(params);
	s->note = dup_or_null(note);
	if ((module && !s->module) || (path && !s->path) || (params && !s->params) ||
	    (note && !s->note)) {
		free(s->module);
		free(s->path);
		free(s->params);
		free(s->note);
		return NULL;
	}
	res->n_steps++;
	res->failed = res->n_steps;
	return s;
}

/* Records a refusal: the engine stops before the kernel is asked. Returns ERR, or
 * -ENOMEM (and no refusal: a refusal without its reason is not one) when memory runs
 * out. */
static int refuse(struct lkm_result *res, enum lkm_refusal why, int err, const char *fmt,
		  ...) __attribute__((format(printf, 4, 5)));
static int vrefuse(struct lkm_result *res, enum lkm_refusal why, int err, const char *fmt,
		   va_list ap)
{
	res->refusal = why;
	res->err = err;
	res->failed = res->n_steps;
	free(res->reason);
	if (vasprintf(&res->reason, fmt, ap) < 0) {
		res->reason = NULL;
		res->refusal = LKM_REFUSE_NONE;
		res->err = err = -ENOMEM;
	}
	return err;
}

static int refuse(struct lkm_result *res, enum lkm_refusal why, int err, const char *fmt,
		  ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = vrefuse(res, why, err, fmt, ap);
	va_end(ap);
	return err;
}

int lkm_result_refuse(struct lkm_result *res, enum lkm_refusal why, int err,
		      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = vrefuse(res, why, err, fmt, ap);
	va_end(ap);
	return err;
}

struct lkm_step *lkm_result_add_step(struct lkm_result *res, enum lkm_step_kind kind,
				     const char *module, const char *path,
				     const char *note)
{
	return add_step(res, kind, module, path, NULL, note);
}

void lkm_result_init(struct lkm_result *res, enum lkm_op op, const char *target)
{
	result_init(res, op, target);
}

static bool has_module_suffix(const char *s)
{
	static const char *const suffixes[] = { ".ko", ".ko.xz", ".ko.zst", ".ko.gz",
						".o" };
	size_t len = strlen(s);

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t sl = strlen(suffixes[i]);

		if (len > sl && strcmp(s + len - sl, suffixes[i]) == 0)
			return true;
	}
	return false;
}

bool lkm_engine_names_file(const char *target)
{
	return strchr(target, '/') != NULL ||
	       (has_module_suffix(target) && access(target, F_OK) == 0);
}

/* The system state that stops every change: no module support, modules_disabled. */
static int check_kernel_accepts(const struct lkm_engine *e, struct lkm_result *res,
				struct lkm_modules *mods)
{
	struct lkm_buf buf = { 0 };
	int err = lkm_modules_read(mods, e->root);

	if (err == -ENOENT)
		return refuse(res, LKM_REFUSE_NO_MODULE_SUPPORT, -ENOSYS,
			      _("this kernel has no loadable-module support (no "
				"/proc/modules)"));
	if (err < 0)
		return refuse(res, LKM_REFUSE_NONE, err, _("cannot read /proc/modules"));
	if (lkm_procfile_read(e->root, "/proc/sys/kernel/modules_disabled", &buf) == 0 &&
	    buf.data[0] == '1') {
		lkm_buf_release(&buf);
		return refuse(
			res, LKM_REFUSE_MODULES_DISABLED, -EPERM,
			_("module loading and unloading are disabled until the next boot "
			  "(/proc/sys/kernel/modules_disabled is 1)"));
	}
	lkm_buf_release(&buf);
	return 0;
}

/* Room for "NAME (uid N)". */
#define LKM_WHO_MAX 64

/* Who acts, as the refusal and the syslog line name it: E's WHO, else this process's user
 * ("alice (uid 1000)"), looked up only now: the password database is read for a line
 * that names the user, never on every action. */
static const char *who(const struct lkm_engine *e, char *buf, size_t size)
{
	const struct passwd *pw;

	if (e->who)
		return e->who;
	pw = getpwuid(getuid());
	snprintf(buf, size, "%s (uid %u)", pw ? pw->pw_name : "?", (unsigned)getuid());
	return buf;
}

static int check_privilege(const struct lkm_engine *e, struct lkm_result *res,
			   unsigned flags)
{
	char name[LKM_WHO_MAX];

	if (flags & LKM_DRY_RUN)
		return 0;
	if (e->ops == NULL && lkm_sysroot_is_live(e->root))
		return refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			      _("the running kernel has no module directory "
				"(/lib/modules/RELEASE) "
				"for lkmtui to work with"));
	if (e->ops == NULL)
		return refuse(res, LKM_REFUSE_OFFLINE_ROOT, -EROFS,
			      _("%s is not the running system: lkmtui only looks at it "
				"(--dry-run "
				"shows the steps)"),
			      lkm_sysroot_dir(e->root));
	if (e->privileged)
		return 0;
	return refuse(
		res, LKM_REFUSE_NOT_PERMITTED, -EPERM,
		_("changing the kernel's modules needs root (CAP_SYS_MODULE), and %s "
		  "has not"),
		who(e, name, sizeof(name)));
}

static void log_change(const struct lkm_engine *e, const struct lkm_result *res,
		       const char *what)
{
	char name[LKM_WHO_MAX];

	if (!e->log_to_syslog)
		return;
	syslog(LOG_NOTICE, "%s: %s %s%s%s: %s", who(e, name, sizeof(name)), what,
	       res->module ? res->module : res->target, res->path ? " from " : "",
	       res->path ? res->path : "", res->err ? strerror(-res->err) : "done");
}

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
			return refuse(res, LKM_REFUSE_MALFORMED_PARAM, -EINVAL, "%s",
				      params->v[i].why);
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
			return refuse(
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
			return refuse(res, LKM_REFUSE_INVALID_PARAM, -EINVAL, "%s: %s",
				      name, reason);
		}
		if (lkm_param_append(kparams, size, name, value) < 0)
			return refuse(res, LKM_REFUSE_MALFORMED_PARAM, -E2BIG,
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
	now->requested = dup_or_null(value);
	now->current = p ? dup_or_null(p->value) : NULL;
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
	int err = lkm_sysmodule_read(e->root, m->name, &sm);

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
	return refuse(
		res, LKM_REFUSE_ALREADY_LOADED, -EEXIST,
		params->n ? _("%s is already loaded: the kernel keeps the values it was "
			      "loaded with")
			  : _("%s is already loaded"),
		m->name);
}

/* Whether NAME is a module of the tree (not a built-in one: a subsystem of the kernel's
 * own logs on behalf of whoever asked). */
static bool tree_module(const char *name, void *data)
{
	const struct lkm_engine *e = data;
	struct lkm_modlist l = { 0 };
	bool is = e->resolver && lkm_resolve_deps(e->resolver, name, &l) == 0 &&
		  l.n > 0 && !l.v[l.n - 1].builtin;

	lkm_modlist_release(&l);
	return is;
}

/* The log is a time window: when another load ran at the same time, its lines are there
 * too. Keep those of this result's modules (and those of no module). */
static int attribute_log(const struct lkm_engine *e, struct lkm_result *res)
{
	const char **ours = calloc(res->n_steps + 1, sizeof(*ours));
	size_t n = 0;

	if (ours == NULL)
		return -ENOMEM;
	for (size_t i = 0; i < res->n_steps; i++)
		if (res->steps[i].module)
			ours[n++] = res->steps[i].module;
	if (res->module)
		ours[n++] = res->module;
	lkm_kmsg_attribute(&res->log, ours, n, tree_module, (void *)e);
	free(ours);
	return 0;
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
			res->path = dup_or_null(s->path);
			break;
		}
	}
	return lkm_kmsg_collect(&res->log) < 0 ? -ENOMEM : attribute_log(e, res);
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
		err = refuse(res,
			     err == -ENOENT ? LKM_REFUSE_NOT_FOUND : LKM_REFUSE_BAD_FILE,
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
				err = refuse(res, LKM_REFUSE_NOT_FOUND, err,
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
			s = add_step(res, LKM_STEP_SKIP_LOADED, m->name, m->path, NULL,
				     note);
		else if (m->path == NULL)
			s = add_step(res, LKM_STEP_SKIP_BUILTIN, m->name, NULL, NULL,
				     note);
		else if ((err = lkm_resolve_modconf(e->resolver, m->name, &dconf)) ==
			 -ENOMEM)
			s = NULL;
		else
			/* A rule on a dependency holds for a file's load too. */
			s = add_step(res,
				     dconf.install ? LKM_STEP_COMMAND : LKM_STEP_INSERT,
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
	err = add_step(res, LKM_STEP_INSERT, res->module, res->path, kparams, NULL)
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

/* The plan's steps: what modprobe would do, less what /proc/modules already holds. */
static int plan_steps(const struct lkm_plan *p, size_t primary, const char *target,
		      const char *kparams, const struct lkm_modules *mods, unsigned flags,
		      struct lkm_result *res)
{
	for (size_t i = 0; i < p->n_matches; i++)
		if (p->matches[i].skipped &&
		    !add_step(res, LKM_STEP_SKIP_BLACKLIST, p->matches[i].name,
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
		if (is_primary && it->options && *it->options &&
		    strcmp(it->options, kparams) != 0)
			note = _("with the options modprobe.d gives it");
		if (lkm_modules_find(mods, it->name)) {
			s = add_step(res, LKM_STEP_SKIP_LOADED, it->name, it->path, NULL,
				     note);
		} else if (it->command) {
			s = add_step(res, LKM_STEP_COMMAND, it->name, it->path,
				     it->options, note);
			if (s && (s->command = strdup(it->command)) == NULL)
				return -ENOMEM;
		} else if (it->path == NULL) {
			if (!it->builtin)
				continue; /* a name with no module: modprobe does nothing
					     for it */
			s = add_step(res, LKM_STEP_SKIP_BUILTIN, it->name, NULL, NULL,
				     note);
		} else {
			s = add_step(res, LKM_STEP_INSERT, it->name, it->path,
				     it->options ? it->options : "", note);
		}
		if (s == NULL)
			return -ENOMEM;
	}
	return 0;
}

/*
 * A modprobe.d command in the plan stops it before anything changes: lkmtui runs no
 * shell. The administrator's block (a command that does nothing) is named first, wherever
 * it is in the plan; else the first command. KIND is "install" or "remove". Returns 0
 * when the plan holds no command, else the refusal's -errno.
 */
static int refuse_command(const struct lkm_engine *e, struct lkm_result *res,
			  const char *kind)
{
	const struct lkm_step *first = NULL, *block = NULL, *s;
	bool load = strcmp(kind, "install") == 0;
	bool self;
	char origin[PATH_MAX + 32];
	int found;

	for (size_t i = 0; i < res->n_steps; i++) {
		if (res->steps[i].kind != LKM_STEP_COMMAND)
			continue;
		if (first == NULL)
			first = &res->steps[i];
		if (block == NULL && lkm_cmdrule_is_block(res->steps[i].command))
			block = &res->steps[i];
	}
	s = block ? block : first;
	if (s == NULL)
		return 0;
	self = res->module && lkm_module_name_eq(s->module, res->module);
	res->rule.kind = strdup(kind);
	res->rule.module = strdup(s->module);
	res->rule.command = strdup(s->command);
	found = lkm_cmdrule_origin(e->root, kind, s->module, s->command, origin,
				   sizeof(origin));
	if (found < 0 && found != -ENOMEM)
		found = lkm_cmdrule_origin(e->root, kind, s->module, NULL, origin,
					   sizeof(origin));
	if (found == -ENOMEM)
		return -ENOMEM;
	if (found == 0 && (res->rule.origin = strdup(origin)) == NULL)
		return -ENOMEM;
	if (!res->rule.kind || !res->rule.module || !res->rule.command ||
	    !lkm_strv_addf(&res->details, &res->n_details, "%s %s %s%s%s%s", kind,
			   s->module, s->command, res->rule.origin ? " (" : "",
			   res->rule.origin ? res->rule.origin : "",
			   res->rule.origin ? ")" : ""))
		return -ENOMEM;
	if (block && self)
		return refuse(res, LKM_REFUSE_BLOCKED, -EPERM, _("%s is blocked by %s"),
			      s->module,
			      res->rule.origin ? res->rule.origin
					       : _("a rule in modprobe.d"));
	if (block && load)
		return refuse(res, LKM_REFUSE_BLOCKED, -EPERM,
			      _("%s is blocked by %s; %s needs %s"), s->module,
			      res->rule.origin ? res->rule.origin
					       : _("a rule in modprobe.d"),
			      res->module, s->module);
	if (block)
		return refuse(
			res, LKM_REFUSE_BLOCKED, -EPERM,
			_("%s is blocked by %s; unloading %s would remove it"), s->module,
			res->rule.origin ? res->rule.origin : _("a rule in modprobe.d"),
			res->module);
	if (load && self)
		return refuse(res, LKM_REFUSE_INSTALL_COMMAND, -EPERM,
			      _("modprobe.d runs a command instead of loading %s; lkmtui "
				"runs no "
				"shell commands"),
			      s->module);
	if (load)
		return refuse(
			res, LKM_REFUSE_INSTALL_COMMAND, -EPERM,
			_("modprobe.d runs a command instead of loading %s, which %s "
			  "needs; "
			  "lkmtui runs no shell commands"),
			s->module, res->module);
	return refuse(res, LKM_REFUSE_REMOVE_COMMAND, -EPERM,
		      _("modprobe.d runs a command instead of removing %s; lkmtui runs "
			"no shell "
			"commands"),
		      s->module);
}

/* modprobe.d's options for the module that do not do what they say: the load goes on
 * (the kernel only warns), and the admin learns where the line is. */
static int ignored_options(const struct lkm_engine *e, struct lkm_result *res,
			   const struct lkm_modfile *mf)
{
	return lkm_modopts_warnings(e->root, res->module, mf, res->path, &res->warnings,
				    &res->n_warnings);
}

/* A module name or alias: modprobe's plan, from libkmod. */
static int plan_name(const struct lkm_engine *e, const char *target,
		     const struct lkm_params *params, unsigned flags,
		     const struct lkm_modules *mods, struct lkm_result *res)
{
	struct lkm_plan plan = { 0 };
	struct lkm_modfile *mf = NULL;
	struct lkm_modfile_error why = { 0 };
	const struct lkm_plan_match *m = NULL;
	char *kparams = NULL;
	size_t primary = 0;
	int err;

	if (e->resolver == NULL)
		return refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			      _("no module directory (/lib/modules/<release>) to look %s "
				"up in"),
			      target);
	err = lkm_plan_load(e->resolver, target, NULL, &plan);
	if (err == -ENOENT || err == -EINVAL) {
		char **close = NULL;
		int nc = lkm_resolve_suggest(e->resolver, target, &close);

		for (int i = 0; i < nc; i++)
			if (!lkm_strv_addf(&res->details, &res->n_details, "%s",
					   close[i]))
				nc = -ENOMEM;
		lkm_strv_freev(close);
		if (nc == -ENOMEM)
			return -ENOMEM;
		return refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			      _("no module, alias or file is called %s"), target);
	}
	if (err < 0)
		return err;
	/* The first match not passed over names the load, as modprobe's first. */
	for (primary = 0; primary < plan.n_matches && plan.matches[primary].skipped;
	     primary++)
		;
	if (primary == plan.n_matches) {
		for (size_t i = 0; i < plan.n_matches; i++)
			if (!lkm_strv_addf(&res->details, &res->n_details, "%s",
					   plan.matches[i].name))
				err = -ENOMEM;
		if (err == 0)
			err = plan_steps(&plan, primary, target, "", mods, flags, res);
		if (err == 0)
			err = refuse(
				res, LKM_REFUSE_BLACKLISTED, -ENOENT,
				_("every module %s names is blacklisted in modprobe.d"),
				target);
		goto out;
	}
	m = &plan.matches[primary];
	res->module = strdup(m->name);
	res->path = dup_or_null(m->path);
	if (res->module == NULL || (m->path && res->path == NULL)) {
		err = -ENOMEM;
		goto out;
	}
	err = lkm_resolve_is_blacklisted(e->resolver, m->name);
	if (err < 0)
		goto out;
	if (err == 1 &&
	    !lkm_strv_addf(
		    &res->warnings, &res->n_warnings,
		    _("%s is blacklisted in modprobe.d: that stops it being loaded "
		      "through an alias (hardware detection) only; an explicit load "
		      "like this one, and a load as a dependency, still work"),
		    m->name)) {
		err = -ENOMEM;
		goto out;
	}
	err = 0;
	if (m->path == NULL && m->builtin) {
		err = plan_steps(&plan, primary, target, "", mods, flags, res);
		if (err == 0)
			err = refuse(res, LKM_REFUSE_BUILTIN, -EEXIST,
				     _("%s is built into the kernel: it is always there, "
				       "and its "
				       "parameters are set on the kernel command line "
				       "(%s.NAME=VALUE)"),
				     res->module, res->module);
		goto out;
	}
	if (m->path == NULL) {
		err = refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
			     _("%s is named in modprobe.d but no module file exists"),
			     res->module);
		goto out;
	}
	err = not_loaded_yet(e, mods, params, res, &kparams);
	if (err < 0)
		goto out;
	/* The file is read only to check the user's parameters: a plan costs what
	 * modprobe's costs. A file the kernel refuses is diagnosed from its answer. */
	if (params->n > 0) {
		err = lkm_modfile_open(res->path, &mf, &why);
		if (err < 0) {
			err = refuse(res, LKM_REFUSE_BAD_FILE, err, "%s", why.reason);
			goto out;
		}
		err = user_params(mf, res->module, params, kparams, res);
		if (err < 0)
			goto out;
	}
	if (*kparams) {
		/* Again with the user's parameters: libkmod puts them after modprobe.d's,
		 * on each module the name matches, as modprobe does with its command
		 * line. */
		lkm_plan_release(&plan);
		err = lkm_plan_load(e->resolver, target, kparams, &plan);
		if (err < 0)
			goto out;
	}
	err = plan_steps(&plan, primary, target, kparams, mods, flags, res);
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
	if (!add_step(res, LKM_STEP_SKIP_LOADED, res->module, res->path, NULL,
		      _("running with the values asked")))
		return -ENOMEM;
	return 0;
}

int lkm_engine_load_params(const struct lkm_engine *e, const char *target,
			   const struct lkm_params *params, unsigned flags,
			   struct lkm_result *res)
{
	struct lkm_modules mods = { 0 };
	int err;

	result_init(res, LKM_OP_LOAD, target);
	if (res->target == NULL)
		return -ENOMEM;
	err = check_kernel_accepts(e, res, &mods);
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
		err = refuse_command(e, res, "install");
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
			err = refuse(
				res, LKM_REFUSE_PERSIST, err,
				_("cannot save %s in %s: %s"),
				pr.bad < params->n ? params->v[pr.bad].arg : res->module,
				LKM_PERSIST_FILE, lkm_persist_refusal_text(pr.refusal));
			goto out;
		}
		if (err < 0)
			goto out;
	}
	err = check_privilege(e, res, flags);
	if (err < 0 || (flags & LKM_DRY_RUN)) {
		if (err == 0 && (flags & LKM_PERSIST))
			err = lkm_keep_plan(res, res->module, params->n > 0, true);
		goto out;
	}
	err = run_inserts(e, res);
	if (err == 0 && res->err == 0)
		err = after_load(e, res);
	if (err == 0 && res->err == 0 && (flags & LKM_PERSIST))
		err = lkm_keep_module(e, res->module, params, true, res);
	log_change(e, res, "load");
	err = err < 0 ? err : res->err;
out:
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}

int lkm_engine_load(const struct lkm_engine *e, const char *target,
		    const char *const *params, size_t n_params, unsigned flags,
		    struct lkm_result *res)
{
	struct lkm_params p;
	int err = lkm_params_parse(params, n_params, &p);

	if (err < 0) {
		result_init(res, LKM_OP_LOAD, target);
		res->err = err;
		return err;
	}
	err = lkm_engine_load_params(e, target, &p, flags, res);
	lkm_params_release(&p);
	return err;
}

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
				if (add_step(res, LKM_STEP_REMOVE, d->name, NULL, NULL,
					     note) == NULL)
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
			if (add_step(res, LKM_STEP_KEEP, d->name, NULL, NULL, note) ==
			    NULL)
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
		if (!add_step(res, LKM_STEP_REMOVE, d->name, NULL, NULL, note))
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
	if (err == 0 && add_step(res, LKM_STEP_REMOVE, m->name, NULL, NULL, NULL) == NULL)
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
		      ? check_privilege(e, res, flags)
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

	result_init(res, LKM_OP_UNLOAD, module);
	if (res->target == NULL)
		return -ENOMEM;
	err = check_kernel_accepts(e, res, &mods);
	if (err < 0)
		goto out;
	m = lkm_modules_find(&mods, module);
	if (m == NULL) {
		if (e->resolver && lkm_resolve_is_builtin(e->resolver, module) == 1) {
			err = refuse(
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
		err = refuse(res, LKM_REFUSE_NOT_LOADED, -ENOENT, _("%s is not loaded"),
			     module);
		goto out;
	}
	res->module = strdup(m->name);
	if (res->module == NULL) {
		err = -ENOMEM;
		goto out;
	}
	if (m->flags & LKM_MODFLAG_PERMANENT) {
		err = refuse(
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
		err = refuse(
			res, LKM_REFUSE_IN_USE, -EBUSY,
			m->n_used_by
				? _("%s is in use by %lld module(s) or other references")
				: ngettext("%s is in use (%lld reference: an open "
					   "device, a "
					   "mount or another subsystem)",
					   "%s is in use (%lld references: open devices, "
					   "mounts or another subsystem)",
					   (unsigned long)m->use_count),
			m->name, (long long)m->use_count);
		goto out;
	}
	err = plan_unload(e, &mods, m, flags, res);
	if (err == 0)
		err = refuse_command(e, res, "remove");
	if (err < 0)
		goto out;
	err = check_privilege(e, res, flags);
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
		err = attribute_log(e, res);
	if (err == 0 && res->err == 0 && (flags & LKM_PERSIST))
		err = lkm_keep_module(e, res->module, NULL, false, res);
	log_change(e, res, "unload");
	err = err < 0 ? err : res->err;
out:
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}

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
		return refuse(res, LKM_REFUSE_PERSIST, err, _("cannot read %s: %s"),
			      LKM_PERSIST_FILE, strerror(-err));
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

int lkm_engine_set_param(const struct lkm_engine *e, const char *module,
			 const struct lkm_param *param, unsigned flags,
			 struct lkm_result *res)
{
	struct lkm_modules mods = { 0 };
	struct lkm_sysmodule sm = { 0 };
	const struct lkm_sysparam *p;
	const char *name = param->name, *value = param->value;
	char reason[256], *type = NULL;
	struct lkm_step *s;
	int err;

	result_init(res, LKM_OP_SET, module);
	if (res->target == NULL)
		return -ENOMEM;
	res->module = strdup(module);
	if (res->module == NULL)
		return -ENOMEM;
	lkm_module_name_normalize(res->module);
	if (param->why || value == NULL) {
		res->bad_param = strdup(param->arg);
		if (res->bad_param == NULL) {
			err = -ENOMEM;
			goto out;
		}
		err = refuse(res, LKM_REFUSE_MALFORMED_PARAM, -EINVAL, "%s",
			     value == NULL ? _("give the new value as NAME=VALUE")
					   : param->why);
		goto out;
	}
	res->bad_param = strdup(name);
	if (res->bad_param == NULL) {
		err = -ENOMEM;
		goto out;
	}
	/* modules_disabled stops loads and unloads only: the kernel's sysfs parameter
	 * store (param_attr_store) never looks at it. */
	err = check_kernel_accepts(e, res, &mods);
	if (err < 0 && res->refusal != LKM_REFUSE_NO_MODULE_SUPPORT &&
	    res->refusal != LKM_REFUSE_MODULES_DISABLED)
		goto out;
	/* Built-in modules have /sys/module/NAME/parameters too, without /proc/modules.
	 */
	err = lkm_sysmodule_read(e->root, res->module, &sm);
	if (err < 0)
		goto out;
	if (!sm.present) {
		err = refuse(res, LKM_REFUSE_NOT_LOADED, -ENOENT, _("%s is not loaded"),
			     module);
		goto out;
	}
	res->refusal = LKM_REFUSE_NONE;
	res->err = 0;
	free(res->reason);
	res->reason = NULL;
	p = NULL;
	for (size_t i = 0; i < sm.n_params; i++)
		if (lkm_param_name_eq(sm.params[i].name, name))
			p = &sm.params[i];
	if (p == NULL) {
		for (size_t i = 0; i < sm.n_params; i++)
			if (!lkm_strv_addf(&res->details, &res->n_details, "%s = %s (%s)",
					   sm.params[i].name,
					   sm.params[i].value ? sm.params[i].value : "?",
					   sm.params[i].writable ? "writable"
								 : "read-only")) {
				err = -ENOMEM;
				goto out;
			}
		err = refuse(res, LKM_REFUSE_UNKNOWN_PARAM, -ENOENT,
			     sm.n_params ? _("%s has no parameter '%s' in "
					     "/sys/module/%s/parameters")
					 : _("%s has no parameter '%s': it shows none in "
					     "/sys/module/%s/parameters"),
			     res->module, name, res->module);
		goto out;
	}
	if (!lkm_strv_addf(&res->details, &res->n_details, _("%s: %s now"), p->name,
			   p->value ? p->value : "?")) {
		err = -ENOMEM;
		goto out;
	}
	if (!p->writable) {
		err = refuse(res, LKM_REFUSE_READ_ONLY_PARAM, -EPERM,
			     _("%s is read-only (mode %04o): the module lets it be set "
			       "only when it "
			       "is loaded"),
			     p->name, (unsigned)p->mode);
		goto out;
	}
	err = declared_type(e, res->module, name, &type);
	if (err < 0)
		goto out;
	if (type != NULL &&
	    lkm_param_check_value(type, value, reason, sizeof(reason)) != LKM_PARAM_OK) {
		err = refuse(res, LKM_REFUSE_INVALID_PARAM, -EINVAL, "%s: %s", name,
			     reason);
		goto out;
	}
	s = add_step(res, LKM_STEP_WRITE_PARAM, res->module, NULL, param->arg, NULL);
	if (s == NULL) {
		err = -ENOMEM;
		goto out;
	}
	err = check_privilege(e, res, flags);
	if (err < 0 || (flags & LKM_DRY_RUN)) {
		if (err == 0 && (flags & LKM_PERSIST) &&
		    add_step(res, LKM_STEP_PERSIST, res->module, LKM_PERSIST_FILE, NULL,
			     NULL) == NULL)
			err = -ENOMEM;
		goto out;
	}
	lkm_kmsg_begin(&res->log, e->root);
	s->err = e->ops->write_param(e->ops->ctx, res->module, p->name, value);
	s->done = s->err == 0;
	if (s->err < 0) {
		res->err = s->err;
		res->failed = 0;
	}
	err = lkm_kmsg_collect(&res->log);
	if (err == 0)
		err = attribute_log(e, res);
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
	log_change(e, res, "set parameter of");
	err = err < 0 ? err : res->err;
out:
	free(type);
	lkm_sysmodule_release(&sm);
	lkm_modules_release(&mods);
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}

int lkm_engine_set(const struct lkm_engine *e, const char *module, const char *assignment,
		   unsigned flags, struct lkm_result *res)
{
	struct lkm_params one;
	int err = lkm_params_parse(&assignment, 1, &one);

	if (err < 0) {
		result_init(res, LKM_OP_SET, module);
		res->err = err;
		return err;
	}
	err = lkm_engine_set_param(e, module, &one.v[0], flags, res);
	lkm_params_release(&one);
	return err;
}
