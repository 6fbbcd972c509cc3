// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * From a failed operation (or, for `lkmtui explain`, from the file alone) to a diagnosis.
 * The kernel's own log lines are the strongest evidence; where they are missing or
 * unreadable, the file (modinfo, sections, __versions, undefined symbols) and the system
 * (/proc/kallsyms, /proc/modules, modules.builtin, the running kernel's own modules) say
 * the rest. The words are all in explain_texts.c.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/explain.h"
#include "core/explain_texts.h"
#include "core/strv.h"
#include "core/modfile.h"
#include "core/params.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/scan.h"
#include "model/sysmodule.h"

/* What fills a template's placeholders. */
struct vars {
	const char *module, *file, *target, *param, *release, *value;
	char **list;
	size_t n_list;
	const char *joined; /* the list joined with ", ", set by build() */
	const char *as_named; /* %l */
	const char *by_name;  /* %n */
	const char *hw;       /* %h */
};

/* Expands TEMPLATE; NULL when a placeholder it uses has no value (the line is dropped). */
static char *expand(const char *template, const struct vars *v, const char *elem)
{
	size_t cap = strlen(template) + 256, len = 0;
	char *out = malloc(cap);

	if (out == NULL)
		return NULL;
	for (const char *p = template; *p; p++) {
		const char *fill = NULL;
		size_t n;

		if (p[0] != '%' || p[1] == '\0') {
			fill = p;
			n = 1;
		} else {
			switch (*++p) {
			case 'm': fill = v->module; break;
			case 'f': fill = v->file ? v->file : v->target; break;
			case 't': fill = v->target; break;
			case 'p': fill = v->param; break;
			case 'r': fill = v->release; break;
			case 'v': fill = v->value; break;
			case 'e': fill = elem; break;
			case 'E': fill = v->joined; break;
			case 'l': fill = v->as_named; break;
			case 'n': fill = v->by_name; break;
			case 'h': fill = v->hw; break;
			case 'q': fill = v->target && !lkm_engine_names_file(v->target) ? v->target : NULL; break;
			case 'P': fill = v->target && lkm_engine_names_file(v->target) ? v->target : NULL; break;
			case '%': fill = "%"; break;
			case '0':
				if (v->n_list) {
					free(out);
					return NULL;
				}
				continue;
			default: fill = NULL; break;
			}
			if (fill == NULL || *fill == '\0') {
				free(out);
				return NULL;
			}
			n = strlen(fill);
		}
		if (len + n + 1 > cap) {
			char *bigger;

			cap = (len + n + 1) * 2;
			bigger = realloc(out, cap);
			if (bigger == NULL) {
				free(out);
				return NULL;
			}
			out = bigger;
		}
		memcpy(out + len, fill, n);
		len += n;
	}
	out[len] = '\0';
	return out;
}

/* Sets D's kind, title, teaching and fixes from the table. */
static int build(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err, const struct vars *v)
{
	const struct lkm_diag_text *t = lkm_diag_text(kind);
	struct vars with_joined = *v;
	char joined[1024] = "";
	size_t len = 0;

	for (size_t i = 0; i < v->n_list; i++)
		len += (size_t)snprintf(joined + len, len < sizeof(joined) ? sizeof(joined) - len : 0,
					"%s%s", i ? ", " : "", v->list[i]);
	with_joined.joined = joined;
	/* How to name it to lkmtui again: what the user typed when it was a file. */
	if (with_joined.as_named == NULL)
		with_joined.as_named = with_joined.target && lkm_engine_names_file(with_joined.target)
					       ? with_joined.target
					       : with_joined.module;
	v = &with_joined;
	d->kind = kind;
	d->err = err;
	free(d->title);
	free(d->teach);
	d->title = expand(_(t->title), v, NULL);
	if (d->title == NULL)
		d->title = strdup(_(t->title));
	d->teach = expand(_(t->teach), v, NULL);
	if (d->teach == NULL)
		d->teach = strdup(_(t->teach));
	for (size_t i = 0; i < LKM_DIAG_MAX_FIX && t->fix[i]; i++) {
		const char *tpl = _(t->fix[i]);

		if (strstr(tpl, "%e") != NULL) {
			for (size_t j = 0; j < v->n_list; j++) {
				char *line = expand(tpl, v, v->list[j]);

				if (line && !lkm_strv_addf(&d->fix, &d->n_fix, "%s", line)) {
					free(line);
					return -ENOMEM;
				}
				free(line);
			}
			continue;
		}
		char *line = expand(tpl, v, NULL);

		if (line && !lkm_strv_addf(&d->fix, &d->n_fix, "%s", line)) {
			free(line);
			return -ENOMEM;
		}
		free(line);
	}
	return d->title && d->teach ? 0 : -ENOMEM;
}

void lkm_diagnosis_release(struct lkm_diagnosis *d)
{
	free(d->title);
	free(d->teach);
	lkm_strv_free(d->evidence, d->n_evidence);
	lkm_strv_free(d->fix, d->n_fix);
	memset(d, 0, sizeof(*d));
}

void lkm_diagnoses_free(struct lkm_diagnosis *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lkm_diagnosis_release(&v[i]);
	free(v);
}

void lkm_explain_ctx_init(struct lkm_explain_ctx *ctx, const struct lkm_sysroot *root,
			  struct lkm_resolver *resolver, char *buf, size_t size)
{
	struct utsname u;
	size_t half = size / 2;

	memset(ctx, 0, sizeof(*ctx));
	ctx->root = root;
	ctx->resolver = resolver;
	buf[0] = buf[half] = '\0';
	if (resolver != NULL)
		snprintf(buf, half, "%s", lkm_resolver_release(resolver));
	else if (lkm_resolve_release(root, buf, half) < 0)
		buf[0] = '\0';
	if (uname(&u) == 0)
		snprintf(buf + half, size - half, "%s", u.machine);
	ctx->release = buf[0] ? buf : NULL;
	ctx->machine = buf[half] ? buf + half : NULL;
}

/* ---- the kernel's own words ---- */

/* The text after "PREFIX" in LINE up to one of the END characters, into OUT. */
static bool after(const char *line, const char *prefix, const char *end, char *out, size_t size)
{
	const char *p = strstr(line, prefix);
	size_t n;

	if (p == NULL)
		return false;
	p += strlen(prefix);
	n = strcspn(p, end);
	if (n == 0 || n >= size)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

/* The log lines to show: the module's own, and the loader's that name no module. */
static int add_log_evidence(struct lkm_diagnosis *d, const struct lkm_result *res,
			    const char *module)
{
	size_t shown = 0, hidden = 0;

	if (res->log.err < 0 && (res->op != LKM_OP_SET)) {
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
			  _("the kernel log could not be read (%s): what follows comes from the file "
			    "and the system"),
			  res->log.err == -EPERM || res->log.err == -EACCES
				  ? _("not root, or dmesg_restrict")
				  : strerror(-res->log.err)))
			return -ENOMEM;
		return 0;
	}
	for (size_t i = 0; i < res->log.n; i++) {
		const char *line = res->log.lines[i];

		/* The taint notices of a first out-of-tree load are not why anything failed. */
		if (strstr(line, "taints kernel") || strstr(line, "tainting kernel"))
			continue;
		if (shown == 8) {
			hidden++;
			continue;
		}
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence, _("kernel: %s"), line))
			return -ENOMEM;
		shown++;
	}
	if (hidden && !lkm_strv_addf(&d->evidence, &d->n_evidence, _("kernel: ... and %zu more lines"), hidden))
		return -ENOMEM;
	(void)module;
	return 0;
}

