// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes in the boot's own rules and the kernel's policy: the command line's
 * module_blacklist= (blacklisted-by-kernel), lockdown (lockdown), signature enforcement
 * (signature-rejected), modules_disabled or no privilege (modules-disabled,
 * permission-denied).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/scan.h"

/* The value of KEY= on ROOT's kernel command line, into BUF (the last one wins, as the
 * kernel's parser does). */
static bool cmdline_value(const struct lkm_explain_ctx *ctx, const char *key, char *buf,
			  size_t size)
{
	struct lkm_buf cmd = { 0 };
	size_t klen = strlen(key);
	bool found = false;
	char *p, *tok;

	if (lkm_procfile_read(ctx->root, "/proc/cmdline", &cmd) < 0)
		return false;
	cmd.data[strcspn(cmd.data, "\n")] = '\0';
	p = cmd.data;
	while ((tok = lkm_scan_token(&p)) != NULL)
		if (strncmp(tok, key, klen) == 0 && tok[klen] == '=') {
			snprintf(buf, size, "%s", tok + klen + 1);
			found = true;
		}
	lkm_buf_release(&cmd);
	return found;
}

/* Whether LIST ("a,b,c") names MODULE, '-' and '_' alike. */
static bool list_names(const char *list, const char *module)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");

		if (lkm_module_name_eq_len(p, n, module))
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* /sys/kernel/security/lockdown: "none [integrity] confidentiality" -> "integrity" in
 * BUF; false when it is none or cannot be read. */
static bool lockdown_mode(const struct lkm_explain_ctx *ctx, char *buf, size_t size)
{
	struct lkm_buf lk = { 0 };
	bool on = false;

	if (lkm_procfile_read(ctx->root, "/sys/kernel/security/lockdown", &lk) == 0 &&
	    lkm_explain_after(lk.data, "[", "]", buf, size))
		on = strcmp(buf, "none") != 0;
	lkm_buf_release(&lk);
	return on;
}

/* Evidence and fixes of a load the command line's module_blacklist= forbids; false when
 * it does not name MODULE. */
static bool blacklisted_by_kernel(const struct lkm_explain_ctx *ctx, const char *module,
				  struct lkm_diagnosis *d)
{
	char list[512];

	if (module == NULL ||
	    !cmdline_value(ctx, "module_blacklist", list, sizeof(list)) ||
	    !list_names(list, module))
		return false;
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      _("the kernel command line (/proc/cmdline) "
			"has module_blacklist=%s"),
		      list);
	return true;
}

/* Evidence of a load lockdown refuses: the mode, the file's signature, where lockdown
 * comes from; the fix that fits the last. Returns the mode in BUF, false when lockdown is
 * off (or unreadable) and the kernel's line does not say it either. */
static bool lockdown_evidence(const struct lkm_explain_ctx *ctx,
			      const struct lkm_modfile *mf, bool logged,
			      struct lkm_diagnosis *d, char *buf, size_t size)
{
	char arg[64];
	bool on = lockdown_mode(ctx, buf, size);

	if (!on && !logged)
		return false;
	if (on)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("/sys/kernel/security/lockdown: %s"), buf);
	else
		snprintf(buf, size, "%s", _("on"));
	if (mf && !lkm_modfile_signature(mf)->present)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("the file carries no signature"));
	else if (mf && lkm_modfile_signature(mf)->signer)
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			_("the file is signed by %s, a key this kernel does not trust"),
			lkm_modfile_signature(mf)->signer);
	if (cmdline_value(ctx, "lockdown", arg, sizeof(arg))) {
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			_("lockdown comes from the kernel command line: lockdown=%s"),
			arg);
		lkm_diag_add_fix(
			d, LKM_FIX_NONE, NULL, NULL, 0,
			_("or boot without lockdown=%s: take it out of the boot loader's "
			  "command "
			  "line (Debian: GRUB_CMDLINE_LINUX in /etc/default/grub, then "
			  "update-grub)"),
			arg);
	} else {
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("or, if lockdown comes from Secure Boot here, turn "
				   "Secure Boot off in "
				   "the firmware (mokutil --sb-state says)"));
	}
	return true;
}

bool lkm_explain_modules_disabled(const struct lkm_explain_ctx *ctx,
				  struct lkm_diagnosis *d)
{
	struct lkm_buf buf = { 0 };
	bool disabled = lkm_procfile_read(ctx->root, "/proc/sys/kernel/modules_disabled",
					  &buf) == 0 &&
			buf.data[0] == '1';

	lkm_buf_release(&buf);
	if (disabled)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("/proc/sys/kernel/modules_disabled is 1"));
	return disabled;
}

/* EPERM for a module the command line's module_blacklist= names (or the kernel's line
 * says is blacklisted). */
