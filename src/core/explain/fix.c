// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A diagnosis' fixes: one array, each fix the line people read and what it does as data,
 * so that no front end has to read a sentence back.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/diag.h"
#include "shared/strv.h"

static void fix_release(struct lkm_fix *f)
{
	free(f->target);
	lkm_strv_free(f->args, f->n_args);
	free(f->text);
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
	struct lkm_fix *nf = realloc(d->fixes, (d->n_fixes + 1) * sizeof(*nf));
	struct lkm_fix *f;
	va_list ap;
	int len;

	if (nf == NULL) {
		d->oom = true;
		return -ENOMEM;
	}
	d->fixes = nf;
	f = &nf[d->n_fixes];
	if (!fix_fill(f, op, target, args, n_args)) {
		d->oom = true;
		return -ENOMEM;
	}
	va_start(ap, fmt);
	len = vasprintf(&f->text, fmt, ap);
	va_end(ap);
	if (len < 0) {
		f->text = NULL;
		fix_release(f);
		d->oom = true;
		return -ENOMEM;
	}
	d->n_fixes++;
	return 0;
}

int lkm_diag_move_fixes(struct lkm_diagnosis *dst, struct lkm_diagnosis *src)
{
	struct lkm_fix *nf;

	if (src->n_fixes == 0)
		return 0;
	nf = realloc(dst->fixes, (dst->n_fixes + src->n_fixes) * sizeof(*nf));
	if (nf == NULL) {
		dst->oom = true;
		return -ENOMEM;
	}
	memcpy(nf + dst->n_fixes, src->fixes, src->n_fixes * sizeof(*nf));
	dst->fixes = nf;
	dst->n_fixes += src->n_fixes;
	free(src->fixes);
	src->fixes = NULL;
	src->n_fixes = 0;
	return 0;
}

void lkm_diag_clear_fixes(struct lkm_diagnosis *d)
{
	for (size_t i = 0; i < d->n_fixes; i++)
		fix_release(&d->fixes[i]);
	free(d->fixes);
	d->fixes = NULL;
	d->n_fixes = 0;
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