static const char *log_find(const struct lkm_result *res, const char *needle)
{
	for (size_t i = 0; i < res->log.n; i++)
		if (strstr(res->log.lines[i], needle))
			return res->log.lines[i];
	return NULL;
}

/* ---- the system ---- */

/* The names in /proc/kallsyms: what the kernel and its loaded modules have. Sorted for
 * bsearch. Returns the count, 0 if unreadable. */
struct symset {
	struct lkm_buf buf;
	char **v;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void symset_load(struct symset *s, const struct lkm_sysroot *root)
{
	char *p, *line;
	size_t cap = 0;

	memset(s, 0, sizeof(*s));
	if (lkm_procfile_read(root, "/proc/kallsyms", &s->buf) < 0)
		return;
	p = s->buf.data;
	while ((line = lkm_scan_line(&p)) != NULL) {
		char *addr = lkm_scan_token(&line);
		char *type = lkm_scan_token(&line);
		char *name = lkm_scan_token(&line);

		if (addr == NULL || type == NULL || name == NULL)
			continue;
		if (s->n == cap) {
			char **v = realloc(s->v, (cap ? cap * 2 : 4096) * sizeof(*v));

			if (v == NULL)
				break;
			s->v = v;
			cap = cap ? cap * 2 : 4096;
		}
		s->v[s->n++] = name;
	}
	qsort(s->v, s->n, sizeof(*s->v), cmp_str);
}

static bool symset_has(const struct symset *s, const char *name)
{
	return s->n && bsearch(&name, s->v, s->n, sizeof(*s->v), cmp_str) != NULL;
}

static void symset_free(struct symset *s)
{
	free(s->v);
	lkm_buf_release(&s->buf);
}

/* A module built for the running kernel, to compare vermagic and symbol CRCs with. */
static struct lkm_modfile *reference_module(const struct lkm_explain_ctx *ctx, const char *not)
{
	static const char *const candidates[] = { "fat", "8390", "loop", "crc16", "mbcache", "ext4" };
	struct lkm_modfile *mf = NULL;

	if (ctx->resolver == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]) && mf == NULL; i++) {
		struct lkm_modlist l = { 0 };

		if (lkm_resolve_lookup(ctx->resolver, candidates[i], &l) == 0 && l.n && l.v[0].path &&
		    (not == NULL || strcmp(l.v[0].path, not) != 0))
			lkm_modfile_open(l.v[0].path, &mf, NULL);
		lkm_modlist_release(&l);
	}
	if (mf == NULL) {
		char **names = NULL;
		int n = lkm_resolve_names(ctx->resolver, 0, &names);

		for (int i = 0; i < n && mf == NULL; i++) {
			struct lkm_modlist l = { 0 };

			if (lkm_resolve_lookup(ctx->resolver, names[i], &l) == 0 && l.n && l.v[0].path &&
			    (not == NULL || strcmp(l.v[0].path, not) != 0))
				lkm_modfile_open(l.v[0].path, &mf, NULL);
			lkm_modlist_release(&l);
		}
		lkm_resolve_strv_free(names);
	}
	return mf;
}

static bool crc_of(const struct lkm_modfile *mf, const char *symbol, unsigned long long *crc)
{
	const struct lkm_modfile_version *v;
	size_t n = lkm_modfile_versions(mf, &v);

	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].symbol, symbol) == 0) {
			*crc = (unsigned long long)v[i].crc;
			return true;
		}
	return false;
}

