// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * firmware-missing: a driver whose init asks the firmware loader for a file that is not
 * installed. The kernel logs "Direct firmware load for FILE failed with error -2" and
 * init returns ENOENT, which loaders report as "No such file or directory" (busybox:
 * "unknown symbol in module"). The module names the files it needs (MODULE_FIRMWARE,
 * modinfo's firmware:), so before a load the files tell the same.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/cause.h"
#include "core/firmware.h"
#include "i18n.h"
#include "shared/strv.h"

/* Evidence and the package fix for FW into D; the missing names to LIST. */
static void firmware_lines(struct lkm_diagnosis *d, const struct lkm_firmware *fw,
			   char ***list, size_t *n_list)
{
	const char *package = NULL;

	for (size_t i = 0; i < fw->n; i++) {
		const struct lkm_fw_file *f = &fw->v[i];

		if (f->found) {
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("declared (firmware:): %s, found: %s"), f->name,
				      f->found);
			continue;
		}
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("declared (firmware:): %s, missing under /lib/firmware"),
			      f->name);
		lkm_diag_line(d, list, n_list, "%s", f->name);
		if (f->package && package == NULL)
			package = f->package;
	}
	if (package != NULL)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("Debian ships it in %s (component non-free-firmware): "
				   "apt-get install %s"),
				 package, package);
}

/* The kind's diagnosis for MF (the names NAMED, when the kernel said which). */
static int firmware_diag(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			 struct lkm_diag_fill v, const char *named, int err,
			 struct lkm_diagnosis *d, bool need_missing)
{
	const char **names;
	size_t n;
	struct lkm_firmware fw;
	char **list = NULL;
	size_t n_list = 0;
	int rc = lkm_modfile_info_all(mf, "firmware", &names, &n);

	if (rc < 0)
		return rc;
	if (named != NULL) {
		/* The kernel's own name first: a driver may ask for one it did not
		 * declare. */
		bool listed = false;

		for (size_t i = 0; i < n && !listed; i++)
			listed = strcmp(names[i], named) == 0;
		if (!listed) {
			const char **grown = realloc(names, (n + 1) * sizeof(*names));

			if (grown == NULL) {
				free(names);
				return -ENOMEM;
			}
			names = grown;
			memmove(names + 1, names, n * sizeof(*names));
			names[0] = named;
			n++;
		}
	}
	rc = lkm_firmware_check(ctx->root, ctx->release, names, n, &fw);
	free(names);
	if (rc < 0 || (need_missing && (fw.n == 0 || fw.n_missing < fw.n))) {
		lkm_firmware_release(&fw);
		return rc < 0 ? rc : 0;
	}
	firmware_lines(d, &fw, &list, &n_list);
	/* Foreseen: a driver naming several files needs the one of its chip, and some
	 * run without any; only its start tells. */
	if (named == NULL && fw.n > 1)
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			_("the driver names %zu files: which one its hardware needs, if "
			  "any, shows only when it starts"),
			fw.n);
	lkm_firmware_release(&fw);
	v.value = named ? named : (n_list > 0 ? list[0] : NULL);
	return lkm_diag_build_list(d, LKM_DIAG_FIRMWARE_MISSING, err, &v, list, n_list);
}

int lkm_cause_firmware(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	char named[256];
	int ferr = 0;
	bool logged = false;

	for (size_t i = 0; i < c->res->log.n && !logged; i++)
		logged = lkm_firmware_log_line(c->res->log.lines[i], named, sizeof(named),
					       &ferr);
	/* A readable log without the loader's line: not a firmware file. */
	if (!logged && c->res->log.err == 0)
		return 0;
	/* Without the kernel's line: only when every declared file is missing. */
	return firmware_diag(c->ctx, c->mf, c->fill, logged ? named : NULL, c->err, d,
			     !logged);
}

int lkm_foresee_firmware(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	/* A driver often names several files (one per chip revision) and needs one:
	 * foreseen only when none is there. */
	if (f->mf == NULL)
		return 0;
	return firmware_diag(f->ctx, f->mf, lkm_foresight_fill(f), NULL, 0, d, true);
}
