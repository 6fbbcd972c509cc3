// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ignored-option: modprobe.d gives the module an option the kernel will ignore, a
 * parameter it does not declare or a comment at the end of the line ("options zram
 * num_devices=4 #32": modprobe.d knows only whole-line comments, and a commented-out
 * "name=old" after it is even set). The load succeeds, the
 * kernel logs "unknown parameter '...' ignored", and the admin believes the option
 * applies: `load` warns, `explain` refuses, as for a typed NAME=VALUE.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "core/explain/cause.h"
#include "core/modopts.h"
#include "i18n.h"
#include "shared/strv.h"

int lkm_foresee_ignored_options(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = lkm_foresight_fill(f);
	struct lkm_modopts o;
	char **list = NULL;
	size_t n_list = 0;
	int rc;

	if (f->plan->names_file || f->module == NULL)
		return 0; /* a file given by path gets no modprobe.d options */
	rc = lkm_modopts_ignored(f->ctx->root, f->module, f->mf, NULL, &o);
	if (rc < 0 || o.n == 0) {
		lkm_modopts_release(&o);
		return rc;
	}
	for (size_t i = 0; i < o.n; i++) {
		const struct lkm_ignored_opt *w = &o.v[i];

		if (w->applied)
			lkm_diag_line(
				d, &d->evidence, &d->n_evidence,
				_("%s:%u: '%s' stands in a comment at the end of the "
				  "line, yet the kernel will set it"),
				w->file, w->line, w->word);
		else if (w->comment)
			lkm_diag_line(
				d, &d->evidence, &d->n_evidence,
				_("%s:%u: '%s' is part of a comment at the end of the "
				  "line: the kernel gets it as a parameter"),
				w->file, w->line, w->word);
		else
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("%s:%u: '%s': %s declares no such parameter"),
				      w->file, w->line, w->word, f->module);
		lkm_diag_line(d, &list, &n_list, "%s:%u", w->file, w->line);
	}
	lkm_strv_sort_unique(list, &n_list);
	v.value = o.v[0].word;
	rc = lkm_diag_build_list(d, LKM_DIAG_IGNORED_OPTION, 0, &v, list, n_list);
	lkm_modopts_release(&o);
	return rc;
}
