// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * modprobe.d, as libkmod reads it (libkmod-config.c): lines it ignores, and options that
 * do not do what they say — for a built-in module (only the kernel command line reaches
 * it), a parameter the module does not declare or a value its type refuses (the kernel
 * logs "unknown parameter ... ignored" and loads it all the same), a comment at the end
 * of the line (it is passed on as a parameter). install and remove commands are named.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdrule.h"
#include "core/doctor/findings.h"
#include "core/doctor/modprobe_order.h"
#include "core/modfile.h"
#include "core/modopts.h"
#include "core/params.h"
#include "i18n.h"

#define CHECK "modprobe-d"

struct line {
	const char *path;
	unsigned lineno;
	char where[600];
};

/* libkmod's commands and how many words each needs after it. */
static int known_command(const char *cmd, unsigned *min_args)
{
	static const struct {
		const char *name;
		unsigned min_args;
	} cmds[] = {
		{ "alias", 2 },	 { "options", 2 }, { "install", 2 },
		{ "remove", 2 }, { "softdep", 2 }, { "blacklist", 1 },
	};

	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmd, cmds[i].name) == 0) {
			*min_args = cmds[i].min_args;
			return 1;
		}
	return strcmp(cmd, "include") == 0 || strcmp(cmd, "config") == 0 ? -1 : 0;
}

static void bad_line(struct lkm_doctor *out, const struct line *l, const char *text,
		     const char *cmd, int known)
{
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, l->where,
		_("a line of %s does nothing: libkmod ignores it"), l->path);

	lkm_finding_evidence(d, _("line %u: %s"), l->lineno, text);
	if (known < 0)
		lkm_finding_evidence(
			d,
			_("libkmod: \"command %s is deprecated and not parsed "
			  "anymore\""),
			cmd);
	else if (known > 0)
		lkm_finding_evidence(
			d,
			_("libkmod: \"ignoring bad line starting with '%s'\" "
			  "(%s needs more words)"),
			cmd, cmd);
	else
		lkm_finding_evidence(
			d,
			_("libkmod: \"ignoring bad line starting with '%s'\" "
			  "(the commands are alias, options, install, remove, "
			  "softdep and blacklist)"),
			cmd);
	lkm_finding_fix_delete_line(d, l->path, l->lineno);
}

static void builtin_options(struct lkm_doctor *out, const struct line *l,
			    const char *module, const char *options)
{
	const char *pos = options;
	char word[256], cmdline[1024] = "";
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, l->where,
		_("%s is built into the kernel: this options line never reaches it"),
		module);

	lkm_finding_evidence(d, _("%s line %u: options %s %s"), l->path, l->lineno,
			     module, options);
	lkm_finding_evidence(d,
			     _("a built-in module takes its parameters from the kernel "
			       "command line only, as %s.NAME=VALUE"),
			     module);
	while (lkm_param_next(&pos, word, sizeof(word))) {
		size_t len = strlen(cmdline);

		snprintf(cmdline + len, sizeof(cmdline) - len, "%s%s.%s", len ? " " : "",
			 module, word);
	}
	if (d && cmdline[0])
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("add to GRUB_CMDLINE_LINUX in /etc/default/grub, then "
				   "update-grub: %s"),
				 cmdline);
}

static void ignored_word(struct lkm_doctor *out, const struct line *l, const char *module,
			 const struct lkm_ignored_opt *w)
{
	struct lkm_diagnosis *d;

	if (w->applied) {
		d = lkm_doctor_add(
			out, LKM_SEVERITY_WARNING, CHECK, l->where,
			_("%s: the kernel sets \"%s\", though it stands after a "
			  "'#' in this options line"),
			module, w->word);
		lkm_finding_evidence(d, _("%s line %u"), l->path, l->lineno);
		lkm_finding_evidence(
			d, _("modprobe.d has no comments at the end of a line: "
			     "the words after '#' are passed on as parameters"));
		lkm_finding_fix_delete_line(d, l->path, l->lineno);
		return;
	}
	d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, l->where,
		_("%s: the kernel ignores \"%.*s\" from this options line"), module,
		w->comment ? (int)strlen(w->word) : (int)strcspn(w->word, "="), w->word);
	lkm_finding_evidence(d, _("%s line %u"), l->path, l->lineno);
	if (w->comment)
		lkm_finding_evidence(
			d, _("modprobe.d has no comments at the end of a line: "
			     "the words after '#' are passed on as parameters"));
	else
		lkm_finding_evidence(d, _("%s declares no parameter %.*s"), module,
				     (int)strcspn(w->word, "="), w->word);
	lkm_finding_evidence(d,
			     _("the kernel logs \"%s: unknown parameter '%.*s' ignored\" "
			       "and loads the module all the same"),
			     module, (int)strcspn(w->word, "="), w->word);
	if (d)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "lkmtui info %s",
				 module);
}

/* The words of this line modopts says the kernel ignores (or sets against the
 * admin's intent), each a finding. */
static int ignored_words(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			 const struct line *l, const char *module,
			 const struct lkm_modfile *mf)
{
	struct lkm_modopts o;
	int err = lkm_modopts_ignored(ctx->root, module, mf, NULL, &o);

	for (size_t i = 0; err == 0 && i < o.n; i++)
		if (o.v[i].line == l->lineno && strcmp(o.v[i].file, l->path) == 0)
			ignored_word(out, l, module, &o.v[i]);
	lkm_modopts_release(&o);
	return err;
}