/* "x86_64" (uname) and the ELF machine name that goes with it. */
static const char *elf_name_of_machine(const char *uname_machine)
{
	static const struct {
		const char *uname, *elf;
	} map[] = {
		{ "x86_64", "x86-64" }, { "i686", "i386" }, { "i386", "i386" },
		{ "aarch64", "AArch64" }, { "s390x", "S/390" }, { "ppc64le", "PowerPC64" },
		{ "riscv64", "RISC-V" }, { "sparc64", "SPARC v9" }, { "armv7l", "ARM" },
	};

	for (size_t i = 0; uname_machine && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].uname, uname_machine) == 0)
			return map[i].elf;
	return NULL;
}

/* Length of S without the blanks at its end. */
static int trimmed_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (int)n;
}

/*
 * Puts the file's vermagic beside the kernel's and says which part differs. Returns true
 * when the kernel would refuse it for that: with modversions on both sides the kernel
 * compares only what follows the release (the CRCs speak for the release), without them
 * the whole string. V->value gets what to name in the title.
 */
static bool compare_vermagic(struct lkm_diagnosis *d, const char *mine, const char *theirs,
			     struct vars *v, char *buf, size_t size)
{
	int rl = (int)strcspn(mine, " "), rr = (int)strcspn(theirs, " ");
	const char *fm = mine[rl] ? mine + rl + 1 : "", *ft = theirs[rr] ? theirs + rr + 1 : "";
	bool release_differs = rl != rr || strncmp(mine, theirs, (size_t)rl) != 0;
	bool flags_differ = trimmed_len(fm) != trimmed_len(ft) ||
			    strncmp(fm, ft, (size_t)trimmed_len(fm)) != 0;
	bool modversions = strstr(fm, "modversions") && strstr(ft, "modversions");

	lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file's vermagic:  %.*s"),
		      trimmed_len(mine), mine);
	lkm_strv_addf(&d->evidence, &d->n_evidence, _("this kernel's:        %.*s"),
		      trimmed_len(theirs), theirs);
	if (release_differs)
		lkm_strv_addf(&d->evidence, &d->n_evidence,
			      _("they differ in the release (%.*s, not %.*s)"), rl, mine, rr, theirs);
	if (flags_differ)
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("they differ in the flags (%.*s, not %.*s)"),
			      trimmed_len(fm), fm, trimmed_len(ft), ft);
	if (release_differs)
		snprintf(buf, size, "%.*s", rl, mine);
	else
		snprintf(buf, size, "%.*s", trimmed_len(mine), mine);
	v->value = buf;
	return flags_differ || (release_differs && !modversions);
}

/* ---- static analysis of a file ---- */

/* Kinds the file alone shows: not a module, another architecture, another kernel. Fills D
 * and returns true when one is found. */
static int analyse_file(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			const char *path, const char *module, const char *disagreeing_symbol,
			struct lkm_diagnosis *d, int err)
{
	struct vars v = { .module = module, .file = path, .target = path,
			  .release = ctx->release };
	const char *want = elf_name_of_machine(ctx->machine);
	const char *vermagic = lkm_modfile_info(mf, "vermagic");
	struct lkm_modfile *ref;
	char release_buf[256];
	int rc = 0;

	if (want && strcmp(lkm_modfile_machine_name(mf), want) != 0) {
		char what[96];

		snprintf(what, sizeof(what), "%s (%d-bit%s)", lkm_modfile_machine_name(mf),
			 lkm_modfile_elf_class(mf), lkm_modfile_big_endian(mf) ? ", big-endian" : "");
		v.value = what;
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file: ELF %s, %s"), what,
		     lkm_modfile_type_name(mf));
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("this machine: %s (%s)"), want, ctx->machine);
		return build(d, LKM_DIAG_WRONG_ARCHITECTURE, err, &v) < 0 ? -ENOMEM : 1;
	}
	if (!lkm_modfile_is_module(mf)) {
		char list[1024] = "";
		size_t len = 0, n = lkm_modfile_section_count(mf);

		for (size_t i = 1; i < n && len + 2 < sizeof(list); i++)
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", i > 1 ? ", " : "",
						lkm_modfile_section_name(mf, i));
		if (len >= sizeof(list))
			strcpy(list + sizeof(list) - 5, "...");
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file: ELF %s, %s, sections: %s"),
		     lkm_modfile_machine_name(mf), lkm_modfile_type_name(mf), n > 1 ? list : "-");
		if (!lkm_modfile_has_modinfo(mf))
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     _("no .modinfo section: no module name, licence or vermagic"));
		if (!lkm_modfile_has_this_module(mf))
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     _("no .gnu.linkonce.this_module section: no struct module for the kernel"));
		if (strcmp(lkm_modfile_type_name(mf), "relocatable") != 0)
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     _("a module is a relocatable object (ET_REL), this is %s"),
			     lkm_modfile_type_name(mf));
		return build(d, LKM_DIAG_NOT_A_MODULE, err, &v) < 0 ? -ENOMEM : 1;
	}
	ref = reference_module(ctx, path);
	if (ref != NULL) {
		const char *ref_magic = lkm_modfile_info(ref, "vermagic");
		const struct lkm_modfile_version *vers;
		size_t nv = lkm_modfile_versions(mf, &vers);
		const char *bad = NULL;
		unsigned long long mine = 0, theirs = 0;

		/* The symbol the kernel named, else module_layout (the kernel checks it
		 * first), else the first the two disagree on. */
		if (disagreeing_symbol && crc_of(mf, disagreeing_symbol, &mine) &&
		    crc_of(ref, disagreeing_symbol, &theirs))
			bad = disagreeing_symbol;
		if (bad == NULL && crc_of(mf, "module_layout", &mine) &&
		    crc_of(ref, "module_layout", &theirs) && mine != theirs)
			bad = "module_layout";
		for (size_t i = 0; i < nv && bad == NULL; i++)
			if (crc_of(ref, vers[i].symbol, &theirs) && theirs != vers[i].crc) {
				bad = vers[i].symbol;
				mine = vers[i].crc;
			}
		if (vermagic && ref_magic && strcmp(vermagic, ref_magic) != 0) {
			if (compare_vermagic(d, vermagic, ref_magic, &v, release_buf,
					     sizeof(release_buf)) &&
			    bad == NULL)
				rc = build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, &v) < 0 ? -ENOMEM : 1;
		}
		if (bad != NULL) {
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     _("%s: the file was built against CRC 0x%08llx, this kernel's modules "
			       "against 0x%08llx"),
			     bad, mine, theirs);
			v.value = bad;
			rc = build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, err, &v) < 0 ? -ENOMEM : 1;
		}
		lkm_modfile_free(ref);
	} else if (vermagic && ctx->release &&
		   strncmp(vermagic, ctx->release, strlen(ctx->release)) != 0) {
		char release[128];

		snprintf(release, sizeof(release), "%.*s", (int)strcspn(vermagic, " "), vermagic);
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file's vermagic: %s"), vermagic);
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("this kernel: %s"), ctx->release);
		v.value = release;
		rc = build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, &v) < 0 ? -ENOMEM : 1;
	}
	return rc;
}

