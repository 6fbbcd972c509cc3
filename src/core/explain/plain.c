// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes the kernel's errno alone tells: already loaded (EEXIST), a parameter write the
 * kernel refused, and an init that failed for reasons of its own (the last row of every
 * operation).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/explain/cause.h"

/* EEXIST: a module of that name is loaded. */
int lkm_cause_already_loaded(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	return lkm_diag_build(d, LKM_DIAG_ALREADY_LOADED, c->err, &c->fill) < 0 ? -ENOMEM
										: 1;
}

/* A load that failed with nothing more specific: the module's init said no. */
int lkm_cause_init_failed(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = c->fill;

	v.value = strerrorname_np(-c->err);
	return lkm_diag_build(d, LKM_DIAG_INIT_FAILED, c->err, &v) < 0 ? -ENOMEM : 1;
}

/* A parameter write /sys refused: a value the module rejects, no privilege, or its own
 * reason. */
int lkm_cause_set_failed(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	int err = c->err;
	enum lkm_diag_kind k = err == -EINVAL ? LKM_DIAG_INVALID_PARAMETER
			       : (err == -EACCES || err == -EPERM)
				       ? LKM_DIAG_PERMISSION_DENIED
				       : LKM_DIAG_INIT_FAILED;
	struct lkm_diag_fill v = c->fill;

	v.value = strerrorname_np(-err);
	return lkm_diag_build(d, k, err, &v) < 0 ? -ENOMEM : 1;
}
