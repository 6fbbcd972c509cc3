// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DKMS (/var/lib/dkms, read by core/dkms.c as dkms lays it out): each package and
 * version, the kernels it is built and installed for, and what the running kernel and
 * the newest installed one lack -- the most posted trouble after a kernel upgrade: the
 * module was built for the old kernel only, because the new one's headers are missing
 * or the build failed (the end of its make.log says why).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dkms.h"
#include "core/doctor/findings.h"
#include "i18n.h"

#define CHECK "dkms"

static bool has(const struct lkm_sysroot *root, const char *kver, const char *what)
{
	char rel[512];
	struct stat st;

	snprintf(rel, sizeof(rel), "lib/modules/%s/%s", kver, what);
	return fstatat(lkm_sysroot_fd(root), rel, &st, 0) == 0;
}

/* The newest kernel with a module tree (modules.dep) under /lib/modules, in version
 * order, into BUF; "" when there is none. */
static void newest_kernel(const struct lkm_sysroot *root, char *buf, size_t size)
{
	DIR *dp;
	struct dirent *e;

	buf[0] = '\0';
	if (lkm_sysroot_opendir(root, "lib/modules", &dp) < 0)
		return;
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && strlen(e->d_name) < size &&
		    strverscmp(e->d_name, buf) > 0 && has(root, e->d_name, "modules.dep"))
			snprintf(buf, size, "%s", e->d_name);
	closedir(dp);
}

static bool installed_for(const struct lkm_dkms_pkg *p, const char *kver)
{
	for (size_t i = 0; i < p->n_builds; i++)
		if (p->builds[i].installed && strcmp(p->builds[i].kernel, kver) == 0)
			return true;
	return false;
}

/* Where P stands: its state and every build, as dkms status says it. */
static void builds_evidence(struct lkm_diagnosis *d, const struct lkm_dkms_pkg *p)
{
	if (p->n_builds == 0)
		lkm_finding_evidence(d, _("DKMS: %s/%s, %s: built for no kernel"),
				     p->package, p->version, lkm_dkms_state_id(p->state));
	for (size_t b = 0; b < p->n_builds; b++)
		lkm_finding_evidence(d,
				     p->builds[b].installed
					     ? _("DKMS: built and installed for %s (%s)")
					     : _("DKMS: built for %s (%s)"),
				     p->builds[b].kernel, p->builds[b].arch);
}

/* What KVER (the running kernel first, then the newest installed) lacks to build P. */
static void kernel_evidence(const struct lkm_doctor_ctx *ctx, struct lkm_diagnosis *d,
			    const char *kver)
{
	if (!has(ctx->root, kver, "build"))
		lkm_finding_evidence(d,
				     _("no headers for %s: /lib/modules/%s/build is "
				       "missing, so DKMS cannot build for it"),
				     kver, kver);
}

static void kernel_fixes(const struct lkm_doctor_ctx *ctx, struct lkm_diagnosis *d,
			 const struct lkm_dkms_pkg *p, const char *kver)
{
	if (!d)
		return;
	if (!has(ctx->root, kver, "build"))
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 "apt-get install linux-headers-%s", kver);
	if (p->state != LKM_DKMS_BROKEN)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 "dkms install %s/%s -k %s", p->package, p->version,
				 kver);
}

/* One finding for P: the kernels it is not installed for (NOW, the running one; NEXT,
 * the newest), its missing source, a failed build; or, with nothing wrong, a note. */
static void report(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		   const struct lkm_dkms_pkg *p, const char *now, const char *next)
{
	bool broken = p->state == LKM_DKMS_BROKEN;
	enum lkm_severity sev = now || next ? LKM_SEVERITY_ERROR
				: broken    ? LKM_SEVERITY_WARNING
					    : LKM_SEVERITY_NOTE;
	char subject[512];
	struct lkm_diagnosis *d;

	snprintf(subject, sizeof(subject), "%s/%s", p->package, p->version);
	if (now && next)
		d = lkm_doctor_add(out, sev, CHECK, subject,
				   _("%s is not installed for the running kernel %s nor "
				     "for %s, the newest: its modules do not load"),
				   subject, now, next);
	else if (now)
		d = lkm_doctor_add(out, sev, CHECK, subject,
				   _("%s is not installed for the running kernel %s: its "
				     "modules do not load"),
				   subject, now);
	else if (next)
		d = lkm_doctor_add(out, sev, CHECK, subject,
				   _("%s is not installed for %s, the newest kernel: its "
				     "modules will be missing after the reboot"),
				   subject, next);
	else if (broken)
		d = lkm_doctor_add(out, sev, CHECK, subject,
				   _("%s has no source: DKMS cannot build it for a new "
				     "kernel"),
				   subject);
	else
		d = lkm_doctor_add(out, sev, CHECK, subject, _("%s is built by DKMS"),
				   subject);
	builds_evidence(d, p);
	if (broken)
		lkm_finding_evidence(d,
				     _("/var/lib/dkms/%s/source points at nothing (dkms "
				       "status: broken): it cannot be built again"),
				     subject);
	if (now)
		kernel_evidence(ctx, d, now);
	if (next)
		kernel_evidence(ctx, d, next);
	if (p->failed_log && sev != LKM_SEVERITY_NOTE) {
		lkm_finding_evidence(d, _("DKMS: a build failed, its log: %s"),
				     p->failed_log);
		for (size_t i = 0; i < p->n_tail; i++)
			lkm_finding_evidence(d, "  %s", p->log_tail[i]);
		if (p->n_tail == 0)
			lkm_finding_evidence(d, _("the log is empty, or no regular file "
						  "lkmtui can read"));
	}
	if (now)
		kernel_fixes(ctx, d, p, now);
	if (next)
		kernel_fixes(ctx, d, p, next);
	if (d && broken)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "dkms remove %s --all",
				 subject);
}

int lkm_check_dkms(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	struct lkm_dkms k;
	char newest[256];
	int err = lkm_dkms_query(ctx->root, NULL, ctx->release, &k);

	if (err < 0 || k.n_pkgs == 0) {
		lkm_dkms_release(&k);
		return err;
	}
	newest_kernel(ctx->root, newest, sizeof(newest));
	for (size_t i = 0; i < k.n_pkgs; i++) {
		const struct lkm_dkms_pkg *p = &k.pkgs[i];
		bool now = !ctx->release[0] || installed_for(p, ctx->release);
		bool next = !newest[0] || strcmp(newest, ctx->release) == 0 ||
			    installed_for(p, newest);

		report(ctx, out, p, now ? NULL : ctx->release, next ? NULL : newest);
	}
	lkm_dkms_release(&k);
	return 0;
}
