// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A diagnosis' fixes: the lines people read (d->fix) and, beside each, what it does as
 * data (d->fixes), kept in step here so that no front end has to read a sentence back.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain.h"
#include "shared/strv.h"

static void fix_release(struct lkm_fix *f)
{
	free(f->target);
	lkm_strv_free(f->args, f->n_args);
	memset(f, 0, sizeof(*f));
}

/* Fills F with OP, TARGET and ARGS (copies); false on -ENOMEM, F then released. */
static bool fix_fill(struct lkm_fix *f, enum lkm_fix_op op, const char *target,
		     const char *const *args, size_t n_args)
{
	memset(f, 0, sizeof(*f));
	if (op == LKM_FIX_NONE || target == NULL)
		return true;
	f->op = op;
	f->target = strdup(target);
	if (f->target == NULL)
		return false;
	for (size_t i = 0; i < n_args; i++)
		if (!lkm_strv_addf(&f->args, &f->n_args, "%s", args[i])) {
			fix_release(f);
			return false;
		}
	return true;
}

int lkm_diag_add_fix(struct lkm_diagnosis *d, enum lkm_fix_op op, const char *target,
		     const char *const *args, size_t n_args, const char *fmt, ...)
{
	struct lkm_fix *nf = realloc(d->fixes, (d->n_fix + 1) * sizeof(*nf));
	va_list ap;
	bool ok;

	if (nf == NULL) {
		d->oom = true;
		return -ENOMEM;
	}
	d->fixes = nf;
	if (!fix_fill(&nf[d->n_fix], op, target, args, n_args)) {
		d->oom = true;
		return -ENOMEM;
	}
	va_start(ap, fmt);
	ok = lkm_strv_vaddf(&d->fix, &d->n_fix, fmt, ap);
	va_end(ap);
	if (!ok) {
		fix_release(&nf[d->n_fix]);
		d->oom = true;
		return -ENOMEM;
	}
	nf[d->n_fix - 1].text = d->fix[d->n_fix - 1];
	return 0;
}

int lkm_diag_move_fixes(struct lkm_diagnosis *dst, struct lkm_diagnosis *src)
{
	for (size_t i = 0; i < src->n_fix; i++) {
		const struct lkm_fix *f = &src->fixes[i];

		if (lkm_diag_add_fix(dst, f->op, f->target, (const char *const *)f->args,
				     f->n_args, "%s", f->text) < 0)
			return -ENOMEM;
	}
	lkm_diag_clear_fixes(src);
	return 0;
}

void lkm_diag_clear_fixes(struct lkm_diagnosis *d)
{
	for (size_t i = 0; i < d->n_fix; i++)
		fix_release(&d->fixes[i]);
	free(d->fixes);
	lkm_strv_free(d->fix, d->n_fix);
	d->fixes = NULL;
	d->fix = NULL;
	d->n_fix = 0;
}

const char *lkm_fix_op_id(enum lkm_fix_op op)
{
	switch (op) {
	case LKM_FIX_LOAD: return "load";
	case LKM_FIX_UNLOAD: return "unload";
	case LKM_FIX_SET: return "set";
	default: return NULL;
	}
}