static void refused_value(struct lkm_doctor *out, const struct line *l,
			  const char *module, const char *name, const char *type,
			  const char *reason)
{
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_ERROR, CHECK, l->where,
		_("%s: the value of %s in this options line is refused"), module, name);

	lkm_finding_evidence(d, _("%s line %u"), l->path, l->lineno);
	lkm_finding_evidence(d, _("%s is %s: %s"), name, type, reason);
	lkm_finding_evidence(d, _("a load by name fails with EINVAL until the line is "
				  "corrected"));
}

/* Each word of OPTIONS against what MODULE's file declares. */
static void check_options(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			  const struct line *l, const char *module, const char *options)
{
	struct lkm_modlist list = { 0 };
	struct lkm_modfile *mf = NULL;
	struct lkm_modfile_error why;
	const char *pos = options;
	char word[512];
	bool refused = false;

	if (lkm_resolve_lookup(ctx->resolver, module, &list) < 0 || list.n == 0)
		goto out;
	if (list.v[0].builtin) {
		builtin_options(out, l, list.v[0].name, options);
		goto out;
	}
	if (!list.v[0].path || lkm_modfile_open(list.v[0].path, &mf, &why) < 0)
		mf = NULL;
	if (ignored_words(ctx, out, l, list.v[0].name, mf) == -ENOMEM)
		out->oom = true;
	while (mf && lkm_param_next(&pos, word, sizeof(word)) && word[0] != '#') {
		char *eq = strchr(word, '='), reason[256];
		const char *type;

		if (eq)
			*eq = '\0';
		type = lkm_modfile_param_type(mf, word);
		if (type && lkm_param_check_value(type, eq ? eq + 1 : NULL, reason,
						  sizeof(reason)) != LKM_PARAM_OK) {
			refused_value(out, l, list.v[0].name, word, type, reason);
			refused = true;
		}
	}
	/* A refused value fails the load: which line wins does not matter then. */
	if (!refused)
		lkm_overrides(ctx, out, l->path, l->lineno, list.v[0].name, options);
out:
	lkm_modfile_free(mf);
	lkm_modlist_release(&list);
}

static void check_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		       const struct line *l, char *text)
{
	char copy[4096], *cmd, *module, *rest = NULL;
	unsigned min_args, n = 0;
	int known;

	snprintf(copy, sizeof(copy), "%s", text);
	cmd = strtok_r(text, " \t", &rest);
	known = known_command(cmd, &min_args);
	if (known <= 0) {
		bad_line(out, l, copy, cmd, known);
		return;
	}
	module = strtok_r(NULL, " \t", &rest);
	rest += rest ? strspn(rest, " \t") : 0;
	n = (module != NULL) + (rest && *rest);
	if (n < min_args) {
		bad_line(out, l, copy, cmd, 1);
		return;
	}
	if (strcmp(cmd, "options") == 0 && ctx->resolver)
		check_options(ctx, out, l, module, rest);
	else if (strcmp(cmd, "install") == 0 || strcmp(cmd, "remove") == 0)
		lkm_command_line(ctx, out, l->where, l->path, l->lineno, cmd, module,
				 rest);
}

static void each_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		      const char *path, unsigned lineno, char *text)
{
	struct line l = { path, lineno, "" };

	snprintf(l.where, sizeof(l.where), "%s:%u", path, lineno);
	check_line(ctx, out, &l, text);
}

/* Whether a finding of this check is on WHERE already. */
static bool found_at(const struct lkm_doctor *out, const char *where)
{
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(out->v[i].check, CHECK) == 0 &&
		    strcmp(out->v[i].subject, where) == 0)
			return true;
	return false;
}

/* One line libkmod said as it read modprobe.d ("libkmod: ERROR ...: HOSTPATH line N:
 * WHAT"): a finding where the walk above has none on that line already. */
static void libkmod_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			 const char *text)
{
	const char *dir = lkm_sysroot_dir(ctx->root), *file = strstr(text, ": /");
	size_t skip =
		strcmp(dir, "/") == 0 ? 0 : strlen(dir) - (dir[strlen(dir) - 1] == '/');
	char path[512] = "", where[600];
	unsigned lineno = 0;
	const char *what = NULL, *at;
	struct lkm_diagnosis *d;

	if (file && (at = strstr(file, " line ")) != NULL &&
	    sscanf(at, " line %u", &lineno) == 1 &&
	    (what = strchr(at + 6, ':')) != NULL) {
		file += 2;
		if (skip && strncmp(file, dir, skip) == 0 && file[skip] == '/')
			file += skip;
		snprintf(path, sizeof(path), "%.*s", (int)(at - file), file);
		what += 1 + (what[1] == ' ');
	}
	snprintf(where, sizeof(where), "%s:%u", path, lineno);
	if (path[0] && found_at(out, where))
		return;
	d = lkm_doctor_add(out, LKM_SEVERITY_WARNING, CHECK, path[0] ? where : "libkmod",
			   path[0] ? _("libkmod complains about line %u of %s")
				   : _("libkmod complains as it reads modprobe.d"),
			   lineno, path);
	lkm_finding_evidence(d, "%s", what ? what : text);
	if (path[0])
		lkm_finding_fix_delete_line(d, path, lineno);
}

/* What libkmod said of modprobe.d as the resolver opened it, kept off stderr. */
static void libkmod_said(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	char *text, *line, *save = NULL;

	if (!ctx->resolver || !*lkm_resolver_config_log(ctx->resolver))
		return;
	text = strdup(lkm_resolver_config_log(ctx->resolver));
	if (!text) {
		out->oom = true;
		return;
	}
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		libkmod_line(ctx, out, line);
	free(text);
}

int lkm_check_modprobe_d(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	int err =
		lkm_doctor_each_line(ctx, out, CHECK, "libkmod", lkm_resolve_conf_dirs(),
				     lkm_modprobe_d_suffixes(), "#", each_line);

	libkmod_said(ctx, out);
	return err;
}
