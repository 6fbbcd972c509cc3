// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cmdrule.h"
#include "core/doctor/findings.h"
#include "core/doctor/modprobe_order.h"
#include "core/params.h"
#include "i18n.h"

#define CHECK "modprobe-d"

/* One rule line of a module, as lkm_modprobe_d_walk gives it. */
struct rule {
	char *file;
	unsigned line;
	char *rest;
};

struct rules {
	struct rule *v;
	size_t n;
};

static int collect(const char *file, unsigned line, const char *rest, void *data)
{
	struct rules *r = data;
	struct rule *v = reallocarray(r->v, r->n + 1, sizeof(*v));

	if (!v)
		return -ENOMEM;
	r->v = v;
	v[r->n] = (struct rule){ strdup(file), line, strdup(rest) };
	if (!v[r->n].file || !v[r->n].rest) {
		free(v[r->n].file);
		free(v[r->n].rest);
		return -ENOMEM;
	}
	r->n++;
	return 0;
}

static void rules_release(struct rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].rest);
	}
	free(r->v);
}

/* Every KIND line for MODULE, in libkmod's order. */
static int rules_of(const struct lkm_doctor_ctx *ctx, const char *kind,
		    const char *module, struct rules *out)
{
	char name[256];

	memset(out, 0, sizeof(*out));
	snprintf(name, sizeof(name), "%s", module);
	/* modprobe.d's patterns are kept with '_', as the kernel names modules. */
	for (char *c = name; *c; c++)
		*c = *c == '-' ? '_' : *c;
	return lkm_modprobe_d_walk(ctx->root, kind, name, collect, out);
}

static size_t index_of(const struct rules *r, const char *path, unsigned lineno)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].line == lineno && strcmp(r->v[i].file, path) == 0)
			return i;
	return r->n;
}

/* The value the last of RULES after index FROM gives parameter NAME, and where. */
static const struct rule *last_setting(const struct rules *r, size_t from,
				       const char *name, char *value, size_t size)
{
	const struct rule *found = NULL;

	for (size_t i = from + 1; i < r->n; i++) {
		const char *pos = r->v[i].rest;
		char word[512];

		while (lkm_param_next(&pos, word, sizeof(word)) && word[0] != '#') {
			char *eq = strchr(word, '=');

			if (eq)
				*eq = '\0';
			if (lkm_param_name_eq(word, name)) {
				found = &r->v[i];
				snprintf(value, size, "%s", eq ? eq + 1 : "");
			}
		}
	}
	return found;
}

void lkm_overrides(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		   const char *path, unsigned lineno, const char *module,
		   const char *options)
{
	struct rules r;
	const char *pos = options;
	char word[512], where[600];
	size_t self;

	if (rules_of(ctx, "options", module, &r) < 0)
		goto out;
	self = index_of(&r, path, lineno);
	snprintf(where, sizeof(where), "%s:%u", path, lineno);
	while (self < r.n && lkm_param_next(&pos, word, sizeof(word)) && word[0] != '#') {
		char *eq = strchr(word, '='), later[512];
		const struct rule *w;
		struct lkm_diagnosis *d;

		if (eq)
			*eq = '\0';
		w = last_setting(&r, self, word, later, sizeof(later));
		if (!w || strcmp(later, eq ? eq + 1 : "") == 0)
			continue;
		d = lkm_doctor_add(out, LKM_SEVERITY_WARNING, CHECK, where,
				   _("%s: %s=%s in this line never applies: %s:%u sets "
				     "%s=%s later"),
				   module, word, eq ? eq + 1 : "", w->file, w->line, word,
				   later);
		lkm_finding_evidence(d, _("%s line %u: options %s %s"), path, lineno,
				     module, options);
		lkm_finding_evidence(d, _("%s line %u: options %s %s"), w->file, w->line,
				     module, w->rest);
		lkm_finding_evidence(d, _("libkmod passes every options line on, in its "
					  "order of the files; the kernel takes a "
					  "parameter's last value"));
		lkm_finding_fix_delete_line(d, path, lineno);
	}
out:
	rules_release(&r);
}

/* Whether COMMAND starts a program by an absolute path (into BUF) that the root lacks.
 * Only in a directory the root has: an image or a test root without /sbin says nothing
 * of what the machine will have. */
static bool program_missing(const struct lkm_sysroot *root, const char *command,
			    char *buf, size_t size)
{
	size_t len = strcspn(command, " \t;&|");
	char *slash;
	bool missing;

	if (command[0] != '/' || len >= size)
		return false;
	memcpy(buf, command, len);
	buf[len] = '\0';
	if (faccessat(lkm_sysroot_fd(root), lkm_sysroot_rel(buf), X_OK, 0) == 0)
		return false;
	slash = strrchr(buf, '/');
	*slash = '\0';
	missing = slash == buf ||
		  faccessat(lkm_sysroot_fd(root), lkm_sysroot_rel(buf), F_OK, 0) == 0;
	*slash = '/';
	return missing;
}

void lkm_command_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		      const char *where, const char *path, unsigned lineno,
		      const char *kind, const char *module, const char *command)
{
	bool install = strcmp(kind, "install") == 0;
	bool block = lkm_cmdrule_is_block(command);
	char prog[512];
	bool missing = program_missing(ctx->root, command, prog, sizeof(prog));
	struct rules r = { 0 };
	size_t self = 0;
	struct lkm_diagnosis *d;

	if (rules_of(ctx, kind, module, &r) == 0)
		self = index_of(&r, path, lineno);
	if (self > 0 && self < r.n)
		d = lkm_doctor_add(out, LKM_SEVERITY_WARNING, CHECK, where,
				   _("%s: this %s line never runs: %s:%u comes first"),
				   module, kind, r.v[0].file, r.v[0].line);
	else if (missing)
		d = lkm_doctor_add(
			out, LKM_SEVERITY_WARNING, CHECK, where,
			install ? _("%s: loading it runs %s, which is not there")
				: _("%s: unloading it runs %s, which is not there"),
			module, prog);
	else
		d = lkm_doctor_add(
			out, LKM_SEVERITY_NOTE, CHECK, where,
			block ? (install ? _("%s is blocked: loading it fails")
					 : _("%s is kept: unloading it fails"))
			      : (install ? _("%s: a command runs in place of loading it")
					 : _("%s: a command runs in place of unloading "
					     "it")),
			module);
	lkm_finding_evidence(d, _("%s line %u: %s %s %s"), path, lineno, kind, module,
			     command);
	if (self > 0 && self < r.n)
		lkm_finding_evidence(d,
				     _("%s line %u: %s %s %s (libkmod runs the first %s "
				       "line of a module only)"),
				     r.v[0].file, r.v[0].line, kind, module, r.v[0].rest,
				     kind);
	else if (!block)
		lkm_finding_evidence(d, install ? _("modprobe runs it with /bin/sh -c in "
						    "place of inserting the module")
						: _("modprobe runs it with /bin/sh -c in "
						    "place of removing the module"));
	if (missing)
		lkm_finding_evidence(d, _("%s does not exist or is not executable"),
				     prog);
	if (self > 0 && self < r.n)
		lkm_finding_fix_delete_line(d, path, lineno);
	rules_release(&r);
}
