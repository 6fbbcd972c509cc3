// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Firmware: the files each loaded module names (modinfo's firmware:, from
 * MODULE_FIRMWARE) that the kernel's loader would not find (core/firmware.c: its
 * directories, and the .zst/.xz variants). A driver naming a family of files (one per
 * chip) needs one of them: when some are there, the missing rest is a note; when none
 * is, the driver starts without its firmware -- as mkinitcpio's "Possibly missing
 * firmware for module", for every loaded module at once.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/findings.h"
#include "core/firmware.h"
#include "shared/strv.h"
#include "i18n.h"

#define CHECK "firmware"
#define SHOWN 8 /* missing files named one by one; the rest counted */

static void report(struct lkm_doctor *out, const char *module,
		   const struct lkm_firmware *fw)
{
	bool none = fw->n_missing == fw->n;
	const char *package = NULL;
	size_t shown = 0;
	struct lkm_diagnosis *d = lkm_doctor_add(
		out, none ? LKM_SEVERITY_WARNING : LKM_SEVERITY_NOTE, CHECK, module,
		none ? ngettext("%s is loaded without the firmware file it names",
				"%s is loaded without any of the %zu firmware files it "
				"names",
				fw->n)
		     : ngettext("%s: %zu of the firmware files it names is missing",
				"%s: %zu of the firmware files it names are missing",
				fw->n_missing),
		module, none ? fw->n : fw->n_missing);

	for (size_t i = 0; i < fw->n; i++) {
		if (fw->v[i].found)
			continue;
		if (!package)
			package = fw->v[i].package;
		if (shown++ < SHOWN)
			lkm_finding_evidence(d,
					     _("declared (firmware:): %s, missing under "
					       "/lib/firmware"),
					     fw->v[i].name);
	}
	if (shown > SHOWN)
		lkm_finding_evidence(d, _("and %zu more missing"), shown - SHOWN);
	if (!none)
		lkm_finding_evidence(
			d,
			_("%zu of %zu are there: a driver names one file per "
			  "chip and needs only its own"),
			fw->n - fw->n_missing, fw->n);
	else
		lkm_finding_evidence(d,
				     _("the kernel logs \"Direct firmware load for FILE "
				       "failed with error -2\" when the driver asks"));
	if (d && package)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("Debian ships it in %s (component non-free-firmware): "
				   "apt-get install %s"),
				 package, package);
}

/* MODULE's declared firmware against the root. */
static int check_module(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			const char *module)
{
	struct lkm_firmware fw = { 0 };
	char **names = NULL;
	size_t n = 0;
	int err = lkm_resolve_info(ctx->resolver, module, "firmware", &names, &n);

	if (err == 0 && n > 0) {
		err = lkm_firmware_check(ctx->root, ctx->release,
					 (const char *const *)names, n, &fw);
		if (err == 0 && fw.n_missing > 0)
			report(out, module, &fw);
	}
	lkm_firmware_release(&fw);
	lkm_strv_free(names, n);
	return err == -ENOMEM ? err : 0;
}

int lkm_check_firmware(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	int err = 0;

	if (!ctx->resolver || !ctx->mods)
		return 0;
	for (size_t i = 0; i < ctx->mods->n && err == 0; i++)
		err = check_module(ctx, out, ctx->mods->v[i].name);
	return err;
}
