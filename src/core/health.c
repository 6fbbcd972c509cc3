// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/health.h"
#include "core/modfile.h"
#include "core/params.h"
#include "core/resolve.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/sysmodule.h"
#include "shared/strv.h"

void lkm_health_release(struct lkm_health *h)
{
	lkm_modules_release(&h->mods);
	for (size_t i = 0; i < h->n_params; i++) {
		free(h->params[i].module);
		free(h->params[i].param);
		free(h->params[i].wanted);
		free(h->params[i].running);
	}
	free(h->params);
	lkm_strv_free(h->blocked, h->n_blocked);
	memset(h, 0, sizeof(*h));
}

static void read_taint(const struct lkm_sysroot *root, struct lkm_health *h)
{
	struct lkm_buf buf = { 0 };
	char *end;

	if (lkm_procfile_read(root, "/proc/sys/kernel/tainted", &buf) == 0) {
		errno = 0;
		h->taint = strtoull(buf.data, &end, 10);
		h->has_taint =
			errno == 0 && end != buf.data && (*end == '\n' || *end == '\0');
	}
	lkm_buf_release(&buf);
}

static bool is_module_file(const char *path)
{
	return lkm_module_suffix_len(path, strlen(path), 0) != 0;
}

static bool later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/* Whether a module file under MODDIR is newer than WHEN. */
static bool newer_module(const char *moddir, const struct timespec *when)
{
	char *const paths[] = { (char *)moddir, NULL };
	FTS *fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
	FTSENT *e;
	bool found = false;

	if (fts == NULL)
		return false;
	while (!found && (e = fts_read(fts)) != NULL)
		found = e->fts_info == FTS_F && is_module_file(e->fts_path) &&
			later(&e->fts_statp->st_mtim, when);
	fts_close(fts);
	return found;
}

/* Whether the tree is there and depmod's index is at least as new as every module file:
 * what `depmod -A` checks before it skips its work. */
static void check_tree(const char *moddir, struct lkm_health *h)
{
	char path[4096];
	struct stat st, dep;

	h->tree_present = stat(moddir, &st) == 0 && S_ISDIR(st.st_mode);
	if (!h->tree_present)
		return;
	snprintf(path, sizeof(path), "%s/modules.dep.bin", moddir);
	h->index_present = stat(path, &dep) == 0;
	if (!h->index_present)
		return;
	h->index_stale = newer_module(moddir, &dep.st_mtim);
}

static bool blocks_loading(const char *install)
{
	static const char *const commands[] = { "/bin/true",	 "/bin/false",
						"/usr/bin/true", "/usr/bin/false",
						"true",		 "false" };
	size_t len = strspn(install, " \t");

	install += len;
	len = strcspn(install, " \t;");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strlen(commands[i]) == len &&
		    strncmp(install, commands[i], len) == 0 &&
		    install[len + strspn(install + len, " \t")] == '\0')
			return true;
	return false;
}

static int add_param(struct lkm_health *h, const char *module, const char *param,
		     const char *wanted, const char *running, bool differs)
{
	struct lkm_health_param *v = realloc(h->params, (h->n_params + 1) * sizeof(*v));
	struct lkm_health_param *p;

	if (v == NULL)
		return -ENOMEM;
	h->params = v;
	p = &v[h->n_params++];
	p->module = strdup(module);
	p->param = strdup(param);
	p->wanted = wanted ? strdup(wanted) : NULL;
	p->running = running ? strdup(running) : NULL;
	p->differs = differs;
	if (p->module == NULL || p->param == NULL || (wanted && p->wanted == NULL) ||
	    (running && p->running == NULL))
		return -ENOMEM;
	return 0;
}

/* What modprobe.d says of one loaded module: its options against /sys, and a block. */
static int check_module(const struct lkm_sysroot *root, struct lkm_resolver *r,
			const char *name, struct lkm_health *h)
{
	struct lkm_modconf conf = { 0 };
	struct lkm_sysmodule sm = { 0 };
	struct lkm_modfile *mf = NULL;
	struct lkm_modlist found = { 0 };
	const char *pos;
	char word[4096];
	int err = 0;

	if (lkm_resolve_modconf(r, name, &conf) < 0)
		return 0;
	if (conf.blacklisted || (conf.install && blocks_loading(conf.install)))
		if (!lkm_strv_addf(&h->blocked, &h->n_blocked, "%s", name))
			err = -ENOMEM;
	if (err == 0 && conf.options != NULL) {
		err = lkm_sysmodule_read(root, name, &sm);
		if (err == 0 && lkm_resolve_lookup(r, name, &found) == 0 && found.n &&
		    found.v[0].path)
			lkm_modfile_open(found.v[0].path, &mf, NULL);
		for (pos = conf.options;
		     err == 0 && lkm_param_next(&pos, word, sizeof(word));) {
			char *eq = strchr(word, '=');
			const struct lkm_sysparam *p;
			const char *wanted = eq ? eq + 1 : NULL;

			if (eq)
				*eq = '\0';
			p = lkm_sysmodule_param(&sm, word);
			err = add_param(h, name, word, wanted, p ? p->value : NULL,
					p && p->value &&
						!lkm_param_value_eq(
							lkm_modfile_param_type(mf, word),
							p->value, wanted));
		}
	}
	lkm_modfile_free(mf);
	lkm_modlist_release(&found);
	lkm_sysmodule_release(&sm);
	lkm_modconf_release(&conf);
	return err;
}

static int param_cmp(const void *a, const void *b)
{
	const struct lkm_health_param *x = a, *y = b;
	int c = strcmp(x->module, y->module);

	return c ? c : strcmp(x->param, y->param);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lkm_health_gather(const struct lkm_sysroot *root, struct lkm_health *out)
{
	struct lkm_resolver *r = NULL;
	int err = 0;

	memset(out, 0, sizeof(*out));
	out->modules_err = lkm_modules_read(&out->mods, root);
	if (out->modules_err == -ENOMEM)
		return -ENOMEM;
	read_taint(root, out);
	if (lkm_resolve_release(root, out->release, sizeof(out->release)) < 0)
		out->release[0] = '\0';
	if (out->release[0] && lkm_resolver_new(root, out->release, &r) == 0) {
		check_tree(lkm_resolver_moddir(r), out);
		for (size_t i = 0; err == 0 && out->modules_err == 0 && i < out->mods.n;
		     i++)
			err = check_module(root, r, out->mods.v[i].name, out);
	}
	lkm_resolver_free(r);
	if (out->n_params > 1)
		qsort(out->params, out->n_params, sizeof(*out->params), param_cmp);
	if (out->n_blocked > 1)
		qsort(out->blocked, out->n_blocked, sizeof(*out->blocked), str_cmp);
	return err;
}

char lkm_taint_letter(unsigned bit)
{
	static const char letters[] = "PFSRMBUDAWCIOELKXTNJ";

	return bit < sizeof(letters) - 1 ? letters[bit] : 0;
}