/* Undefined symbols of MF that nothing loaded (kallsyms) provides, each with who exports
 * it. SKIP lists modules that will be loaded first (a load by name); their exports count
 * as provided. Fills D as unresolved-symbols and returns 1 when there are any. */
static int analyse_symbols(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			   const char *module, const char *const *logged, size_t n_logged,
			   const struct lkm_result *plan, struct lkm_diagnosis *d, int err)
{
	const char *const *undef;
	size_t n = lkm_modfile_undefined(mf, &undef);
	struct symset have;
	struct vars v = { .module = module, .release = ctx->release };
	char **exporters = NULL, **missing_by = NULL;
	size_t n_exp = 0, n_missing = 0, n_nobody = 0;
	int rc = 0;
	const char *license = lkm_modfile_info(mf, "license");
	struct lkm_modules loaded = { 0 };
	bool no_kallsyms = false;
	struct lkm_modlist self = { 0 };

	symset_load(&have, ctx->root);
	if (n_logged) {
		undef = logged;
		n = n_logged;
	} else if (have.n == 0) {
		/* No log and no kallsyms: depmod's index and /proc/modules still say which
		 * exporters are missing; what no module exports is taken to be the kernel's. */
		lkm_modules_read(&loaded, ctx->root);
		no_kallsyms = true;
	}
	for (size_t i = 0; i < n; i++) {
		struct lkm_modlist who = { 0 };
		const char *exp = NULL;
		bool planned = false;

		/* The loader's own symbols are resolved by the kernel, not by exports. */
		if (!n_logged && (symset_has(&have, undef[i]) || strcmp(undef[i], "__this_module") == 0))
			continue;
		if (ctx->resolver && lkm_resolve_symbol(ctx->resolver, undef[i], &who) == 0 && who.n)
			exp = who.v[0].name;
		if (no_kallsyms && (exp == NULL || lkm_modules_find(&loaded, exp) != NULL)) {
			lkm_modlist_release(&who);
			continue;
		}
		for (size_t s = 0; plan && exp && s < plan->n_steps; s++)
			if (plan->steps[s].kind == LKM_STEP_INSERT &&
			    lkm_module_name_eq(plan->steps[s].module, exp) &&
			    !lkm_module_name_eq(exp, module))
				planned = true;
		if (planned) {
			lkm_modlist_release(&who);
			continue;
		}
		if (exp) {
			bool seen = false;

			for (size_t j = 0; j < n_exp; j++)
				seen |= strcmp(exporters[j], exp) == 0;
			if (!seen)
				lkm_strv_addf(&exporters, &n_exp, "%s", exp);
			lkm_strv_addf(&missing_by, &n_missing, "%s\t%s", exp, undef[i]);
		} else if (n_logged && symset_has(&have, undef[i]) &&
			   (license == NULL || strstr(license, "GPL") == NULL)) {
			/* Exported, yet unknown to this module: exported to GPL modules only. */
			lkm_strv_addf(&missing_by, &n_missing, "%s\t%s", "", undef[i]);
			rc = 2;
		} else {
			lkm_strv_addf(&missing_by, &n_missing, "%s\t%s", "", undef[i]);
			n_nobody++;
		}
		lkm_modlist_release(&who);
	}
	if (n_missing == 0)
		goto out;
	/* Group the evidence by exporter: "fat (not loaded) exports fat_add_entries, ..." */
	for (size_t j = 0; j < n_exp; j++) {
		char syms[512] = "";
		size_t len = 0, count = 0;

		for (size_t i = 0; i < n_missing; i++) {
			size_t el = strcspn(missing_by[i], "\t");

			if (strncmp(missing_by[i], exporters[j], el) != 0 || exporters[j][el] != '\0')
				continue;
			if (count < 4)
				len += (size_t)snprintf(syms + len, len < sizeof(syms) ? sizeof(syms) - len : 0,
							"%s%s", count ? ", " : "", missing_by[i] + el + 1);
			count++;
		}
		if (count > 4)
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     _("%s, and %zu more: exported by %s, which is not loaded"), syms, count - 4,
			     exporters[j]);
		else
			lkm_strv_addf(&d->evidence, &d->n_evidence, _("%s: exported by %s, which is not loaded"),
			     syms, exporters[j]);
	}
	for (size_t i = 0; i < n_missing; i++)
		if (missing_by[i][0] == '\t')
			lkm_strv_addf(&d->evidence, &d->n_evidence,
			     rc == 2 ? _("%s: exported to GPL-licensed modules only (this one's "
					 "licence: %s)")
				     : _("%s: no installed module exports it, and the kernel does not"),
			     missing_by[i] + 1, license ? license : _("none declared"));
	if (n_exp)
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("load order: %s first, then %s"), exporters[0],
		     module);
	v.list = exporters;
	v.n_list = n_exp;
	/* "load it by name" helps only when lkmtui finds it by name. */
	if (ctx->resolver && lkm_resolve_lookup(ctx->resolver, module, &self) == 0 && self.n &&
	    self.v[0].path)
		v.by_name = module;
	if (rc == 2) {
		char **syms = NULL;
		size_t ns = 0;

		for (size_t i = 0; i < n_missing; i++)
			if (missing_by[i][0] == '\t')
				lkm_strv_addf(&syms, &ns, "%s", missing_by[i] + 1);
		v.list = syms;
		v.n_list = ns;
		rc = build(d, LKM_DIAG_GPL_ONLY_SYMBOL, err, &v) < 0 ? -ENOMEM : 1;
		lkm_strv_free(syms, ns);
	} else {
		if (n_nobody && n_exp == 0)
			lkm_strv_addf(&d->fix, &d->n_fix,
			     _("no module provides these: the module was built against a kernel or "
			       "a companion module you do not have; rebuild it against "
			       "linux-headers-%s with its companion"),
			     ctx->release ? ctx->release : "$(uname -r)");
		rc = build(d, LKM_DIAG_UNRESOLVED_SYMBOLS, err, &v) < 0 ? -ENOMEM : 1;
	}
