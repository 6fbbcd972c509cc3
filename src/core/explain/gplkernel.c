// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpl-only-symbol foreseen without Module.symvers: the running kernel itself says which
 * of its exports are GPL-only (/proc/kallsyms, as root: each export's __ksymtab_NAME
 * entry, the GPL-only ones between __start___ksymtab_gpl and __stop___ksymtab_gpl).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/explain/cause.h"
#include "core/kallsyms.h"
#include "i18n.h"

/* kernel/module/main.c license_is_gpl_compatible(). */
static bool gpl_compatible(const char *license)
{
	static const char *const ok[] = {
		"GPL",		"GPL v2",	"GPL and additional rights",
		"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"
	};

	for (size_t i = 0; license && i < sizeof(ok) / sizeof(*ok); i++)
		if (strcmp(license, ok[i]) == 0)
			return true;
	return false;
}

int lkm_foresee_gpl_kernel(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = lkm_foresight_fill(f);
	const char *license = f->mf ? lkm_modfile_info(f->mf, "license") : NULL;
	const char *const *undef;
	struct lkm_gpl_exports g;
	size_t n;
	int rc;

	if (f->mf == NULL || !lkm_modfile_is_module(f->mf) || gpl_compatible(license))
		return 0;
	n = lkm_modfile_undefined(f->mf, &undef);
	rc = lkm_kallsyms_gpl_only(f->ctx->root, undef, n, &g);
	if (rc < 0 || !g.known || g.n == 0) {
		lkm_gpl_exports_release(&g);
		return rc;
	}
	if (license)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("license: %s (not GPL-compatible)"), license);
	else
		lkm_diag_line(d, &d->evidence, &d->n_evidence, "%s",
			      _("license: none declared"));
	for (size_t i = 0; i < g.n; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s: exported by the kernel to GPL modules only "
				"(/proc/kallsyms)"),
			      g.symbols[i]);
	v.list = g.symbols;
	v.n_list = g.n;
	rc = lkm_diag_build(d, LKM_DIAG_GPL_ONLY_SYMBOL, 0, &v);
	lkm_gpl_exports_release(&g);
	return rc < 0 ? -ENOMEM : 1;
}
