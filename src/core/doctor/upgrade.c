// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A kernel upgraded without a reboot: the running release's module tree is gone (the
 * package of the old kernel was removed), so no module can be loaded until the reboot; or
 * loaded modules' files were replaced since the boot (another build of the same release),
 * so what loads next is not what runs now. Only files changed after the boot are opened.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/doctor/findings.h"
#include "core/modfile.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/sysmodule.h"
#include "i18n.h"

#define CHECK "upgrade"

static long long boot_time(const struct lkm_sysroot *root)
{
	struct lkm_buf buf = { 0 };
	long long btime = -1;
	const char *p;

	if (lkm_procfile_read(root, "/proc/stat", &buf) == 0 &&
	    (p = strstr(buf.data, "\nbtime ")) != NULL)
		btime = strtoll(p + 7, NULL, 10);
	lkm_buf_release(&buf);
	return btime;
}

static void tree_missing(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	char dir[512];
	struct lkm_diagnosis *d;

	snprintf(dir, sizeof(dir), "/lib/modules/%s", ctx->release);
	d = lkm_doctor_add(
		out, LKM_SEVERITY_ERROR, CHECK, dir,
		_("the running kernel's modules are gone: no module can be loaded "
		  "until a reboot"));
	lkm_finding_evidence(d, _("the kernel running is %s; %s does not exist"),
			     ctx->release, dir);
	lkm_finding_evidence(d,
			     _("its package was removed or replaced by a newer kernel's "
			       "since the boot"));
	if (d)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "%s",
				 _("reboot into the installed kernel"));
}

/* Loaded modules whose file changed after the boot and is another build now. */
static void replaced(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	long long btime = boot_time(ctx->root);

	if (btime < 0 || !ctx->resolver || !ctx->mods)
		return;
	for (size_t i = 0; i < ctx->mods->n; i++) {
		const char *name = ctx->mods->v[i].name;
		struct lkm_modlist list = { 0 };
		struct lkm_sysmodule sm = { 0 };
		struct lkm_modfile *mf = NULL;
		struct lkm_modfile_error why;
		const char *now;
		struct stat st;

		if (lkm_resolve_deps(ctx->resolver, name, &list) < 0 || !list.n ||
		    !list.v[list.n - 1].path || stat(list.v[list.n - 1].path, &st) < 0 ||
		    st.st_mtime <= btime)
			goto next;
		if (lkm_sysmodule_read(ctx->root, name, &sm) < 0 || !sm.srcversion ||
		    lkm_modfile_open(list.v[list.n - 1].path, &mf, &why) < 0)
			goto next;
		now = lkm_modfile_info(mf, "srcversion");
		if (now && strcmp(now, sm.srcversion) != 0) {
			struct lkm_diagnosis *d = lkm_doctor_add(
				out, LKM_SEVERITY_WARNING, CHECK, name,
				_("%s was replaced on disk since the boot: the next load "
				  "is "
				  "another build"),
				name);

			lkm_finding_evidence(
				d, _("running: srcversion %s; %s: srcversion %s"),
				sm.srcversion, list.v[list.n - 1].path, now);
			if (d)
				lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "%s",
						 _("reboot, so that what runs is what is "
						   "installed"));
		}
	next:
		lkm_modfile_free(mf);
		lkm_sysmodule_release(&sm);
		lkm_modlist_release(&list);
	}
}

int lkm_check_upgrade(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	char dir[512];
	struct stat st;

	if (!ctx->release[0] ||
	    faccessat(lkm_sysroot_fd(ctx->root), "proc/modules", F_OK, 0) < 0)
		return 0;
	snprintf(dir, sizeof(dir), "lib/modules/%s", ctx->release);
	if (fstatat(lkm_sysroot_fd(ctx->root), dir, &st, 0) < 0) {
		tree_missing(ctx, out);
		return 0;
	}
	replaced(ctx, out);
	return 0;
}