out:
	lkm_strv_free(exporters, n_exp);
	lkm_strv_free(missing_by, n_missing);
	lkm_modlist_release(&self);
	lkm_modules_release(&loaded);
	symset_free(&have);
	return rc;
}

/* Parameters that tell an old driver where its hardware is. */
static bool selects_hardware(const char *name)
{
	static const char *const words[] = { "io", "irq", "dma", "mem", "port", "base", "addr",
					     "bus", "slot", "card" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncmp(name, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/* ---- a failed result ---- */

/* M's users joined with ", " into BUF. */
static const char *joined_users(const struct lkm_module *m, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (const char *u = lkm_module_next_user(m, NULL); u; u = lkm_module_next_user(m, u))
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s", len ? ", " : "",
					u);
	return buf;
}

/* Whether /proc/sys/kernel/modules_disabled is 1; when it is, that goes in the evidence. */
static bool modules_disabled(const struct lkm_explain_ctx *ctx, struct lkm_diagnosis *d)
{
	struct lkm_buf buf = { 0 };
	bool disabled = lkm_procfile_read(ctx->root, "/proc/sys/kernel/modules_disabled", &buf) == 0 &&
			buf.data[0] == '1';

	lkm_buf_release(&buf);
	if (disabled)
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("/proc/sys/kernel/modules_disabled is 1"));
	return disabled;
}

/* Whether PATH begins with the ELF magic, or a compressed stream (a damaged .ko.xz). */
static bool starts_as_elf(const char *path)
{
	unsigned char magic[4] = { 0 };
	FILE *f = fopen(path, "rb");
	bool elf;

	if (f == NULL)
		return false;
	elf = fread(magic, 1, 4, f) == 4 &&
	      ((memcmp(magic, "\177ELF", 4) == 0) || (magic[0] == 0xfd && magic[1] == '7') ||
	       (magic[0] == 0x28 && magic[1] == 0xb5) || (magic[0] == 0x1f && magic[1] == 0x8b));
	fclose(f);
	return elf;
}

static enum lkm_diag_kind kind_of_refusal(enum lkm_refusal r)
{
	switch (r) {
	case LKM_REFUSE_NOT_FOUND: return LKM_DIAG_NOT_FOUND;
	case LKM_REFUSE_BAD_FILE: return LKM_DIAG_NOT_A_MODULE;
	case LKM_REFUSE_BUILTIN: return LKM_DIAG_BUILTIN;
	case LKM_REFUSE_ALREADY_LOADED: return LKM_DIAG_ALREADY_LOADED;
	case LKM_REFUSE_NOT_LOADED: return LKM_DIAG_NOT_LOADED;
	case LKM_REFUSE_IN_USE: return LKM_DIAG_IN_USE;
	case LKM_REFUSE_PERMANENT: return LKM_DIAG_PERMANENT;
	case LKM_REFUSE_MALFORMED_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_UNKNOWN_PARAM: return LKM_DIAG_UNKNOWN_PARAMETER;
	case LKM_REFUSE_INVALID_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_READ_ONLY_PARAM: return LKM_DIAG_READ_ONLY_PARAMETER;
	case LKM_REFUSE_NOT_PERMITTED: return LKM_DIAG_PERMISSION_DENIED;
	case LKM_REFUSE_MODULES_DISABLED: return LKM_DIAG_MODULES_DISABLED;
	case LKM_REFUSE_INSTALL_COMMAND: return LKM_DIAG_INSTALL_COMMAND;
	case LKM_REFUSE_PERSIST: return LKM_DIAG_PERSIST_FAILED;
	case LKM_REFUSE_NO_MODULE_SUPPORT: return LKM_DIAG_NO_MODULE_SUPPORT;
	case LKM_REFUSE_OFFLINE_ROOT: return LKM_DIAG_OFFLINE_ROOT;
	case LKM_REFUSE_BLACKLISTED: return LKM_DIAG_BLACKLISTED;
	case LKM_REFUSE_BLOCKED: return LKM_DIAG_BLOCKED;
	case LKM_REFUSE_REMOVE_COMMAND: return LKM_DIAG_REMOVE_COMMAND;
	case LKM_REFUSE_NONE: break;
	}
	return LKM_DIAG_NONE;
}

static int explain_refusal(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			   struct lkm_diagnosis *d)
{
	enum lkm_diag_kind kind = kind_of_refusal(res->refusal);
	char *file_module = res->module == NULL && lkm_engine_names_file(res->target)
				    ? lkm_modfile_module_name(NULL, res->target)
				    : NULL;
	struct vars v = { .module = res->module ? res->module
				  : file_module ? file_module : res->target,
			  .file = res->path, .target = res->target, .param = res->bad_param,
			  .release = ctx->release };
	char **list = NULL;
	size_t n_list = 0;
	int err;

	if (res->reason)
		lkm_strv_addf(&d->evidence, &d->n_evidence, "%s", res->reason);
	switch (kind) {
	case LKM_DIAG_IN_USE:
	{
		char users[1024] = "";
		size_t len = 0;

		for (size_t i = 0; i < res->n_holders; i++) {
			lkm_strv_addf(&list, &n_list, "%s", res->holders[i]);
			len += (size_t)snprintf(users + len, len < sizeof(users) ? sizeof(users) - len : 0,
						"%s%s", i ? ", " : "", res->holders[i]);
		}
		if (n_list)
			lkm_strv_addf(&d->evidence, &d->n_evidence, _("used by: %s"), users);
		break;
	}
	case LKM_DIAG_NOT_FOUND:
	case LKM_DIAG_NOT_LOADED:
	case LKM_DIAG_BLACKLISTED:
		for (size_t i = 0; i < res->n_details; i++)
			lkm_strv_addf(&list, &n_list, "%s", res->details[i]);
		break;
	case LKM_DIAG_ALREADY_LOADED:
		for (size_t i = 0; i < res->n_details; i++) {
			char name[128];

			lkm_strv_addf(&d->evidence, &d->n_evidence, "%s", res->details[i]);
			/* "irq: 11 now, 7 requested (writable...)" -> "irq=7" for the fix */
			if (strstr(res->details[i], "(writable") &&
			    sscanf(res->details[i], "%127[^:]:", name) == 1) {
				const char *req = strstr(res->details[i], " now, ");
				char value[128];

				if (req && sscanf(req + 6, "%127s requested", value) == 1)
					lkm_strv_addf(&list, &n_list, "%s=%s", name, value);
			}
		}
		break;
	case LKM_DIAG_UNKNOWN_PARAMETER:
	case LKM_DIAG_INVALID_PARAMETER:
	case LKM_DIAG_NOT_A_MODULE:
	case LKM_DIAG_INSTALL_COMMAND:
		for (size_t i = 0; i < res->n_details; i++)
			lkm_strv_addf(&d->evidence, &d->n_evidence, "%s", res->details[i]);
		break;
	case LKM_DIAG_BLOCKED:
	case LKM_DIAG_REMOVE_COMMAND:
		/* The module the rule is for, and where to take the rule out. */
		v.value = res->rule.module;
		for (size_t i = 0; i < res->n_details; i++)
			lkm_strv_addf(&d->evidence, &d->n_evidence, "%s",
				      res->details[i]);
		lkm_strv_addf(&list, &n_list, "%s",
			      res->rule.origin ? res->rule.origin : "modprobe.d");
		break;
	case LKM_DIAG_READ_ONLY_PARAMETER:
		for (size_t i = 0; i < res->n_details; i++)
			lkm_strv_addf(&d->evidence, &d->n_evidence, "%s", res->details[i]);
		break;
	case LKM_DIAG_PERMISSION_DENIED:
		lkm_strv_addf(&d->evidence, &d->n_evidence, _("you are uid %u, without CAP_SYS_MODULE"),
		     (unsigned)getuid());
		break;
	default:
		break;
	}
	v.list = list;
	v.n_list = n_list;
	/* A file that starts as ELF but does not hold together is damaged, not a plain
	 * object: the fix is another copy, not another build. */
	if (kind == LKM_DIAG_NOT_A_MODULE && res->path && starts_as_elf(res->path))
		kind = LKM_DIAG_DAMAGED_FILE;
	err = build(d, kind, res->err, &v);
	lkm_strv_free(list, n_list);
	free(file_module);
	return err;
}

static int explain_kernel_failure(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
				  struct lkm_diagnosis *d)
{
	const struct lkm_step *step = &res->steps[res->failed];
	const char *module = step->module ? step->module : res->module;
	const char *path = step->path ? step->path : res->path;
	struct vars v = { .module = module, .file = path, .target = res->target,
			  .param = res->bad_param, .release = ctx->release };
	struct lkm_modfile *mf = NULL;
	char **logged = NULL;
	size_t n_logged = 0;
	char sym[256], value[256], param[128], hw[256] = "";
	const char *line;
	int err = res->err, rc = 0;

	lkm_strv_addf(&d->evidence, &d->n_evidence, _("the kernel answered %s (%s)"),
	     strerrorname_np(-err) ? strerrorname_np(-err) : "?", strerror(-err));
	if (add_log_evidence(d, res, module) < 0)
		return -ENOMEM;
	if (path != NULL && (res->op == LKM_OP_LOAD))
		lkm_modfile_open(path, &mf, NULL);

	if (res->op == LKM_OP_UNLOAD) {
		enum lkm_diag_kind k = LKM_DIAG_INIT_FAILED;
		struct lkm_modules mods = { 0 };
		const struct lkm_module *m = NULL;
		char **holders = NULL, users[1024];
		size_t n_holders = 0;

		if (lkm_modules_read(&mods, ctx->root) == 0)
			m = lkm_modules_find(&mods, module);
		/* delete_module: EWOULDBLOCK is "in use"; EBUSY is "no exit function" or "not
		 * live yet / any more". /proc/modules now says which. */
		if (err == -EBUSY && m && (m->flags & LKM_MODFLAG_PERMANENT)) {
			k = LKM_DIAG_PERMANENT;
		} else if (err == -EAGAIN || err == -EBUSY) {
			k = LKM_DIAG_IN_USE;
			for (const char *u = m ? lkm_module_next_user(m, NULL) : NULL; u;
			     u = lkm_module_next_user(m, u))
				lkm_strv_addf(&holders, &n_holders, "%s", u);
			if (m && m->state != LKM_STATE_LIVE)
				lkm_strv_addf(&d->evidence, &d->n_evidence,
					      _("its state is %s, not live"), lkm_module_state_id(m->state));
			else if (m && n_holders)
				lkm_strv_addf(&d->evidence, &d->n_evidence, _("used by: %s"),
					      joined_users(m, users, sizeof(users)));
			else if (m && m->use_count > 0)
				lkm_strv_addf(&d->evidence, &d->n_evidence,
					      _("use count %lld, and no module among its users"),
					      (long long)m->use_count);
		} else if (err == -ENOENT) {
			k = LKM_DIAG_NOT_LOADED;
		} else if (err == -EPERM) {
			k = modules_disabled(ctx, d) ? LKM_DIAG_MODULES_DISABLED
						     : LKM_DIAG_PERMISSION_DENIED;
		}
		v.value = strerrorname_np(-err);
		v.list = holders;
		v.n_list = n_holders;
		rc = build(d, k, err, &v);
		lkm_strv_free(holders, n_holders);
		lkm_modules_release(&mods);
		return rc;
	}
	if (res->op == LKM_OP_SET) {
		enum lkm_diag_kind k = err == -EINVAL ? LKM_DIAG_INVALID_PARAMETER
				       : (err == -EACCES || err == -EPERM) ? LKM_DIAG_PERMISSION_DENIED
									   : LKM_DIAG_INIT_FAILED;
		v.value = strerrorname_np(-err);
		return build(d, k, err, &v);
	}

	/* Loads: the kernel's words first. A CRC mismatch comes first: the kernel logs
	 * "disagrees about version of symbol X" and then "Unknown symbol X (err -22)". */
	if ((line = log_find(res, "disagrees about version of symbol ")) != NULL &&
	    after(line, "disagrees about version of symbol ", " \n", sym, sizeof(sym))) {
		if (mf)
			rc = analyse_file(ctx, mf, path, module, sym, d, err);
		if (rc == 0 || d->kind != LKM_DIAG_SYMBOL_VERSION_MISMATCH) {
			/* The kernel named the symbol: that is the cause, whatever else differs. */
			v.value = sym;
			rc = build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, err, &v);
		}
		goto out;
	}
	for (size_t i = 0; i < res->log.n; i++)
		if (after(res->log.lines[i], "Unknown symbol ", " ", sym, sizeof(sym)))
			lkm_strv_addf(&logged, &n_logged, "%s", sym);
	if (n_logged && mf) {
		rc = analyse_symbols(ctx, mf, module, (const char *const *)logged, n_logged, NULL, d, err);
		goto out;
	}
	if ((line = log_find(res, "version magic '")) != NULL &&
	    after(line, "version magic '", "'", value, sizeof(value))) {
		char kernels[256], rel[256];

		if (after(line, "should be '", "'", kernels, sizeof(kernels)))
			compare_vermagic(d, value, kernels, &v, rel, sizeof(rel));
		else
			v.value = value;
		rc = build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, &v);
		goto out;
	}
	if (log_find(res, "invalid for parameter") != NULL ||
	    (err == -EINVAL && log_find(res, "parameter"))) {
		line = log_find(res, "invalid for parameter");
		if (line && after(line, "invalid for parameter `", "'", param, sizeof(param)))
			v.param = param;
		rc = build(d, LKM_DIAG_INVALID_PARAMETER, err, &v);
		goto out;
	}
	if (err == -EKEYREJECTED || err == -ENOKEY || err == -EKEYEXPIRED || err == -EBADMSG ||
	    log_find(res, "Key was rejected") || log_find(res, "Lockdown:") ||
	    log_find(res, "Loading of unsigned module is rejected")) {
		struct lkm_buf buf = { 0 };

		if (mf && !lkm_modfile_signature(mf)->present)
			lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file carries no signature"));
		else if (mf && lkm_modfile_signature(mf)->signer)
			lkm_strv_addf(&d->evidence, &d->n_evidence, _("the file is signed by %s"),
				      lkm_modfile_signature(mf)->signer);
		if (lkm_procfile_read(ctx->root, "/sys/module/module/parameters/sig_enforce", &buf) == 0 &&
		    buf.data[0] == 'Y')
			lkm_strv_addf(&d->evidence, &d->n_evidence,
				      _("this kernel enforces signatures "
					"(/sys/module/module/parameters/sig_enforce is Y)"));
		lkm_buf_release(&buf);
		rc = build(d, LKM_DIAG_SIGNATURE_REJECTED, err, &v);
		goto out;
	}
	if (err == -ENOEXEC) {
		if (mf)
			rc = analyse_file(ctx, mf, path, module, NULL, d, err);
		if (rc == 0)
			rc = build(d, LKM_DIAG_NOT_A_MODULE, err, &v);
		goto out;
	}
	if (err == -ENOENT && mf) {
		/* ENOENT without readable log lines: the file's undefined symbols against kallsyms. */
		rc = analyse_symbols(ctx, mf, module, NULL, 0, NULL, d, err);
		if (rc != 0)
			goto out;
	}
	if (err == -EEXIST) {
		rc = build(d, LKM_DIAG_ALREADY_LOADED, err, &v);
		goto out;
	}
	if (err == -EPERM) {
		bool disabled = modules_disabled(ctx, d);

		rc = build(d, disabled ? LKM_DIAG_MODULES_DISABLED : LKM_DIAG_PERMISSION_DENIED, err, &v);
		goto out;
	}
	if (err == -ENODEV || err == -ENXIO) {
		if (mf) {
			const struct lkm_modfile_param *decl;
			size_t n = lkm_modfile_params(mf, &decl);

			size_t hl = 0;

			/* io and irq first, as people write them; the rest after. */
			for (size_t pass = 0; pass < 3; pass++)
			for (size_t i = 0; i < n; i++) {
				bool io = strcmp(decl[i].name, "io") == 0, irq = strcmp(decl[i].name, "irq") == 0;

				if (!selects_hardware(decl[i].name) || (pass == 0 && !io) ||
				    (pass == 1 && !irq) || (pass == 2 && (io || irq)))
					continue;
				lkm_strv_addf(&d->evidence, &d->n_evidence, _("parameter %s (%s)%s%s"),
					      decl[i].name, decl[i].type ? decl[i].type : "?",
					      decl[i].description ? ": " : "",
					      decl[i].description ? decl[i].description : "");
				/* The seed's example values for the classic two, NAME=VALUE else. */
				hl += (size_t)snprintf(hw + hl, hl < sizeof(hw) ? sizeof(hw) - hl : 0,
						       "%s%s=%s", hl ? " " : "", decl[i].name,
						       strcmp(decl[i].name, "io") == 0    ? "0x300"
						       : strcmp(decl[i].name, "irq") == 0 ? "11"
											  : "VALUE");
			}
			if (hw[0])
				v.hw = hw;
		}
		if (step->params && *step->params)
			lkm_strv_addf(&d->evidence, &d->n_evidence, _("it was given: %s"), step->params);
		rc = build(d, LKM_DIAG_NO_DEVICE, err, &v);
		goto out;
	}
	v.value = strerrorname_np(-err);
	rc = build(d, LKM_DIAG_INIT_FAILED, err, &v);
