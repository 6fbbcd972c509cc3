// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The engine's own refusals, before the kernel was asked: not found, built in, in use,
 * a parameter it does not know, a rule of modprobe.d... The kind follows the refusal; the
 * evidence is what the engine found (its reason and details) and what the system says.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/explain/cause.h"
#include "core/userpath.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* Whether PATH begins with the ELF magic, or a compressed stream (a damaged .ko.xz). */
static bool starts_as_elf(const char *path)
{
	unsigned char magic[4] = { 0 };
	int fd = lkm_userpath_open(path, LKM_USERPATH_FILE, NULL);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
	bool elf;

	if (f == NULL) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	elf = fread(magic, 1, 4, f) == 4 && ((memcmp(magic, "\177ELF", 4) == 0) ||
					     (magic[0] == 0xfd && magic[1] == '7') ||
					     (magic[0] == 0x28 && magic[1] == 0xb5) ||
					     (magic[0] == 0x1f && magic[1] == 0x8b));
	fclose(f);
	return elf;
}

static enum lkm_diag_kind kind_of_refusal(enum lkm_refusal r)
{
	switch (r) {
	case LKM_REFUSE_NOT_FOUND: return LKM_DIAG_NOT_FOUND;
	case LKM_REFUSE_BAD_FILE: return LKM_DIAG_NOT_A_MODULE;
	case LKM_REFUSE_BUILTIN: return LKM_DIAG_BUILTIN;
	case LKM_REFUSE_ALREADY_LOADED: return LKM_DIAG_ALREADY_LOADED;
	case LKM_REFUSE_NOT_LOADED: return LKM_DIAG_NOT_LOADED;
	case LKM_REFUSE_IN_USE: return LKM_DIAG_IN_USE;
	case LKM_REFUSE_PERMANENT: return LKM_DIAG_PERMANENT;
	case LKM_REFUSE_MALFORMED_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_UNKNOWN_PARAM: return LKM_DIAG_UNKNOWN_PARAMETER;
	case LKM_REFUSE_INVALID_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_READ_ONLY_PARAM: return LKM_DIAG_READ_ONLY_PARAMETER;
	case LKM_REFUSE_NOT_PERMITTED: return LKM_DIAG_PERMISSION_DENIED;
	case LKM_REFUSE_MODULES_DISABLED: return LKM_DIAG_MODULES_DISABLED;
	case LKM_REFUSE_INSTALL_COMMAND: return LKM_DIAG_INSTALL_COMMAND;
	case LKM_REFUSE_PERSIST: return LKM_DIAG_PERSIST_FAILED;
	case LKM_REFUSE_NO_MODULE_SUPPORT: return LKM_DIAG_NO_MODULE_SUPPORT;
	case LKM_REFUSE_OFFLINE_ROOT: return LKM_DIAG_OFFLINE_ROOT;
	case LKM_REFUSE_BLACKLISTED: return LKM_DIAG_BLACKLISTED;
	case LKM_REFUSE_BLOCKED: return LKM_DIAG_BLOCKED;
	case LKM_REFUSE_REMOVE_COMMAND: return LKM_DIAG_REMOVE_COMMAND;
	case LKM_REFUSE_STILL_LOADING: return LKM_DIAG_STILL_LOADING;
	case LKM_REFUSE_STILL_UNLOADING: return LKM_DIAG_STILL_UNLOADING;
	case LKM_REFUSE_NONE: break;
	}
	return LKM_DIAG_NONE;
}

/* RES's details as D's evidence. */
static void details_evidence(const struct lkm_result *res, struct lkm_diagnosis *d)
{
	for (size_t i = 0; i < res->n_details; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, "%s", res->details[i]);
}

/* The evidence and list of a refusal of KIND; *KIND may become a finer one, HFIX gets the
 * holders' fixes. 0 or -ENOMEM. */
static int refusal_facts(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			 enum lkm_diag_kind *kind, struct lkm_diag_fill *v,
			 struct lkm_diagnosis *d, char ***list, size_t *n_list,
			 struct lkm_diagnosis *hfix)
{
	enum lkm_diag_kind finer;

