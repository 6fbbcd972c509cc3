// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Devices no driver holds while a module that could is there (core/hardware.c: the
 * device's modalias looked up as modprobe does): not loaded (udev did not load it, or
 * it was unloaded), or kept out by modprobe.d (a blacklist, an install command). A
 * candidate that is loaded and still holds nothing refused the device itself: its own
 * kernel lines say why, and loading is no fix.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/doctor/findings.h"
#include "core/hardware.h"
#include "i18n.h"

#define CHECK "hardware"

static void report(struct lkm_doctor *out, const struct lkm_hwentry *e,
		   const struct lkm_hwcand *c)
{
	char subject[256], ids[64], name[256];
	bool kept = c->state != LKM_CAND_NOT_LOADED;
	struct lkm_diagnosis *d;

	snprintf(subject, sizeof(subject), "%s %s", e->dev.bus, e->dev.address);
	d = lkm_doctor_add(
		out, kept ? LKM_SEVERITY_NOTE : LKM_SEVERITY_WARNING, CHECK, subject,
		kept ? _("%s has no driver: %s could drive it, and modprobe.d "
			 "keeps it out")
		     : _("%s has no driver: %s could drive it, and is not loaded"),
		subject, c->module);
	lkm_hwentry_name_text(e, name, sizeof(name));
	lkm_hwentry_ids_text(e, ids, sizeof(ids));
	if (ids[0])
		lkm_finding_evidence(d, "%s%s%s", name, name[0] && ids[0] ? " " : "",
				     ids);
	lkm_finding_evidence(d, _("modalias %s"), e->dev.modalias);
	for (size_t i = 0; i < e->n_cands; i++)
		lkm_finding_evidence(d, _("candidate %s: %s"), e->cands[i].module,
				     lkm_cand_state_text(e->cands[i].state));
	if (c->state == LKM_CAND_BLACKLISTED)
		lkm_finding_evidence(d,
				     _("a blacklisted module is not loaded for a device; "
				       "it still loads by name"));
	if (!d)
		return;
	if (c->state != LKM_CAND_BLOCKED)
		lkm_diag_add_fix(d, LKM_FIX_LOAD, c->module, NULL, 0, "lkmtui load %s",
				 c->module);
	lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "lkmtui hardware");
}

/* When no candidate is loaded or built in: the first not loaded, else the first kept
 * out. */
static const struct lkm_hwcand *candidate(const struct lkm_hwentry *e)
{
	const struct lkm_hwcand *idle = NULL, *kept = NULL;

	if (e->dev.driver || !e->dev.modalias)
		return NULL;
	for (size_t i = 0; i < e->n_cands; i++) {
		enum lkm_cand_state s = e->cands[i].state;

		if (s == LKM_CAND_LOADED || s == LKM_CAND_BUILTIN)
			return NULL;
		if (!idle && s == LKM_CAND_NOT_LOADED)
			idle = &e->cands[i];
		if (!kept && (s == LKM_CAND_BLACKLISTED || s == LKM_CAND_BLOCKED))
			kept = &e->cands[i];
	}
	return idle ? idle : kept;
}

int lkm_check_hardware(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	struct lkm_hardware hw = { 0 };
	int err;

	if (!ctx->resolver)
		return 0;
	err = lkm_hardware_scan(ctx->root, ctx->resolver, ctx->mods, &hw);
	for (size_t i = 0; err == 0 && i < hw.n; i++) {
		const struct lkm_hwcand *c = candidate(&hw.v[i]);

		if (c)
			report(out, &hw.v[i], c);
	}
	lkm_hardware_release(&hw);
	return err == -ENOMEM ? err : 0;
}
