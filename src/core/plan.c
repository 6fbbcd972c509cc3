// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libkmod.h>

#include "core/plan.h"

/* What one kmod_module_probe_insert_module call reports, gathered by print_action. */
struct collect {
	struct lkm_resolver *resolver;
	struct lkm_plan *plan;
	size_t match;
	struct kmod_module *target;
	struct kmod_list *required; /* the target's modules.dep line */
	bool target_seen;
	int err;
};

/*
 * libkmod's print_action carries no user data, so the collector of the call in progress
 * is reached through this pointer: set only for the length of one call, and per thread,
 * so two resolvers on two threads never see each other's.
 */
static _Thread_local struct collect *collecting;

void lkm_plan_release(struct lkm_plan *plan)
{
	if (plan == NULL)
		return;
	for (size_t i = 0; i < plan->n_items; i++) {
		free(plan->items[i].name);
		free(plan->items[i].path);
		free(plan->items[i].options);
		free(plan->items[i].command);
	}
	for (size_t i = 0; i < plan->n_matches; i++) {
		free(plan->matches[i].name);
		free(plan->matches[i].path);
	}
	free(plan->items);
	free(plan->matches);
	memset(plan, 0, sizeof(*plan));
}

static char *dup_or_null(const char *s, bool *oom)
{
	char *d;

	if (s == NULL)
		return NULL;
	d = strdup(s);
	if (d == NULL)
		*oom = true;
	return d;
}

static bool in_list(struct kmod_list *list, const char *name)
{
	struct kmod_list *l;

	kmod_list_foreach(l, list)
	{
		struct kmod_module *m = kmod_module_get_module(l);
		bool same = strcmp(kmod_module_get_name(m), name) == 0;

		kmod_module_unref(m);
		if (same)
			return true;
	}
	return false;
}

static int add_item(struct collect *c, struct kmod_module *m, bool install,
		    const char *options)
{
	struct lkm_plan *p = c->plan;
	const char *name = kmod_module_get_name(m);
	struct lkm_plan_item *v, *it;
	bool oom = false;
	int builtin = 0;

	if (m == c->target)
		c->target_seen = true;
	/* A module two matches share is loaded once: the second insert would find it
	 * there. */
	for (size_t i = 0; i < p->n_items; i++)
		if (strcmp(p->items[i].name, name) == 0)
			return 0;
	if (kmod_module_get_path(m) == NULL) {
		builtin = lkm_resolve_is_builtin(c->resolver, name);
		if (builtin < 0)
			return builtin;
	}
	v = realloc(p->items, (p->n_items + 1) * sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	p->items = v;
	it = &v[p->n_items];
	memset(it, 0, sizeof(*it));
	it->name = dup_or_null(name, &oom);
	it->path = dup_or_null(kmod_module_get_path(m), &oom);
	it->options = dup_or_null(options, &oom);
	/* libkmod leaves a blank after modprobe.d's options; the kernel skips it, people
	 * reading the plan should not have to. */
	if (it->options)
		for (size_t n = strlen(it->options); n > 0 && it->options[n - 1] == ' ';
		     n--)
			it->options[n - 1] = '\0';
	it->command =
		install ? dup_or_null(kmod_module_get_install_commands(m), &oom) : NULL;
	it->builtin = builtin == 1;
	it->match = c->match;
	if (m == c->target)
		it->role = LKM_PLAN_TARGET;
	else if (in_list(c->required, name))
		it->role = LKM_PLAN_DEPENDENCY;
	else
		it->role = c->target_seen ? LKM_PLAN_SOFTDEP_POST : LKM_PLAN_SOFTDEP_PRE;
	p->n_items++;
	return oom ? -ENOMEM : 0;
}

static void print_action(struct kmod_module *m, bool install, const char *options)
{
	struct collect *c = collecting;

	if (c == NULL || c->err < 0)
		return;
	c->err = add_item(c, m, install, options);
}

static int add_match(struct lkm_resolver *r, struct lkm_plan *p, struct kmod_module *mod)
{
	struct lkm_plan_match *v = realloc(p->matches, (p->n_matches + 1) * sizeof(*v));
	const char *name = kmod_module_get_name(mod);
	bool oom = false;
	int builtin = 0;

	if (v == NULL)
		return -ENOMEM;
	p->matches = v;
	memset(&v[p->n_matches], 0, sizeof(*v));
	if (kmod_module_get_path(mod) == NULL) {
		builtin = lkm_resolve_is_builtin(r, name);
		if (builtin < 0)
			return builtin;
	}
	v[p->n_matches].name = dup_or_null(name, &oom);
	v[p->n_matches].path = dup_or_null(kmod_module_get_path(mod), &oom);
	v[p->n_matches].builtin = builtin == 1;
	p->n_matches++;
	return oom ? -ENOMEM : 0;
}

int lkm_plan_load(struct lkm_resolver *r, const char *text, const char *extra_options,
		  struct lkm_plan *out)
{
	/* modprobe's own flags for --show-depends: the blacklist for aliases only, and
	 * nothing asked of the host's /sys (IGNORE_LOADED). */
	const unsigned flags = KMOD_PROBE_DRY_RUN | KMOD_PROBE_IGNORE_LOADED |
			       KMOD_PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
	struct kmod_list *list = NULL, *l;
	int err;

	memset(out, 0, sizeof(*out));
	if (text == NULL || *text == '\0')
		return -EINVAL;
	err = kmod_module_new_from_lookup(lkm_resolver_kmod(r), text, &list);
	if (err < 0)
		return err;
	if (list == NULL)
		return -ENOENT;
	kmod_list_foreach(l, list)
	{
		struct kmod_module *mod = kmod_module_get_module(l);
		struct collect c = {
			.resolver = r, .plan = out, .match = out->n_matches, .target = mod
		};

		err = add_match(r, out, mod);
		if (err == 0) {
			c.required = kmod_module_get_dependencies(mod);
			collecting = &c;
			err = kmod_module_probe_insert_module(mod, flags, extra_options,
							      NULL, NULL, print_action);
			collecting = NULL;
			kmod_module_unref_list(c.required);
			/* A positive answer is a flag: the only one these flags give is
			 * the alias blacklist. */
			if (err > 0) {
				out->matches[c.match].skipped =
					err == KMOD_PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
				err = 0;
			}
			if (err == 0)
				err = c.err;
		}
		kmod_module_unref(mod);
		if (err < 0)
			break;
	}
	kmod_module_unref_list(list);
	if (err < 0)
		lkm_plan_release(out);
	return err < 0 ? err : 0;
}