out:
	lkm_strv_free(logged, n_logged);
	lkm_modfile_free(mf);
	return rc < 0 ? rc : 0;
}

int lkm_explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
		       struct lkm_diagnosis *out)
{
	memset(out, 0, sizeof(*out));
	if (res->err == 0)
		return 0;
	if (res->refusal != LKM_REFUSE_NONE)
		return explain_refusal(ctx, res, out);
	if (res->failed < res->n_steps)
		return explain_kernel_failure(ctx, res, out);
	/* A failure of lkmtui itself (reading /proc/modules, memory). */
	{
		struct vars v = { .module = res->module ? res->module : res->target,
				  .target = res->target, .release = ctx->release,
				  .value = strerrorname_np(-res->err) };

		if (res->reason)
			lkm_strv_addf(&out->evidence, &out->n_evidence, "%s", res->reason);
		return build(out, LKM_DIAG_INIT_FAILED, res->err, &v);
	}
}

int lkm_explain_predict(const struct lkm_explain_ctx *ctx, const struct lkm_engine *engine,
			const char *target, const char *const *params, size_t n_params,
			struct lkm_diagnosis **out)
{
	struct lkm_engine dry = *engine;
	struct lkm_result plan;
	struct lkm_diagnosis *v = NULL, d;
	struct lkm_modfile *mf = NULL;
	size_t n = 0;
	int err;

