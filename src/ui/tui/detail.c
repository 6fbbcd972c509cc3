// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain.h"
#include "core/loadedfor.h"
#include "core/modfile.h"
#include "core/owns.h"
#include "core/params.h"
#include "core/text.h"
#include "i18n.h"
#include "shared/strv.h"
#include "model/sysmodule.h"
#include "ui/tui/detail.h"
#include "ui/tui/scroll.h"
#include "shared/array.h"

#define LABEL_W (LKM_DETAIL_VALUE_COL - 1) /* "  state      Live": the label column */

static void param_info_free(struct lkm_param_info *p)
{
	free(p->name);
	free(p->type);
	free(p->desc);
	free(p->value);
}

void lkm_param_infos_free(struct lkm_param_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		param_info_free(&v[i]);
	free(v);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int lkm_param_infos(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		    const char *module, struct lkm_param_info **out)
{
	struct lkm_modlist found = { 0 };
	struct lkm_modfile *mf = NULL;
	const struct lkm_modfile_param *decl = NULL;
	struct lkm_sysmodule sm;
	struct lkm_param_info *v;
	size_t n_decl = 0, n = 0;

	*out = NULL;
	if (lkm_sysmodule_read(root, module, &sm) < 0)
		return -ENOMEM;
	if (resolver && lkm_resolve_lookup(resolver, module, &found) == 0 && found.n &&
	    found.v[0].path && lkm_modfile_open(found.v[0].path, &mf, NULL) == 0)
		n_decl = lkm_modfile_params(mf, &decl);
	v = calloc(n_decl + sm.n_params + 1, sizeof(*v));
	if (v == NULL)
		goto oom;
	for (size_t i = 0; i < n_decl; i++) {
		const struct lkm_sysparam *p = lkm_sysmodule_param(&sm, decl[i].name);

		v[n].name = strdup(decl[i].name);
		v[n].type = dup_or_null(decl[i].type);
		v[n].desc = dup_or_null(decl[i].description);
		v[n].value = dup_or_null(p ? p->value : NULL);
		v[n].writable = p ? p->writable : -1;
		if (v[n++].name == NULL)
			goto oom;
	}
	for (size_t i = 0; i < sm.n_params; i++) {
		bool seen = false;

		for (size_t k = 0; k < n_decl && !seen; k++)
			seen = lkm_param_name_eq(decl[k].name, sm.params[i].name);
		if (seen)
			continue;
		v[n].name = strdup(sm.params[i].name);
		v[n].value = dup_or_null(sm.params[i].value);
		v[n].writable = sm.params[i].writable;
		if (v[n++].name == NULL)
			goto oom;
	}
	lkm_modfile_free(mf);
	lkm_modlist_release(&found);
	lkm_sysmodule_release(&sm);
	*out = v;
	return (int)n;
oom:
	lkm_param_infos_free(v, n);
	lkm_modfile_free(mf);
	lkm_modlist_release(&found);
	lkm_sysmodule_release(&sm);
	return -ENOMEM;
}

static int add(struct lkm_detail *d, enum lkm_detail_kind kind, const char *ref,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int add(struct lkm_detail *d, enum lkm_detail_kind kind, const char *ref,
	       const char *fmt, ...)
{
	struct lkm_detail_line *l;
	va_list ap;
	int rc;

	if (lkm_array_room(d->v, d->n, d->cap) < 0)
		return -ENOMEM;
	l = &d->v[d->n];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	va_start(ap, fmt);
	rc = vasprintf(&l->text, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -ENOMEM;
	if (ref && (l->ref = strdup(ref)) == NULL) {
		free(l->text);
		return -ENOMEM;
	}
	d->n++;
	return 0;
}

/* TEXT wrapped at WIDTH, every line indented by INDENT. */
static int add_wrapped(struct lkm_detail *d, int indent, const char *text, int width)
{
	int room = width - indent - 1;
	const char *p = text;

	if (room < 20)
		room = 20;
	while (*p) {
		const char *line = p;
		int cut = (int)lkm_text_wrap(line, (size_t)room, &p);

		if (add(d, LKM_DL_TEXT, NULL, "%*s%.*s", indent, "", cut, line) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* A term line ("  state      Live") and the explainer's sentence under it. */
static int add_term(struct lkm_detail *d, const char *label, const char *value,
		    const char *key, int width)
{
	const char *t = lkm_explain_term(key);

	if (add(d, LKM_DL_TERM, key, "  %-*s %s", LABEL_W - 2, label, value) < 0 ||
	    (d->v[d->n - 1].value = strdup(value)) == NULL)
		return -ENOMEM;
	return t ? add_wrapped(d, LABEL_W + 3, t, width) : 0;
}

/* Whether KEY is a taint's ("taint-O"): only the first of them is labelled. */
static bool is_taint(const char *key)
{
	return key && strncmp(key, "taint-", 6) == 0;
}

static int build_state(struct lkm_detail *d, const struct lkm_module *m, int width)
{
	struct lkm_term t[LKM_TEXT_MAX_TERMS];
	size_t n = lkm_text_module_terms(m, ", ", t, LKM_TEXT_MAX_TERMS);

	for (size_t i = 0; i < n; i++) {
		bool more_taints = i > 0 && is_taint(t[i].key) && is_taint(t[i - 1].key);

		/* The users are the Holders section. */
		if (strcmp(t[i].key, "used-by") == 0)
			continue;
		if (add_term(d, more_taints ? "" : t[i].field, t[i].value, t[i].key,
			     width) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int build_params(struct lkm_detail *d, const struct lkm_sysroot *root,
			struct lkm_resolver *resolver, const char *module, int width)
{
	struct lkm_param_info *p;
	int n = lkm_param_infos(root, resolver, module, &p);
	int nw = 4, vw = 5, rc = 0;

	if (n < 0)
		return -ENOMEM;
	if (add(d, LKM_DL_SECTION, NULL,
		ngettext("Parameter (%d)", "Parameters (%d)", (unsigned long)n), n) < 0)
		goto oom;
	if (n == 0) {
		rc = add(d, LKM_DL_TEXT, NULL, "  %s",
			 _("none that the file or /sys shows"));
		lkm_param_infos_free(p, 0);
		return rc;
	}
	for (int i = 0; i < n; i++) {
		int l = (int)strlen(p[i].name),
		    lv = p[i].value ? (int)strlen(p[i].value) : 1;

		nw = l > nw ? l : nw;
		vw = lv > vw ? lv : vw;
	}
	nw = nw > 24 ? 24 : nw;
	vw = vw > 16 ? 16 : vw;
	if (add(d, LKM_DL_TEXT, NULL, "  %-*s %-*s %-10s %s", nw, _("NAME"), vw,
		_("VALUE"), _("ACCESS"), _("TYPE, DESCRIPTION")) < 0)
		goto oom;
	for (int i = 0; i < n; i++) {
		const char *access = p[i].writable > 0	  ? _("writable")
				     : p[i].writable == 0 ? _("read-only")
							  : _("not in /sys");

		if (add(d, LKM_DL_PARAM, p[i].name, "  %-*s %-*s %-10s %s%s%s", nw,
			p[i].name, vw,
			p[i].value ? (p[i].value[0] ? p[i].value : "\"\"") : "-", access,
			p[i].type ? p[i].type : "", p[i].type && p[i].desc ? ", " : "",
			p[i].desc ? p[i].desc : "") < 0)
			goto oom;
		d->v[d->n - 1].writable = p[i].writable > 0;
		d->v[d->n - 1].in_sys = p[i].writable >= 0;
	}
	(void)width;
	lkm_param_infos_free(p, (size_t)n);
	return 0;
oom:
	lkm_param_infos_free(p, (size_t)n);
	return -ENOMEM;
}

static int build_neighbours(struct lkm_detail *d, const struct lkm_owns *o)
{
	if (add(d, LKM_DL_SECTION, NULL, _("Holders (%zu): the modules using it"),
		o->n_holders) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < o->n_holders; i++)
		if (add(d, LKM_DL_MODULE, o->holders[i], "  %s", o->holders[i]) < 0)
			return -ENOMEM;
	if (o->n_holders == 0 && add(d, LKM_DL_TEXT, NULL, "  %s", _("none")) < 0)
		return -ENOMEM;
	if (add(d, LKM_DL_SECTION, NULL, _("Uses (%zu): the modules it needs"),
		o->n_uses) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < o->n_uses; i++)
		if (add(d, LKM_DL_MODULE, o->uses[i], "  %s", o->uses[i]) < 0)
			return -ENOMEM;
	if (o->n_uses == 0 && add(d, LKM_DL_TEXT, NULL, "  %s", _("none")) < 0)
		return -ENOMEM;
	return 0;
}

static int build_drives(struct lkm_detail *d, const struct lkm_owns *o,
			const struct lkm_snapshot *snap)
{
	if (add(d, LKM_DL_SECTION, NULL, "%s", _("Drives")) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < o->n_interfaces; i++)
		if (add(d, LKM_DL_IFACE, o->interfaces[i], "  %-8s %s", _("network"),
			o->interfaces[i]) < 0)
			return -ENOMEM;
	for (size_t i = 0; i < o->n_irqs; i++) {
		const struct lkm_irq *irq =
			snap ? lkm_interrupts_find(&snap->interrupts, o->irqs[i]) : NULL;

		if (add(d, LKM_DL_IRQ, o->irqs[i], "  %-8s %-4s %s", _("irq"), o->irqs[i],
			irq ? irq->description : "") < 0)
			return -ENOMEM;
	}
	for (size_t i = 0; i < o->n_devices; i++) {
		char ref[32];

		snprintf(ref, sizeof(ref), "%c:%u", o->devices[i].kind,
			 o->devices[i].major);
		if (add(d, LKM_DL_DEVICE, ref, "  %-8s %u:%u %s",
			o->devices[i].kind == 'c' ? _("char") : _("block"),
			o->devices[i].major, o->devices[i].minor, o->devices[i].name) < 0)
			return -ENOMEM;
	}
	if (!lkm_owns_drives_anything(o) &&
	    add(d, LKM_DL_TEXT, NULL, "  %s",
		_("no interface, device or interrupt line that /sys ties to it")) < 0)
		return -ENOMEM;
	return 0;
}

/* Why it is loaded (core/loadedfor.c), one reason a line. */
static int build_loaded_for(struct lkm_detail *d, const struct lkm_sysroot *root,
			    struct lkm_resolver *resolver,
			    const struct lkm_snapshot *snap)
{
	struct lkm_loaded_for lf;
	char **lines = NULL;
	size_t n = 0;
	int rc = lkm_loaded_for_query(root, resolver, snap, d->module, &lf);

	if (rc == 0)
		rc = lkm_loaded_for_text(&lf, &lines, &n);
	if (rc == 0)
		rc = add(d, LKM_DL_SECTION, NULL, "%s", _("Loaded for"));
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = add(d, LKM_DL_TEXT, NULL, "  %s", lines[i]);
	lkm_strv_free(lines, n);
	lkm_loaded_for_release(&lf);
	return rc;
}

static void clear_lines(struct lkm_detail *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].text);
		free(d->v[i].ref);
		free(d->v[i].value);
	}
	d->n = 0;
}

int lkm_detail_build(struct lkm_detail *d, const struct lkm_sysroot *root,
		     struct lkm_resolver *resolver, const struct lkm_snapshot *snap,
		     const char *module, int width, const char *note)
{
	const struct lkm_module *m =
		snap ? lkm_modules_find(&snap->modules, module) : NULL;
	struct lkm_detail_line old = { 0 };
	struct lkm_owns owns;
	bool same = strcmp(d->module, module) == 0;
	char name[sizeof(d->module)];
	int rc;

	snprintf(name, sizeof(name), "%s",
		 m ? m->name : module); /* MODULE may be d->module */

	if (same && d->cursor < d->n) {
		old.kind = d->v[d->cursor].kind;
		old.ref = d->v[d->cursor].ref ? strdup(d->v[d->cursor].ref) : NULL;
	}
	clear_lines(d);
	memcpy(d->module, name, sizeof(d->module));
	d->loaded = m != NULL;
	if (m)
		snprintf(d->title, sizeof(d->title), _("%s: %llu bytes, at %s"),
			 d->module, (unsigned long long)m->size,
			 m->address ? m->address : "-");
	else
		snprintf(d->title, sizeof(d->title), _("%s: not loaded"), d->module);
	rc = lkm_owns_query(root, snap, d->module, &owns);
	if (rc == 0 && m)
		rc = build_state(d, m, width);
	if (rc == 0 && !m)
		rc = add(d, LKM_DL_TEXT, NULL, "  %s",
			 _("not in /proc/modules (l loads it)"));
	if (rc == 0)
		rc = add(d, LKM_DL_TEXT, NULL, "%s", "");
	if (rc == 0)
		rc = build_params(d, root, resolver, d->module, width);
	if (rc == 0)
		rc = add(d, LKM_DL_TEXT, NULL, "%s", "");
	if (rc == 0)
		rc = build_neighbours(d, &owns);
	if (rc == 0)
		rc = add(d, LKM_DL_TEXT, NULL, "%s", "");
	if (rc == 0)
		rc = build_drives(d, &owns, snap);
	if (rc == 0 && m)
		rc = add(d, LKM_DL_TEXT, NULL, "%s", "");
	if (rc == 0 && m)
		rc = build_loaded_for(d, root, resolver, snap);
	if (rc == 0 && note && note[0]) {
		rc = add(d, LKM_DL_TEXT, NULL, "%s", "");
		if (rc == 0)
			rc = add_wrapped(d, 0, note, width);
	}
	lkm_owns_release(&owns);
	if (!same) {
		d->cursor = 0;
		d->top = 0;
	}
	if (!(old.ref && lkm_detail_select(d, old.kind, old.ref))) {
		if (d->cursor >= d->n)
			d->cursor = d->n ? d->n - 1 : 0;
		lkm_detail_move(d, 0);
	}
	free(old.ref);
	return rc;
}

void lkm_detail_release(struct lkm_detail *d)
{
	clear_lines(d);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

bool lkm_detail_selectable(const struct lkm_detail *d, size_t i)
{
	return i < d->n && d->v[i].ref != NULL;
}

const struct lkm_detail_line *lkm_detail_current(const struct lkm_detail *d)
{
	return lkm_detail_selectable(d, d->cursor) ? &d->v[d->cursor] : NULL;
}

static void scroll(struct lkm_detail *d)
{
	struct lkm_tui_scroll w = { d->top, d->n, d->height };

	lkm_tui_scroll_show(&w, d->cursor);
	d->top = w.top;
	/* A section's heading stays in sight above its first selectable line. */
	if (d->top > 0 && d->top == d->cursor && !lkm_detail_selectable(d, d->top - 1))
		d->top--;
}

void lkm_detail_move(struct lkm_detail *d, long delta)
{
	size_t c = d->cursor;
	long step = delta < 0 ? -1 : 1;
	long left = delta < 0 ? -delta : delta;

	if (d->n == 0)
		return;
	if (!lkm_detail_selectable(d, c)) {
		/* Onto the nearest selectable line: forward first, then back. */
		size_t i = c;

		while (i < d->n && !lkm_detail_selectable(d, i))
			i++;
		if (i == d->n) {
			i = c < d->n ? c : d->n - 1;
			while (i > 0 && !lkm_detail_selectable(d, i))
				i--;
		}
		c = i;
	}
	while (left > 0) {
		size_t i = c;

		do {
			if ((step < 0 && i == 0) || (step > 0 && i + 1 >= d->n)) {
				i = (size_t)-1;
				break;
			}
			i += (size_t)step;
		} while (!lkm_detail_selectable(d, i));
		if (i == (size_t)-1)
			break;
		c = i;
		left--;
	}
	d->cursor = c;
	if (!lkm_detail_selectable(d, c) && delta != 0) {
		/* Nothing to select: the keys scroll instead. */
		long top = (long)d->top + delta;

		d->top = top < 0 ? 0 : (size_t)top;
		d->cursor = d->top;
	}
	scroll(d);
}

void lkm_detail_set_height(struct lkm_detail *d, size_t height)
{
	d->height = height;
	scroll(d);
}

bool lkm_detail_select(struct lkm_detail *d, enum lkm_detail_kind kind, const char *ref)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == kind && d->v[i].ref &&
		    strcmp(d->v[i].ref, ref) == 0) {
			d->cursor = i;
			scroll(d);
			return true;
		}
	return false;
}
