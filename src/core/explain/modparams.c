// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes in what the module was given: a value its parameter refuses
 * (invalid-parameter), or no device where its parameters say (no-device: an old driver
 * told where its hardware is).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/explain/cause.h"
#include "core/modopts.h"
#include "i18n.h"
#include "shared/strbuf.h"

/* Parameters that tell an old driver where its hardware is. */
static bool selects_hardware(const char *name)
{
	static const char *const words[] = { "io",   "irq",  "dma", "mem",  "port",
					     "base", "addr", "bus", "slot", "card" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncmp(name, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/* The modprobe.d line that gave PARAM its refused VALUE, when one did (the user gave
 * none, or gave it too): evidence, and the fix first, since every load by name passes
 * that line on again. */
static void from_modprobe_d(const struct lkm_cause *c, const char *param,
			    const char *value, struct lkm_diagnosis *d)
{
	char file[512];
	unsigned line = 0;

	if (c->module == NULL || c->ctx->root == NULL ||
	    lkm_modopts_find(c->ctx->root, c->module, param, value, file, sizeof(file),
			     &line) != 1)
		return;
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      _("%s line %u gives %s=%s: modprobe.d's options for %s, passed on "
			"with every load by name"),
		      file, line, param, value, c->module);
	lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
			 _("correct %s in line %u of %s, or remove that line: sed -i "
			   "'%ud' %s"),
			 param, line, file, line, file);
}

/* "`VALUE' invalid for parameter `NAME'", or EINVAL with a line about a parameter. */
int lkm_cause_invalid_param(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	const char *line = lkm_explain_log_find(c->res, "invalid for parameter");
	struct lkm_diag_fill v = c->fill;
	char param[128], value[256];

	if (line && lkm_explain_after(line, "invalid for parameter `", "'", param,
				      sizeof(param))) {
		v.param = param;
		if (lkm_explain_after(line, "`", "'", value, sizeof(value)))
			from_modprobe_d(c, param, value, d);
	}
	return lkm_diag_build(d, LKM_DIAG_INVALID_PARAMETER, c->err, &v) < 0 ? -ENOMEM
									     : 1;
}

/* The parameters MF declares that select hardware, as evidence, and as NAME=VALUE
 * examples into HW: io and irq first, as people write them; the rest after. */
static void hardware_params(const struct lkm_modfile *mf, struct lkm_diagnosis *d,
			    char *hw, size_t size)
{
	const struct lkm_modfile_param *decl;
	size_t n = lkm_modfile_params(mf, &decl);
	struct lkm_strbuf hb;

	lkm_strbuf_init(&hb, hw, size);
	for (size_t pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < n; i++) {
			bool io = strcmp(decl[i].name, "io") == 0,
			     irq = strcmp(decl[i].name, "irq") == 0;

			if (!selects_hardware(decl[i].name) || (pass == 0 && !io) ||
			    (pass == 1 && !irq) || (pass == 2 && (io || irq)))
				continue;
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("parameter %s (%s)%s%s"), decl[i].name,
				      decl[i].type ? decl[i].type : "?",
				      decl[i].description ? ": " : "",
				      decl[i].description ? decl[i].description : "");
			/* The seed's example values for the classic two, NAME=VALUE else.
			 */
			lkm_strbuf_sep(&hb, " ");
			lkm_strbuf_addf(&hb, "%s=%s", decl[i].name,
					io    ? "0x300"
					: irq ? "11"
					      : "VALUE");
		}
}

/* ENODEV or ENXIO from init: no device where the driver looked. */
int lkm_cause_no_device(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = c->fill;
	char hw[256] = "";

	if (c->mf) {
		hardware_params(c->mf, d, hw, sizeof(hw));
		if (hw[0])
			v.hw = hw;
	}
	if (c->step->params && *c->step->params)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, _("it was given: %s"),
			      c->step->params);
	return lkm_diag_build(d, LKM_DIAG_NO_DEVICE, c->err, &v) < 0 ? -ENOMEM : 1;
}
