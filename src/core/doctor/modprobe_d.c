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
#include "core/modfile.h"
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
			 const char *word, const char *why)
{
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, l->where,
		_("%s: the kernel ignores \"%s\" from this options line"), module, word);

	lkm_finding_evidence(d, _("%s line %u"), l->path, l->lineno);
	lkm_finding_evidence(d, "%s", why);
	lkm_finding_evidence(d,
			     _("the kernel logs \"%s: unknown parameter '%s' ignored\" "
			       "and loads the module all the same"),
			     module, word);
	if (d)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "lkmtui info %s",
				 module);
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

	if (lkm_resolve_lookup(ctx->resolver, module, &list) < 0 || list.n == 0)
		goto out;
	if (list.v[0].builtin) {
		builtin_options(out, l, list.v[0].name, options);
		goto out;
	}
	if (!list.v[0].path || lkm_modfile_open(list.v[0].path, &mf, &why) < 0)
		goto out;
	while (lkm_param_next(&pos, word, sizeof(word))) {
		char *eq = strchr(word, '='), reason[256], text[600];
		const char *type;

		if (word[0] == '#') {
			ignored_word(
				out, l, list.v[0].name, word,
				_("modprobe.d has no comments at the end of a line: the "
				  "words after '#' are passed on as parameters"));
			break;
		}
		if (eq)
			*eq = '\0';
		type = lkm_modfile_param_type(mf, word);
		if (!type) {
			snprintf(text, sizeof(text), _("%s declares no parameter %s"),
				 list.v[0].name, word);
			ignored_word(out, l, list.v[0].name, word, text);
		} else if (lkm_param_check_value(type, eq ? eq + 1 : NULL, reason,
						 sizeof(reason)) != LKM_PARAM_OK) {
			struct lkm_diagnosis *d = lkm_doctor_add(
				out, LKM_SEVERITY_ERROR, CHECK, l->where,
				_("%s: the value of %s in this options line is refused"),
				list.v[0].name, word);

			lkm_finding_evidence(d, _("%s line %u"), l->path, l->lineno);
			lkm_finding_evidence(d, _("%s is %s: %s"), word, type, reason);
			lkm_finding_evidence(
				d, _("a load by name fails with EINVAL until the "
				     "line is corrected"));
		}
	}
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
	else if (strcmp(cmd, "install") == 0 || strcmp(cmd, "remove") == 0) {
		bool block = lkm_cmdrule_is_block(rest);
		struct lkm_diagnosis *d = lkm_doctor_add(
			out, LKM_SEVERITY_NOTE, CHECK, l->where,
			block ? (strcmp(cmd, "install") == 0
					 ? _("%s is blocked: loading it fails")
					 : _("%s is kept: unloading it fails"))
			      : (strcmp(cmd, "install") == 0
					 ? _("%s: a command runs in place of loading it")
					 : _("%s: a command runs in place of unloading "
					     "it")),
			module);

		lkm_finding_evidence(d, _("%s line %u: %s %s %s"), l->path, l->lineno,
				     cmd, module, rest);
	}
}

static void each_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		      const char *path, unsigned lineno, char *text)
{
	struct line l = { path, lineno, "" };

	snprintf(l.where, sizeof(l.where), "%s:%u", path, lineno);
	check_line(ctx, out, &l, text);
}

int lkm_check_modprobe_d(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	return lkm_doctor_each_line(ctx, out, CHECK, "libkmod", lkm_resolve_conf_dirs(),
				    lkm_modprobe_d_suffixes(), "#", each_line);
}
