// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes of an unload the kernel refused: in use (users, holders: processes with its
 * files open, mounts), permanent (no exit function), not loaded, not permitted. The
 * holders' fixes serve the engine's own in-use refusal too (refusal.c).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/explain/cause.h"
#include "core/holders.h"
#include "i18n.h"
#include "model/modules.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* M's users joined with ", " into BUF. */
static const char *joined_users(const struct lkm_module *m, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (const char *u = lkm_module_next_user(m, NULL); u;
	     u = lkm_module_next_user(m, u)) {
		lkm_strbuf_sep(&sb, ", ");
		lkm_strbuf_add(&sb, u);
	}
	return buf;
}

int lkm_explain_holders(const struct lkm_explain_ctx *ctx, const char *module,
			struct lkm_diagnosis *d, struct lkm_diagnosis *fix)
{
	struct lkm_holders h;
	struct lkm_foreign_major *foreign;
	size_t n = 0, n_foreign;
	int err = lkm_explain_foreign_majors(ctx, module, d, &foreign, &n_foreign);

	if (err == 0)
		err = lkm_holders_query_with(ctx->root, module, foreign, n_foreign, &h);
	else
		memset(&h, 0, sizeof(h));
	lkm_foreign_majors_free(foreign, n_foreign);

	for (size_t i = 0; err == 0 && i < h.n_mounts; i++, n++)
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("mounted: %s on %s (%s)"), h.mounts[i].source,
				   h.mounts[i].point, h.mounts[i].fstype) ||
		    lkm_diag_add_fix(fix, LKM_FIX_NONE, NULL, NULL, 0, "umount %s",
				     h.mounts[i].point) < 0)
			err = -ENOMEM;
	for (size_t i = 0; err == 0 && i < h.n_procs; i++, n++) {
		bool again = i > 0 && h.procs[i - 1].pid == h.procs[i].pid;

		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("open: %s, by %s (pid %d)"), h.procs[i].file,
				   h.procs[i].comm, h.procs[i].pid) ||
		    (!again &&
		     lkm_diag_add_fix(fix, LKM_FIX_NONE, NULL, NULL, 0,
				      _("stop %s (pid %d): kill %d"), h.procs[i].comm,
				      h.procs[i].pid, h.procs[i].pid) < 0))
			err = -ENOMEM;
	}
	lkm_holders_release(&h);
	return err < 0 ? err : (int)n;
}

int lkm_explain_merge_holder_fixes(struct lkm_diagnosis *d, struct lkm_diagnosis *fix,
				   size_t n_list, const char *module)
{
	if (fix->n_fixes == 0)
		return 0;
	if (n_list == 0) {
		lkm_diag_clear_fixes(d);
		if (lkm_diag_add_fix(fix, LKM_FIX_UNLOAD, module, NULL, 0,
				     _("then: lkmtui unload %s"), module) < 0)
			return -ENOMEM;
	}
	if (lkm_diag_move_fixes(fix, d) < 0)
		return -ENOMEM;
	return lkm_diag_move_fixes(d, fix);
}

/* Its users and state as evidence, the users into *HOLDERS. */
static void busy_evidence(const struct lkm_module *m, struct lkm_diagnosis *d,
			  char ***holders, size_t *n_holders)
{
	char users[1024];

	for (const char *u = m ? lkm_module_next_user(m, NULL) : NULL; u;
	     u = lkm_module_next_user(m, u))
		lkm_diag_line(d, holders, n_holders, "%s", u);
	if (m && m->state != LKM_STATE_LIVE)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("its state is %s, not live"),
			      lkm_module_state_id(m->state));
	else if (m && *n_holders)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, _("used by: %s"),
			      joined_users(m, users, sizeof(users)));
	else if (m && m->use_count > 0)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("use count %lld, and no module among its "
				"users"),
			      (long long)m->use_count);
}

/* delete_module's EWOULDBLOCK (EAGAIN) is "in use"; its EBUSY is "no exit function" or
 * "not live yet / any more". /proc/modules now says which. */
int lkm_cause_unload_busy(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = c->fill;
	struct lkm_modules mods = { 0 };
	const struct lkm_module *m = NULL;
	enum lkm_diag_kind k = LKM_DIAG_IN_USE;
	char **holders = NULL;
	size_t n_holders = 0;
	struct lkm_diagnosis hfix = { 0 };
	int rc = 0;

	if (lkm_modules_read(&mods, c->ctx->root) == 0)
		m = lkm_modules_find(&mods, c->module);
	if (c->err == -EBUSY && m && (m->flags & LKM_MODFLAG_PERMANENT))
		k = LKM_DIAG_PERMANENT;
	else
		busy_evidence(m, d, &holders, &n_holders);
	if (k == LKM_DIAG_IN_USE && lkm_explain_holders(c->ctx, c->module, d, &hfix) < 0)
		rc = -ENOMEM;
	v.value = strerrorname_np(-c->err);
	v.list = holders;
	v.n_list = n_holders;
	if (rc == 0)
		rc = lkm_diag_build(d, k, c->err, &v);
	if (rc == 0)
		rc = lkm_explain_merge_holder_fixes(d, &hfix, n_holders, c->module);
	lkm_diagnosis_release(&hfix);
	lkm_strv_free(holders, n_holders);
	lkm_modules_release(&mods);
	return rc < 0 ? rc : 1;
}

/* The rest: not loaded (ENOENT), not permitted (EPERM), or the kernel's own reason. */
int lkm_cause_unload_failed(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = c->fill;
	enum lkm_diag_kind k = LKM_DIAG_INIT_FAILED;

	if (c->err == -ENOENT)
		k = LKM_DIAG_NOT_LOADED;
	else if (c->err == -EPERM)
		k = lkm_explain_modules_disabled(c->ctx, d) ? LKM_DIAG_MODULES_DISABLED
							    : LKM_DIAG_PERMISSION_DENIED;
	v.value = strerrorname_np(-c->err);
	return lkm_diag_build(d, k, c->err, &v) < 0 ? -ENOMEM : 1;
}