	*out = NULL;
	/* A dry run finds the engine's own refusals; privilege is not what is asked here. */
	dry.privileged = true;
	err = lkm_engine_load(&dry, target, params, n_params, LKM_DRY_RUN, &plan);
	if (err == -ENOMEM)
		goto fail;
	v = calloc(4, sizeof(*v));
	if (v == NULL)
		goto fail;
	if (plan.refusal != LKM_REFUSE_NONE && plan.refusal != LKM_REFUSE_ALREADY_LOADED) {
		if (lkm_explain_result(ctx, &plan, &v[n]) < 0)
			goto fail;
		n++;
		/* A file that opened is still worth reading: it may not be a module at all. */
		if (plan.refusal != LKM_REFUSE_UNKNOWN_PARAM && plan.refusal != LKM_REFUSE_INVALID_PARAM)
			goto done;
	} else if (plan.refusal == LKM_REFUSE_ALREADY_LOADED) {
		if (lkm_explain_result(ctx, &plan, &v[n]) < 0)
			goto fail;
		n++;
	}
	if (plan.path && lkm_modfile_open(plan.path, &mf, NULL) == 0) {
		memset(&d, 0, sizeof(d));
		err = analyse_file(ctx, mf, plan.path, plan.module ? plan.module : target, NULL, &d, 0);
		if (err < 0)
			goto fail;
		if (err > 0)
			v[n++] = d;
		else
			lkm_diagnosis_release(&d); /* side-by-side lines of a difference that is fine */
		if (err == 0 && lkm_modfile_is_module(mf)) {
			err = analyse_symbols(ctx, mf, plan.module ? plan.module : target, NULL, 0, &plan,
					      &d, 0);
			if (err < 0)
				goto fail;
			if (err > 0)
				v[n++] = d;
		}
	}
done:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	*out = v;
	return (int)n;
fail:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	lkm_diagnoses_free(v, n);
	return -ENOMEM;
}