	switch (*kind) {
	case LKM_DIAG_IN_USE: {
		char users[1024];
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, users, sizeof(users));
		for (size_t i = 0; i < res->n_holders; i++) {
			lkm_diag_line(d, list, n_list, "%s", res->holders[i]);
			lkm_strbuf_addf(&sb, "%s%s", i ? ", " : "", res->holders[i]);
		}
		if (*n_list)
			lkm_diag_line(d, &d->evidence, &d->n_evidence, _("used by: %s"),
				      users);
		return lkm_explain_holders(ctx, v->module, d, hfix) < 0 ? -ENOMEM : 0;
	}
	case LKM_DIAG_NOT_FOUND:
		finer = lkm_explain_not_found(ctx, res, d, list, n_list);
		if (finer != LKM_DIAG_NONE) {
			*kind = finer;
			break;
		}
		/* fall through */
	case LKM_DIAG_NOT_LOADED:
	case LKM_DIAG_BLACKLISTED:
		for (size_t i = 0; i < res->n_details; i++)
			lkm_diag_line(d, list, n_list, "%s", res->details[i]);
		break;
	case LKM_DIAG_ALREADY_LOADED:
		details_evidence(res, d);
		/* What lkmtui set can change in place: the fix's NAME=VALUE. */
		for (size_t i = 0; i < res->n_now; i++)
			if (res->now[i].writable && res->now[i].requested)
				lkm_diag_line(d, list, n_list, "%s=%s", res->now[i].name,
					      res->now[i].requested);
		break;
	case LKM_DIAG_UNKNOWN_PARAMETER:
	case LKM_DIAG_INVALID_PARAMETER:
	case LKM_DIAG_NOT_A_MODULE:
	case LKM_DIAG_INSTALL_COMMAND:
	case LKM_DIAG_READ_ONLY_PARAMETER: details_evidence(res, d); break;
	case LKM_DIAG_BLOCKED:
	case LKM_DIAG_REMOVE_COMMAND:
		/* The module the rule is for, and where to take the rule out. */
		v->value = res->rule.module;
		details_evidence(res, d);
		lkm_diag_line(d, list, n_list, "%s",
			      res->rule.origin ? res->rule.origin : "modprobe.d");
		break;
	case LKM_DIAG_PERMISSION_DENIED:
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("you are uid %u, without CAP_SYS_MODULE"),
			      (unsigned)getuid());
		break;
	default: break;
	}
	return 0;
}

/* The kernel that would take the file PATH where this one takes no modules: the release
 * it was built for, into BUF, when it is a module for this machine; else NULL (a file
 * of another architecture no kernel here takes). */
static const char *its_kernel(const struct lkm_explain_ctx *ctx, const char *path,
			      char *buf, size_t size)
{
	struct lkm_modfile *mf = NULL;
	const char *found = NULL;

	if (lkm_modfile_open(path, &mf, NULL) == 0 && lkm_explain_file_fits(ctx, mf) &&
	    lkm_modfile_built_for(mf, buf, size))
		found = buf;
	lkm_modfile_free(mf);
	return found;
}

int lkm_explain_refusal(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			struct lkm_diagnosis *d)
{
	enum lkm_diag_kind kind = kind_of_refusal(res->refusal);
	char *file_module = res->module == NULL && res->names_file
				    ? lkm_modfile_module_name(NULL, res->target)
				    : NULL;
	struct lkm_diag_fill v = { .module = res->module   ? res->module
					     : file_module ? file_module
							   : res->target,
				   .file = res->path,
				   .target = res->target,
				   .target_is_file = res->names_file,
				   .param = res->bad_param,
				   .release = ctx->release };
	char **list = NULL, release[128];
	size_t n_list = 0;
	struct lkm_diagnosis hfix = { 0 };
	int err;

	/* A file on a kernel without module support: the kernel that would take it. */
	if (kind == LKM_DIAG_NO_MODULE_SUPPORT && res->names_file)
		v.value = its_kernel(ctx, res->target, release, sizeof(release));
	if (res->reason)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, "%s", res->reason);
	err = refusal_facts(ctx, res, &kind, &v, d, &list, &n_list, &hfix);
	v.list = list;
	v.n_list = n_list;
	/* A file that starts as ELF but does not hold together is damaged, not a plain
	 * object: the fix is another copy, not another build. */
	if (kind == LKM_DIAG_NOT_A_MODULE && res->path && starts_as_elf(res->path))
		kind = LKM_DIAG_DAMAGED_FILE;
	if (err == 0 &&
	    (kind == LKM_DIAG_STILL_LOADING || kind == LKM_DIAG_STILL_UNLOADING))
		err = lkm_explain_transit(ctx, res->op, kind, res->err, v, d);
	else if (err == 0)
		err = lkm_diag_build(d, kind, res->err, &v);
	if (err == 0)
		err = lkm_explain_merge_holder_fixes(d, &hfix, n_list, v.module);
	lkm_diagnosis_release(&hfix);
	lkm_strv_free(list, n_list);
	free(file_module);
	return err;
}
