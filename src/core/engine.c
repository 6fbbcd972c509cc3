// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>

#include "core/cmdrule.h"
#include "core/engine_int.h"
#include "core/keep.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "shared/strv.h"

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

char *lkm_engine_dup(const char *s)
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

void lkm_result_init(struct lkm_result *res, enum lkm_op op, const char *target)
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
struct lkm_step *lkm_engine_step(struct lkm_result *res, enum lkm_step_kind kind,
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
	s->module = lkm_engine_dup(module);
	s->path = lkm_engine_dup(path);
	s->params = lkm_engine_dup(params);
	s->note = lkm_engine_dup(note);
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

int lkm_engine_refuse_in_transit(const struct lkm_module *m, struct lkm_result *res)
{
	if (m->state == LKM_STATE_LOADING || m->state == LKM_STATE_INITIALIZING)
		return lkm_result_refuse(res, LKM_REFUSE_STILL_LOADING, -EBUSY,
					 _("%s is Loading in /proc/modules: its init "
					   "function is still running"),
					 m->name);
	if (m->state == LKM_STATE_UNLOADING)
		return lkm_result_refuse(res, LKM_REFUSE_STILL_UNLOADING, -EBUSY,
					 _("%s is Unloading in /proc/modules: its exit "
					   "function is still running"),
					 m->name);
	return 0;
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
	return lkm_engine_step(res, kind, module, path, NULL, note);
}

bool lkm_engine_names_file(const char *target)
{
	return strchr(target, '/') != NULL ||
	       (lkm_module_suffix_len(target, strlen(target), LKM_SUFFIX_WITH_O) &&
		access(target, F_OK) == 0);
}

/* Whether ROOT is a system image (a chroot, an installer's target, a package build's
 * tree): not the running system, and no kernel's /proc under it at all. Nothing is
 * loaded there; what it is asked is answered against its module tree. A root that holds
 * a kernel's /proc files without /proc/modules is a kernel without module support. */
static bool is_image(const struct lkm_sysroot *root)
{
	struct lkm_buf buf = { 0 };
	bool image = !lkm_sysroot_is_live(root) &&
		     lkm_procfile_read(root, "/proc/devices", &buf) == -ENOENT;

	lkm_buf_release(&buf);
	return image;
}

/* The system state that stops every change: no module support, modules_disabled. */
int lkm_engine_check_kernel(const struct lkm_engine *e, struct lkm_result *res,
			    struct lkm_modules *mods)
{
	struct lkm_buf buf = { 0 };
	int err;

	if (e->tree_only)
		return lkm_modules_parse(mods, "");
	err = lkm_modules_read(mods, e->root);
	if (err == -ENOENT && is_image(e->root))
		return lkm_modules_parse(mods, "");
	if (err == -ENOENT)
		return lkm_result_refuse(
			res, LKM_REFUSE_NO_MODULE_SUPPORT, -ENOSYS,
			_("this kernel has no loadable-module support (no "
			  "/proc/modules)"));
	if (err < 0)
		return lkm_result_refuse(res, LKM_REFUSE_NONE, err,
					 _("cannot read /proc/modules"));
	if (lkm_procfile_read(e->root, "/proc/sys/kernel/modules_disabled", &buf) == 0 &&
	    buf.data[0] == '1') {
		lkm_buf_release(&buf);
		return lkm_result_refuse(
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

int lkm_engine_check_privilege(const struct lkm_engine *e, struct lkm_result *res,
			       unsigned flags)
{
	char name[LKM_WHO_MAX];

	if (flags & LKM_DRY_RUN)
		return 0;
	if (e->ops == NULL && lkm_sysroot_is_live(e->root))
		return lkm_result_refuse(res, LKM_REFUSE_NOT_FOUND, -ENOENT,
					 _("the running kernel has no module directory "
					   "(/lib/modules/RELEASE) "
					   "for lkmtui to work with"));
	if (e->ops == NULL)
		return lkm_result_refuse(
			res, LKM_REFUSE_OFFLINE_ROOT, -EROFS,
			_("%s is not the running system: lkmtui only looks at it "
			  "(--dry-run "
			  "shows the steps)"),
			lkm_sysroot_dir(e->root));
	if (e->privileged)
		return 0;
	return lkm_result_refuse(
		res, LKM_REFUSE_NOT_PERMITTED, -EPERM,
		_("changing the kernel's modules needs root (CAP_SYS_MODULE), and %s "
		  "has not"),
		who(e, name, sizeof(name)));
}

void lkm_engine_log_change(const struct lkm_engine *e, const struct lkm_result *res,
			   const char *what)
{
	char name[LKM_WHO_MAX];

	if (!e->log_to_syslog)
		return;
	syslog(LOG_NOTICE, "%s: %s %s%s%s: %s", who(e, name, sizeof(name)), what,
	       res->module ? res->module : res->target, res->path ? " from " : "",
	       res->path ? res->path : "", res->err ? strerror(-res->err) : "done");
}

int lkm_engine_conclude(const struct lkm_engine *e, struct lkm_result *res, int err,
			const struct lkm_params *params, unsigned flags, bool load)
{
	if (err == 0 && res->err == 0 && (flags & LKM_PERSIST))
		err = lkm_keep_module(e, res->module, params, load, res);
	lkm_engine_log_change(e, res, load ? "load" : "unload");
	return err < 0 ? err : res->err;
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
int lkm_engine_attribute_log(const struct lkm_engine *e, struct lkm_result *res)
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

/*
 * A modprobe.d command in the plan stops it before anything changes: lkmtui runs no
 * shell. The administrator's block (a command that does nothing) is named first, wherever
 * it is in the plan; else the first command. KIND is "install" or "remove". Returns 0
 * when the plan holds no command, else the refusal's -errno.
 */
int lkm_engine_refuse_command(const struct lkm_engine *e, struct lkm_result *res,
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
		return lkm_result_refuse(res, LKM_REFUSE_BLOCKED, -EPERM,
					 _("%s is blocked by %s"), s->module,
					 res->rule.origin ? res->rule.origin
							  : _("a rule in modprobe.d"));
	if (block && load)
		return lkm_result_refuse(res, LKM_REFUSE_BLOCKED, -EPERM,
					 _("%s is blocked by %s; %s needs %s"), s->module,
					 res->rule.origin ? res->rule.origin
							  : _("a rule in modprobe.d"),
					 res->module, s->module);
	if (block)
		return lkm_result_refuse(
			res, LKM_REFUSE_BLOCKED, -EPERM,
			_("%s is blocked by %s; unloading %s would remove it"), s->module,
			res->rule.origin ? res->rule.origin : _("a rule in modprobe.d"),
			res->module);
	if (load && self)
		return lkm_result_refuse(
			res, LKM_REFUSE_INSTALL_COMMAND, -EPERM,
			_("modprobe.d runs a command instead of loading %s; lkmtui "
			  "runs no "
			  "shell commands"),
			s->module);
	if (load)
		return lkm_result_refuse(
			res, LKM_REFUSE_INSTALL_COMMAND, -EPERM,
			_("modprobe.d runs a command instead of loading %s, which %s "
			  "needs; "
			  "lkmtui runs no shell commands"),
			s->module, res->module);
	return lkm_result_refuse(
		res, LKM_REFUSE_REMOVE_COMMAND, -EPERM,
		_("modprobe.d runs a command instead of removing %s; lkmtui runs "
		  "no shell "
		  "commands"),
		s->module);
}
