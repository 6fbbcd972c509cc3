// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * not-found, refined for the most posted case: after a kernel upgrade a DKMS module
 * exists for the previous kernel only. dkms-not-built: DKMS knows the module but has no
 * build for the running kernel (its headers missing, or the build failed: the end of
 * make.log); not-built-for-this-kernel: no DKMS, but another kernel's tree (an older
 * release, a sibling flavour) has the module.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/dkms.h"
#include "core/explain/cause.h"
#include "i18n.h"

/* The lines of one DKMS package: its state, its builds, its failed build's log. */
static void package_lines(struct lkm_diagnosis *d, const struct lkm_dkms_pkg *p)
{
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("DKMS: %s/%s, %s"), p->package,
		      p->version, lkm_dkms_state_id(p->state));
	for (size_t b = 0; b < p->n_builds; b++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      p->builds[b].installed
				      ? _("DKMS: built and installed for %s (%s)")
				      : _("DKMS: built for %s (%s)"),
			      p->builds[b].kernel, p->builds[b].arch);
	if (p->failed_log == NULL)
		return;
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      _("DKMS: a build failed, its log: %s"), p->failed_log);
	for (size_t i = 0; i < p->n_tail; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, "  %s", p->log_tail[i]);
}

enum lkm_diag_kind lkm_explain_dkms(const struct lkm_explain_ctx *ctx, const char *name,
				    struct lkm_diagnosis *d, char ***list, size_t *n_list)
{
	struct lkm_dkms k;
	enum lkm_diag_kind kind = LKM_DIAG_NONE;

	if (name == NULL || strchr(name, '/') ||
	    lkm_dkms_query(ctx->root, name, ctx->release, &k) < 0) {
		lkm_dkms_release(&k);
		return LKM_DIAG_NONE;
	}
	for (size_t i = 0; i < k.n_kernels; i++)
		lkm_diag_line(d, list, n_list, "%s", k.kernels[i]);
	if (k.n_pkgs > 0) {
		kind = LKM_DIAG_DKMS_NOT_BUILT;
		for (size_t i = 0; i < k.n_pkgs; i++)
			package_lines(d, &k.pkgs[i]);
		if (!k.headers) {
			lkm_diag_line(
				d, &d->evidence, &d->n_evidence,
				_("no headers for %s: /lib/modules/%s/build is missing"),
				ctx->release, ctx->release);
			lkm_diag_add_fix(
				d, LKM_FIX_NONE, NULL, NULL, 0,
				_("install this kernel's headers: apt-get install "
				  "linux-headers-%s"),
				ctx->release);
		}
		lkm_diag_add_fix(
			d, LKM_FIX_NONE, NULL, NULL, 0,
			_("build and install it for this kernel: dkms install %s/%s -k "
			  "%s"),
			k.pkgs[0].package, k.pkgs[0].version, ctx->release);
	} else if (k.n_kernels > 0) {
		kind = LKM_DIAG_NOT_BUILT_FOR_KERNEL;
	}
	for (size_t i = 0; i < k.n_kernels; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("/lib/modules/%s has it, the running kernel is %s"),
			      k.kernels[i], ctx->release);
	lkm_dkms_release(&k);
	return kind;
}
