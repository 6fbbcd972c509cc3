// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * modules-load.d, as systemd-modules-load reads it at every boot: each name is looked up
 * as modprobe would (kmod_module_new_from_lookup), a name that finds nothing fails the
 * unit ("Failed to find module"), a blacklisted module is skipped (it probes with
 * KMOD_PROBE_APPLY_BLACKLIST), an install command is run in its place.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdrule.h"
#include "core/conffiles.h"
#include "core/doctor/doctor.h"
#include "core/doctor/findings.h"
#include "i18n.h"
#include "shared/strv.h"

#define CHECK "modules-load"

const char *const *lkm_modules_load_dirs(void)
{
	/* systemd's order of precedence (CONF_PATHS("modules-load.d")); Debian's /lib is
	 * /usr/lib's merged twin, read for systems that are not merged yet. */
	static const char *const dirs[] = {
		"/etc/modules-load.d",		 "/run/modules-load.d",
		"/usr/local/lib/modules-load.d", "/usr/lib/modules-load.d",
		"/lib/modules-load.d",		 NULL,
	};

	return dirs;
}

/* Text systemd would pass to libkmod that no module name or alias can be: blanks, '=',
 * quotes, commas (a udev rule pasted into the wrong directory). */
static bool no_module_name(const char *line)
{
	return strpbrk(line, " \t=\",{}") != NULL;
}

static void line_not_a_name(struct lkm_doctor *out, const char *where, const char *path,
			    unsigned lineno, const char *line)
{
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_ERROR, CHECK, where,
		_("a line of %s is no module name: the boot fails to load it"), path);

	lkm_finding_evidence(d, _("line %u: %s"), lineno, line);
	lkm_finding_evidence(d,
			     _("systemd-modules-load logs \"Failed to find module '%s'\" "
			       "at every boot"),
			     line);
	if (strstr(line, "==") || strstr(line, "KERNEL") || strstr(line, "ACTION"))
		lkm_finding_evidence(d, _("it reads like a udev rule: those belong in "
					  "/etc/udev/rules.d/"));
	lkm_finding_fix_delete_line(d, path, lineno);
}

static void not_found(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		      const char *where, const char *path, unsigned lineno,
		      const char *name)
{
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_ERROR, CHECK, where,
		_("%s: no module of that name for %s: the boot fails to load it"), name,
		ctx->release[0] ? ctx->release : _("this kernel"));

	lkm_finding_evidence(d, _("%s line %u asks for %s at every boot"), path, lineno,
			     name);
	lkm_finding_evidence(
		d, _("systemd-modules-load logs \"Failed to find module '%s'\""), name);
	lkm_finding_suggestions(ctx, d, name);
	lkm_finding_fix_delete_line(d, path, lineno);
}

static void blacklisted(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			const char *where, const char *path, unsigned lineno,
			const char *name)
{
	char origin[512];
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, where,
		_("%s is asked for at boot and blacklisted: the boot skips it"), name);

	lkm_finding_evidence(d, _("%s line %u asks for %s at every boot"), path, lineno,
			     name);
	if (lkm_cmdrule_origin(ctx->root, "blacklist", name, NULL, origin,
			       sizeof(origin)) == 0)
		lkm_finding_evidence(d, _("%s: blacklist %s"), origin, name);
	lkm_finding_evidence(d,
			     _("systemd-modules-load honours the blacklist: it logs "
			       "\"Module '%s' is deny-listed\" and loads nothing"),
			     name);
	lkm_finding_fix_delete_line(d, path, lineno);
}

static void blocked(struct lkm_doctor *out, const char *where, const char *path,
		    unsigned lineno, const char *name, const char *command,
		    const struct lkm_doctor_ctx *ctx)
{
	char origin[512];
	bool block = lkm_cmdrule_is_block(command);
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, block ? LKM_SEVERITY_ERROR : LKM_SEVERITY_NOTE, CHECK, where,
		block ? _("%s is asked for at boot and blocked: the boot's loader fails "
			  "on it")
		      : _("%s is asked for at boot: an install command runs instead"),
		name);

	lkm_finding_evidence(d, _("%s line %u asks for %s at every boot"), path, lineno,
			     name);
	if (lkm_cmdrule_origin(ctx->root, "install", name, NULL, origin,
			       sizeof(origin)) == 0)
		lkm_finding_evidence(d, _("%s: install %s %s"), origin, name, command);
	if (block) {
		lkm_finding_evidence(
			d,
			_("systemd-modules-load logs \"Error running install "
			  "command '%s' for module %s\""),
			command, name);
		lkm_finding_fix_delete_line(d, path, lineno);
	}
}

static void check_name(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		       const char *path, unsigned lineno, char *name)
{
	struct lkm_modlist list = { 0 };
	char where[600];
	int err;

	snprintf(where, sizeof(where), "%s:%u", path, lineno);
	if (no_module_name(name)) {
		line_not_a_name(out, where, path, lineno, name);
		return;
	}
	if (!ctx->resolver)
		return;
	err = lkm_resolve_lookup(ctx->resolver, name, &list);
	if (err == -ENOMEM) {
		out->oom = true;
		return;
	}
	if (err == -EINVAL) {
		line_not_a_name(out, where, path, lineno, name);
		return;
	}
	if (err < 0 || list.n == 0) {
		not_found(ctx, out, where, path, lineno, name);
		return;
	}
	for (size_t i = 0; i < list.n; i++) {
		const struct lkm_modref *m = &list.v[i];
		struct lkm_modconf conf = { 0 };

		if (lkm_resolve_modconf(ctx->resolver, m->name, &conf) == 0 &&
		    conf.install) {
			blocked(out, where, path, lineno, m->name, conf.install, ctx);
		} else if (m->blacklisted) {
			blacklisted(ctx, out, where, path, lineno, m->name);
		} else if (m->builtin) {
			struct lkm_diagnosis *d = lkm_doctor_add(
				out, LKM_SEVERITY_NOTE, CHECK, where,
				_("%s is built into the kernel: the line loads nothing"),
				m->name);

			lkm_finding_evidence(d, _("%s is listed in modules.builtin"),
					     m->name);
		} else if (!m->path) {
			not_found(ctx, out, where, path, lineno, name);
		}
		lkm_modconf_release(&conf);
	}
	lkm_modlist_release(&list);
}

int lkm_check_modules_load(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	static const char *const suffixes[] = { ".conf", NULL };

	return lkm_doctor_each_line(ctx, out, CHECK, "systemd-modules-load",
				    lkm_modules_load_dirs(), suffixes, "#;", check_name);
}
