// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-feature-missing: a module made for CPUs this one is not. It says so in its CPU
 * aliases (cpu:type:x86,ven*fam*mod*:feature:*0085* for VMX) and the kernel shows its CPU
 * in /sys/devices/system/cpu/modalias: kvm_intel without VMX fails with EOPNOTSUPP ("kvm:
 * no hardware support for 'kvm_intel'", 6.12: "VMX not supported by CPU 0"), the AES-NI
 * and AVX2 crypto drivers with ENODEV. Foreseeable from the files alone.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpufeat.h"
#include "core/explain/cause.h"
#include "i18n.h"
#include "shared/strv.h"

#define FEATURE_HYPERVISOR (4 * 32 + 31)

/* "vmx (feature 0x0085)", or the number alone for a word Linux numbers itself. */
static void feature_text(unsigned feature, char *buf, size_t size)
{
	const char *name = lkm_cpu_feature_name(feature);

	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, _("feature 0x%04X"), feature);
}

/* "Intel family 6 model 0x55", each part only when the alias names it. */
static void cpu_text(int vendor, int family, int model, char *buf, size_t size)
{
	const char *vn = lkm_cpu_vendor_name(vendor);
	size_t len = 0;

	buf[0] = '\0';
	if (vendor != LKM_CPU_ANY && vn)
		len += (size_t)snprintf(buf, size, "%s", vn);
	else if (vendor != LKM_CPU_ANY)
		len += (size_t)snprintf(buf, size, _("vendor %d"), vendor);
	if (family != LKM_CPU_ANY && len < size)
		len += (size_t)snprintf(buf + len, size - len, _("%sfamily 0x%X"),
					len ? " " : "", (unsigned)family);
	if (model != LKM_CPU_ANY && len < size)
		snprintf(buf + len, size - len, _("%smodel 0x%X"), len ? " " : "",
			 (unsigned)model);
}

/* Evidence for F into D; what the module needs goes to LIST. */
static void cpu_lines(struct lkm_diagnosis *d, const struct lkm_cpufeat *f, char ***list,
		      size_t *n_list)
{
	char cpu[128], what[128];
	size_t shown = 0;

	for (size_t i = 0; i < f->n_needs; i++) {
		const struct lkm_cpu_need *n = &f->needs[i];

		cpu_text(n->vendor, n->family, n->model, cpu, sizeof(cpu));
		if (n->feature != LKM_CPU_ANY) {
			feature_text((unsigned)n->feature, what, sizeof(what));
			lkm_diag_line(d, list, n_list, "%s", what);
			if (cpu[0])
				lkm_diag_line(d, &d->evidence, &d->n_evidence,
					      _("made for %s CPUs with %s"), cpu, what);
			else
				lkm_diag_line(d, &d->evidence, &d->n_evidence,
					      _("made for CPUs with %s"), what);
		} else if (shown++ < 4) {
			/* Model lists run long (intel_uncore names 45): a few say it. */
			lkm_diag_line(d, &d->evidence, &d->n_evidence, _("made for %s"),
				      cpu);
		}
	}
	if (shown > 4)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("... and %zu more CPU models"), shown - 4);
	cpu_text(f->cpu.vendor, f->cpu.family, f->cpu.model, cpu, sizeof(cpu));
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      _("this CPU (/sys/devices/system/cpu/modalias): %s"), cpu);
	for (size_t i = 0; i < f->n_needs; i++)
		if (f->needs[i].feature != LKM_CPU_ANY) {
			feature_text((unsigned)f->needs[i].feature, what, sizeof(what));
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("this CPU has no %s"), what);
		}
	if (lkm_cpu_has(&f->cpu, FEATURE_HYPERVISOR))
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("this CPU is a virtual machine's (hypervisor flag)"));
}

static int cpu_diag(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
		    struct lkm_diag_fill v, int err, struct lkm_diagnosis *d)
{
	const char **al;
	size_t n;
	struct lkm_cpufeat f;
	char **list = NULL;
	size_t n_list = 0;
	int rc = lkm_modfile_info_all(mf, "alias", &al, &n);

	if (rc < 0)
		return rc;
	rc = lkm_cpufeat_check(ctx->root, al, n, &f);
	free(al);
	if (rc < 0 || f.satisfied) {
		lkm_cpufeat_release(&f);
		return rc;
	}
	cpu_lines(d, &f, &list, &n_list);
	lkm_cpufeat_release(&f);
	return lkm_diag_build_list(d, LKM_DIAG_CPU_FEATURE_MISSING, err, &v, list,
				   n_list);
}

int lkm_cause_cpu_feature(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	return c->mf ? cpu_diag(c->ctx, c->mf, c->fill, c->err, d) : 0;
}

int lkm_foresee_cpu_feature(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	return f->mf ? cpu_diag(f->ctx, f->mf, lkm_foresight_fill(f), 0, d) : 0;
}
