// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * resource-busy: a driver's init returned EBUSY because what it asked for (an I/O range,
 * memory, an interrupt line, a major number) is held. The parameters that name a resource
 * and the ranges the module's own messages name are held against /proc/ioports,
 * /proc/iomem, /proc/interrupts and /proc/devices; before a load, the parameters alone.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/cause.h"
#include "core/kmsg.h"
#include "core/owns.h"
#include "i18n.h"
#include "model/devices.h"
#include "model/interrupts.h"
#include "model/ioranges.h"
#include "model/modules.h"
#include "shared/strv.h"

/* "0x300-0x307" (or "0x300") anywhere in TEXT. */
static bool hex_range(const char *text, uint64_t *start, uint64_t *end)
{
	for (const char *p = strstr(text, "0x"); p; p = strstr(p + 2, "0x")) {
		char *e;
		unsigned long long a = strtoull(p, &e, 16), b;

		if (e == p + 2)
			continue;
		*start = *end = a;
		if (e[0] == '-' && e[1] == '0' && e[2] == 'x') {
			b = strtoull(e + 1, &e, 16);
			if (b >= a)
				*end = b;
		}
		return true;
	}
	return false;
}

/* What the resource search has found so far, and where it writes. */
struct facts {
	const struct lkm_explain_ctx *ctx;
	const char *module;
	struct lkm_modules mods;
	struct lkm_diagnosis *d;
	struct lkm_diag_fill *v; /* its list gets the holder modules */
	char value[128];	 /* the title's "I/O ports at 0x300" */
	char param[64];		 /* the parameter that named it */
	char holder[192];	 /* its first holder: "serial", "ne2k_pci (eth0)" */
	bool plural;		 /* VALUE is I/O ports (memory is one thing) */
	size_t found;
	bool asked;
};