int lkm_cause_blacklisted(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	if (!blacklisted_by_kernel(c->ctx, c->module, d) &&
	    lkm_explain_log_find(c->res, " is blacklisted") == NULL)
		return 0;
	return lkm_diag_build(d, LKM_DIAG_BLACKLISTED_BY_KERNEL, c->err, &c->fill) < 0
		       ? -ENOMEM
		       : 1;
}

/* EPERM under lockdown: the kernel's "Lockdown:" line, or an unsigned file (or none read)
 * while lockdown is on. */
int lkm_cause_lockdown(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	bool logged = lkm_explain_log_find(c->res, "Lockdown:") != NULL;
	struct lkm_diag_fill v = c->fill;
	struct lkm_diagnosis tmp = { 0 };
	char mode[64];
	int rc;

	if (!logged && c->mf && lkm_modfile_signature(c->mf)->present)
		return 0;
	/* The fixes this adds go after the table's, so gather them apart. */
	if (!lockdown_evidence(c->ctx, c->mf, logged, &tmp, mode, sizeof(mode))) {
		lkm_diagnosis_release(&tmp);
		return 0;
	}
	for (size_t i = 0; i < tmp.n_evidence; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, "%s", tmp.evidence[i]);
	v.value = mode;
	rc = lkm_diag_build(d, LKM_DIAG_LOCKDOWN, c->err, &v);
	if (rc == 0)
		rc = lkm_diag_move_fixes(d, &tmp);
	lkm_diagnosis_release(&tmp);
	return rc < 0 ? rc : 1;
}

/* A key the kernel rejects, a signature it cannot read, an unsigned file it will not
 * take.
 */
int lkm_cause_signature(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_buf buf = { 0 };
	struct lkm_diagnosis enrol = { 0 };
	bool unheld;
	int rc;

	if (c->mf && !lkm_modfile_signature(c->mf)->present)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("the file carries no signature"));
	else if (c->mf && lkm_modfile_signature(c->mf)->signer)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("the file is signed by %s"),
			      lkm_modfile_signature(c->mf)->signer);
	unheld = lkm_explain_signing_key(c->ctx, c->mf, d, &enrol);
	if (lkm_procfile_read(c->ctx->root, "/sys/module/module/parameters/sig_enforce",
			      &buf) == 0 &&
	    buf.data[0] == 'Y')
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("this kernel enforces signatures "
				"(/sys/module/module/parameters/sig_enforce is Y)"));
	lkm_buf_release(&buf);
	rc = lkm_diag_build(d, LKM_DIAG_SIGNATURE_REJECTED, c->err, &c->fill);
	/* Signed with a key the kernel does not hold: enrolling it is the fix, not
	 * signing again. */
	if (rc == 0 && unheld) {
		lkm_diag_clear_fixes(d);
		rc = lkm_diag_move_fixes(d, &enrol);
	}
	lkm_diagnosis_release(&enrol);
	return rc < 0 ? -ENOMEM : 1;
}

/* EPERM with no rule that says more: modules switched off, else no privilege. */
int lkm_cause_not_permitted(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	bool disabled = lkm_explain_modules_disabled(c->ctx, d);

	return lkm_diag_build(d,
			      disabled ? LKM_DIAG_MODULES_DISABLED
				       : LKM_DIAG_PERMISSION_DENIED,
			      c->err, &c->fill) < 0
		       ? -ENOMEM
		       : 1;
}

/* A module of the plan the command line's module_blacklist= names. */
int lkm_foresee_blacklisted(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	const struct lkm_result *plan = f->plan;

	for (size_t s = 0; s < plan->n_steps; s++) {
		struct lkm_diag_fill v = { .module = plan->steps[s].module,
					   .file = plan->steps[s].path,
					   .target = plan->target,
					   .target_is_file = plan->names_file,
					   .release = f->ctx->release };

		if (plan->steps[s].kind != LKM_STEP_INSERT ||
		    !blacklisted_by_kernel(f->ctx, plan->steps[s].module, d))
			continue;
		return lkm_diag_build(d, LKM_DIAG_BLACKLISTED_BY_KERNEL, 0, &v) < 0
			       ? -ENOMEM
			       : 1;
	}
	return 0;
}

/* An unsigned file while lockdown is on. */
int lkm_foresee_lockdown(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = lkm_foresight_fill(f);
	struct lkm_diagnosis tmp = { 0 };
	char mode[64];
	int rc = 0;

	if (f->mf == NULL || lkm_modfile_signature(f->mf)->present)
		return 0;
	if (lockdown_evidence(f->ctx, f->mf, false, &tmp, mode, sizeof(mode))) {
		d->evidence = tmp.evidence;
		d->n_evidence = tmp.n_evidence;
		tmp.evidence = NULL;
		tmp.n_evidence = 0;
		v.value = mode;
		rc = lkm_diag_build(d, LKM_DIAG_LOCKDOWN, 0, &v);
		if (rc == 0)
			rc = lkm_diag_move_fixes(d, &tmp);
		rc = rc < 0 ? -ENOMEM : 1;
	}
	lkm_diagnosis_release(&tmp);
	return rc;
}
