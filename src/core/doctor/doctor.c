// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/doctor.h"

static const char *const checks[] = {
	"modules-load", "modprobe-d", "initramfs", "upgrade", "taint",
	"dkms",		"firmware",   "hardware",  NULL,
};

static int (*const runs[])(const struct lkm_doctor_ctx *, struct lkm_doctor *) = {
	lkm_check_modules_load, lkm_check_modprobe_d, lkm_check_initramfs,
	lkm_check_upgrade,	lkm_check_taint,      lkm_check_dkms,
	lkm_check_firmware,	lkm_check_hardware,
};

const char *const *lkm_doctor_checks(void)
{
	return checks;
}

const char *lkm_severity_id(enum lkm_severity s)
{
	static const char *const ids[] = { "error", "warning", "note" };

	return s < LKM_SEVERITY_COUNT ? ids[s] : "note";
}

/* Most severe first; within a severity, the order the checks found them (stable). */
static void sort_findings(struct lkm_doctor *d)
{
	for (size_t i = 1; i < d->n; i++) {
		struct lkm_finding f = d->v[i];
		size_t j = i;

		for (; j > 0 && d->v[j - 1].severity > f.severity; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = f;
	}
}

int lkm_doctor_run(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		int err = runs[i](ctx, out);

		if (err == -ENOMEM)
			out->oom = true;
	}
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].body.oom)
			out->oom = true;
	sort_findings(out);
	return out->oom ? -ENOMEM : 0;
}

int lkm_doctor_run_root(const struct lkm_sysroot *root, char *release, size_t size,
			struct lkm_doctor *out)
{
	struct lkm_doctor_ctx ctx = { .root = root, .release = release };
	struct lkm_modules mods = { 0 };
	int err;

	if (lkm_resolve_release(root, release, size) < 0)
		release[0] = '\0';
	if (release[0] && lkm_resolver_new_quiet(root, release, &ctx.resolver) < 0)
		ctx.resolver = NULL;
	if (lkm_modules_read(&mods, root) == 0)
		ctx.mods = &mods;
	err = lkm_doctor_run(&ctx, out);
	lkm_modules_release(&mods);
	lkm_resolver_free(ctx.resolver);
	return err;
}

void lkm_doctor_release(struct lkm_doctor *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].subject);
		lkm_diagnosis_release(&d->v[i].body);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

int lkm_doctor_status(const struct lkm_doctor *d)
{
	if (d->count[LKM_SEVERITY_ERROR])
		return 2;
	return d->count[LKM_SEVERITY_WARNING] ? 1 : 0;
}