/* The first holder found: the title's VALUE (as FMT makes it) and who holds it. */
__attribute__((format(printf, 4, 5))) static void
first_holder(struct facts *f, bool plural, const char *holder, const char *fmt, ...)
{
	va_list ap;

	if (f->found++ > 0 || f->value[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(f->value, sizeof(f->value), fmt, ap);
	va_end(ap);
	snprintf(f->holder, sizeof(f->holder), "%s", holder);
	f->plural = plural;
}

/* Who holds [START, END] of /proc/ioports, or /proc/iomem when MEM: evidence, and each
 * holder that is a loaded module into the fill's list. */
static void range_holders(struct facts *f, bool mem, uint64_t start, uint64_t end)
{
	const char *path = mem ? "/proc/iomem" : "/proc/ioports";
	const char *what = mem ? _("I/O memory") : _("I/O ports");
	struct lkm_ioranges r = { 0 };
	const struct lkm_iorange *h = NULL;
	size_t before = f->found;

	if (lkm_ioranges_read(&r, f->ctx->root, path) < 0 || r.hidden) {
		if (r.hidden)
			lkm_diag_line(f->d, &f->d->evidence, &f->d->n_evidence,
				      _("%s shows no addresses without root"), path);
		lkm_ioranges_release(&r);
		return;
	}
	while ((h = lkm_ioranges_next_holder(&r, h, start, end)) != NULL) {
		const struct lkm_module *m;

		if (f->module && lkm_module_name_eq(h->name, f->module))
			continue;
		m = lkm_modules_find(&f->mods, h->name);
		lkm_diag_line(
			f->d, &f->d->evidence, &f->d->n_evidence,
			_("%s: %#llx-%#llx is held by %s%s"), path,
			(unsigned long long)h->start, (unsigned long long)h->end, h->name,
			m ? _(" (a loaded module)") : _(" (built in, not a module)"));
		if (m)
			lkm_diag_line(f->d, &f->v->list, &f->v->n_list, "%s", m->name);
		if (start == end)
			first_holder(f, !mem, h->name, _("%s at %#llx"), what,
				     (unsigned long long)start);
		else
			first_holder(f, !mem, h->name, "%s %#llx-%#llx", what,
				     (unsigned long long)start, (unsigned long long)end);
	}
	if (f->found == before)
		lkm_diag_line(f->d, &f->d->evidence, &f->d->n_evidence,
			      _("%s: nothing holds %s %#llx-%#llx now"), path, what,
			      (unsigned long long)start, (unsigned long long)end);
	lkm_ioranges_release(&r);
}

/* An I/O range (/proc/ioports, or /proc/iomem when MEM) from START to END. */
static void range_facts(struct facts *f, bool mem, uint64_t start, uint64_t end)
{
	f->asked = true;
	range_holders(f, mem, start, end);
}

/* Interrupt line NUM in /proc/interrupts. An action that is an interface is named
 * with the module that drives it: "ne2k_pci (eth0)". */
static void irq_facts(struct facts *f, unsigned long long num)
{
	struct lkm_interrupts irqs = { 0 };
	const struct lkm_irq *irq;
	char label[32], mod[64], holder[192];

	f->asked = true;
	snprintf(label, sizeof(label), "%llu", num);
	if (lkm_interrupts_read(&irqs, f->ctx->root) == 0 &&
	    (irq = lkm_interrupts_find(&irqs, label)) != NULL) {
		for (const char *a = lkm_irq_next_action(irq, NULL); a;
		     a = lkm_irq_next_action(irq, a)) {
			lkm_diag_line(f->d, &f->d->evidence, &f->d->n_evidence,
				      _("/proc/interrupts: irq %s is "
					"used by %s"),
				      label, a);
			if (lkm_modules_find(&f->mods, a))
				lkm_diag_line(f->d, &f->v->list, &f->v->n_list, "%s", a);
			if (lkm_owns_iface_module(f->ctx->root, a, mod, sizeof(mod)) == 0)
				snprintf(holder, sizeof(holder), "%s (%s)", mod, a);
			else
				snprintf(holder, sizeof(holder), "%s", a);
			first_holder(f, false, holder, _("irq %s"), label);
		}
	}
	lkm_interrupts_release(&irqs);
}

/* Major number NUM in /proc/devices, unless the module's own. */
static void major_facts(struct facts *f, unsigned long long num)
{
	struct lkm_devices devs = { 0 };

	f->asked = true;
	if (lkm_devices_read(&devs, f->ctx->root) == 0)
		for (size_t i = 0; i < devs.n; i++) {
			if (devs.v[i].major != num ||
			    lkm_module_name_eq(devs.v[i].name, f->module))
				continue;
			lkm_diag_line(f->d, &f->d->evidence, &f->d->n_evidence,
				      _("/proc/devices: %s major %llu is %s"),
				      devs.v[i].kind == LKM_DEV_CHAR ? _("character")
								     : _("block"),
				      num, devs.v[i].name);
			if (lkm_modules_find(&f->mods, devs.v[i].name))
				lkm_diag_line(f->d, &f->v->list, &f->v->n_list, "%s",
					      devs.v[i].name);
			first_holder(f, false, devs.v[i].name, _("major %llu"), num);
		}
	lkm_devices_release(&devs);
}

/* Parameter TOK=VAL, when it names a resource: NUM, up to the end of the range the
 * module's messages in RES give when one starts there. */
static void param_facts(struct facts *f, const struct lkm_result *res, const char *tok,
			const char *val)
{
	char *e;
	unsigned long long num = strtoull(val, &e, 0);
	uint64_t start, end;

	if (e == val)
		return;
	start = end = num;
	for (size_t i = 0; i < res->log.n; i++) {
		uint64_t a, b;

		if (lkm_kmsg_line_from(res->log.lines[i], f->module) &&
		    hex_range(res->log.lines[i], &a, &b) && a == num)
			end = b;
	}
	if (strncmp(tok, "io", 2) == 0 || strncmp(tok, "port", 4) == 0 ||
	    strncmp(tok, "base", 4) == 0)
		range_facts(f, false, start, end);
	else if (strncmp(tok, "mem", 3) == 0 || strncmp(tok, "iomem", 5) == 0)
		range_facts(f, true, start, end);
	else if (strcmp(tok, "irq") == 0)
		irq_facts(f, num);
	else if (strcmp(tok, "major") == 0)
		major_facts(f, num);
}

/*
 * The resources PARAMS and the module's messages in RES name, and who holds them, into
 * F (its ctx, module, d and v set): V's value, param and list (holder modules; the
 * caller frees it), D's evidence and, when nothing is found, a fix.
 */
static void resource_facts(struct facts *f, const struct lkm_result *res,
			   const struct lkm_params *params)
{
	struct lkm_diagnosis *d = f->d;
	uint64_t start, end;

	lkm_modules_read(&f->mods, f->ctx->root);
	for (size_t k = 0; params && k < params->n; k++) {
		size_t before = f->found;

		if (params->v[k].value == NULL)
			continue;
		param_facts(f, res, params->v[k].name, params->v[k].value);
		if (f->found > before && f->param[0] == '\0')
			snprintf(f->param, sizeof(f->param), "%s", params->v[k].name);
	}
	/* Nothing given: a range the module's messages name. */
	for (size_t i = 0; !f->asked && i < res->log.n; i++)
		if (lkm_kmsg_line_from(res->log.lines[i], f->module) &&
		    hex_range(res->log.lines[i], &start, &end))
			range_facts(f, strstr(res->log.lines[i], "mem") != NULL, start,
				    end);
	if (f->found)
		f->v->value = f->value;
	if (f->param[0])
		f->v->param = f->param;
	if (!f->found)
		lkm_diag_add_fix(
			d, LKM_FIX_NONE, NULL, NULL, 0,
			_("read what %s asked for in its messages (dmesg | grep "
			  "%s) and compare "
			  "with /proc/ioports, /proc/iomem, /proc/interrupts and "
			  "/proc/devices"),
			f->module, f->module);
	if (!f->asked)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("no parameter given and no message of %s names a "
				"resource lkmtui "
				"can look up"),
			      f->module);
	lkm_modules_release(&f->mods);
}

/* The words of a kernel parameter string (a step's "io=0x300 name=\"a b\""), split as the
 * kernel's next_arg() does, into *WORDS (freed with lkm_strv_free) and OUT. */
static int kernel_params(const char *s, char ***words, size_t *n, struct lkm_params *out)
{
	char word[512];

	*words = NULL;
	*n = 0;
	while (s && lkm_param_next(&s, word, sizeof(word)))
		if (!lkm_strv_addf(words, n, "%s", word))
			return -ENOMEM;
	return lkm_params_parse((const char *const *)*words, *n, out);
}

/* EBUSY from a load: a driver's init found what it asked for held. */
int lkm_cause_resource_busy(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_diag_fill v = c->fill;
	struct facts f = { .ctx = c->ctx, .module = c->module, .d = d, .v = &v };
	char **words;
	struct lkm_params given = { 0 };
	size_t n_words;
	int rc = kernel_params(c->step->params, &words, &n_words, &given);

	if (rc == 0) {
		resource_facts(&f, c->res, &given);
		rc = lkm_diag_build(d, LKM_DIAG_RESOURCE_BUSY, c->err, &v);
	}
	lkm_params_release(&given);
	lkm_strv_free(words, n_words);
	lkm_strv_free(v.list, v.n_list);
	return rc < 0 ? rc : 1;
}

/* A foresight's title: before the load nothing says the module will claim what its
 * parameters name (an ISA-style driver may take irq= and never request it), so the
 * title says who holds it and what happens if the module does. */
static int foreseen_title(struct lkm_diagnosis *d, const struct facts *f)
{
	char *t = NULL;
	int n = f->plural
			? asprintf(&t,
				   _("%s are held by %s; if %s claims them, the load "
				     "fails with EBUSY"),
				   f->value, f->holder, f->module)
			: asprintf(&t,
				   _("%s is held by %s; if %s claims it, the load fails "
				     "with EBUSY"),
				   f->value, f->holder, f->module);

	if (n < 0)
		return -ENOMEM;
	free(d->title);
	d->title = t;
	return 0;
}

/* Parameters asking for a range, line or major something holds now. */
int lkm_foresee_resource(struct lkm_foresight *fs, struct lkm_diagnosis *d)
{
	struct lkm_result none = { .log = { .fd = -1 } };
	struct lkm_diag_fill v = lkm_foresight_fill(fs);
	struct facts f = { .ctx = fs->ctx, .module = fs->module, .d = d, .v = &v };
	int rc = 0;

	if (fs->params->n == 0)
		return 0;
	resource_facts(&f, &none, fs->params);
	if (v.value != NULL)
		rc = lkm_diag_build(d, LKM_DIAG_RESOURCE_BUSY, 0, &v) < 0 ||
				     foreseen_title(d, &f) < 0
			     ? -ENOMEM
			     : 1;
	lkm_strv_free(v.list, v.n_list);
	return rc;
}
