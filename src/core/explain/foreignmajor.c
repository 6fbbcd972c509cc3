// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * in-use, held through a device node made by hand: a module that registers a major under
 * a name not its own (register_chrdev(0, "nvidia-frontend", ...)) and whose nodes are
 * made with mknod has no /sys/dev link pointing at it. Its majors are found by the names
 * /proc/devices lists that its file carries, and the processes by those majors.
 */
#include "config.h"

#include <errno.h>

#include "core/explain/cause.h"
#include "core/holders.h"
#include "i18n.h"

int lkm_explain_foreign_majors(const struct lkm_explain_ctx *ctx, const char *module,
			       struct lkm_diagnosis *d, struct lkm_foreign_major **out,
			       size_t *n)
{
	struct lkm_modlist l = { 0 };
	struct lkm_modfile *mf = NULL;
	const void *data = NULL;
	size_t size = 0;
	int err;

	*out = NULL;
	*n = 0;
	err = ctx->resolver ? lkm_resolve_deps(ctx->resolver, module, &l) : -ENOENT;
	if (err < 0 || l.n == 0 || l.v[l.n - 1].path == NULL) {
		lkm_modlist_release(&l);
		return err == -ENOMEM ? err : 0;
	}
	err = lkm_modfile_open(l.v[l.n - 1].path, &mf, NULL);
	lkm_modlist_release(&l);
	if (err == -ENOMEM)
		return err;
	if (err == 0)
		data = lkm_modfile_data(mf, &size);
	err = lkm_holders_foreign_majors(ctx->root, module, data, size, out, n);
	lkm_modfile_free(mf);
	for (size_t i = 0; err == 0 && i < *n; i++)
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			(*out)[i].kind == 'c'
				? _("character major %u (%s): registered under a name "
				    "not its own (/proc/devices; the name is in its "
				    "file)")
				: _("block major %u (%s): registered under a name not "
				    "its own (/proc/devices; the name is in its file)"),
			(*out)[i].major, (*out)[i].name);
	return err;
}
