// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <libkmod.h>

#include "core/cmdrule.h"
#include "core/conffiles.h"
#include "core/resolve.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "shared/strv.h"

/* A vector of owned strings and its count (shared/strv.h). */
struct strv {
	char **v;
	size_t n;
};

struct lkm_resolver {
	const struct lkm_sysroot *root;
	struct kmod_ctx *kctx;
	char *release;
	char *moddir;
	int moddep;
	/* Read once, on first use; sorted and unique. */
	int have_names;
	struct strv dep_names;
	struct strv builtin_names;
	int have_blacklist;
	struct strv blacklist;
	char *config_log; /* libkmod's complaints on modprobe.d, when kept */
};

/* ---- small helpers ---- */

static void strv_release(struct strv *s)
{
	lkm_strv_free(s->v, s->n);
	memset(s, 0, sizeof(*s));
}

/* Hands S to the caller as a NULL-terminated vector (empty, not NULL, for nothing). */
static int strv_finish(struct strv *s, char ***out)
{
	int err = lkm_strv_ensure(&s->v);

	if (err < 0)
		return err;
	*out = s->v;
	return (int)s->n;
}

/* The module name as the kernel spells it, into BUF ('-' -> '_'). */
static int normalize(const char *name, char *buf, size_t size)
{
	size_t len = strlen(name);

	if (len == 0)
		return -EINVAL;
	if (len >= size)
		return -ENAMETOOLONG;
	memcpy(buf, name, len + 1);
	lkm_module_name_normalize(buf);
	return 0;
}

/* "kernel/fs/fat/fat.ko.xz" -> "fat" (normalized), pushed onto S. */
static int push_modname_of_path(struct strv *s, const char *path, size_t len)
{
	const char *base = path, *end = path + len;
	char name[NAME_MAX + 1];
	size_t n;

	for (const char *p = path; p < end; p++)
		if (*p == '/')
			base = p + 1;
	n = (size_t)(end - base);
	n -= lkm_module_suffix_len(base, n, 0);
	if (n == 0 || n > NAME_MAX)
		return 0;
	memcpy(name, base, n);
	name[n] = '\0';
	lkm_module_name_normalize(name);
	return lkm_strv_addn(&s->v, &s->n, name, n);
}

/*
 * Module names from a depmod text file whose lines start with a module path: modules.dep
 * ("path: deps") and modules.builtin ("path"). A missing file is no names.
 */
static int read_names(struct lkm_resolver *r, const char *file, struct strv *s)
{
	char path[PATH_MAX];
	struct lkm_buf buf = { 0 };
	int err;

	if (snprintf(path, sizeof(path), "/lib/modules/%s/%s", r->release, file) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	err = lkm_procfile_read(r->root, path, &buf);
	if (err == -ENOENT)
		return 0;
	if (err < 0)
		return err;
	for (char *line = buf.data; line < buf.data + buf.len;) {
		char *nl = memchr(line, '\n', (size_t)(buf.data + buf.len - line));
		char *end = nl ? nl : buf.data + buf.len;
		size_t len = strcspn(line, ": \t\n");

		if (len > (size_t)(end - line))
			len = (size_t)(end - line);
		if (len > 0 && line[0] != '#') {
			err = push_modname_of_path(s, line, len);
			if (err < 0)
				break;
		}
		line = end + 1;
	}
	lkm_buf_release(&buf);
	lkm_strv_sort_unique(s->v, &s->n);
	return err < 0 ? err : 0;
}

static int load_names(struct lkm_resolver *r)
{
	int err;

	if (r->have_names)
		return 0;
	err = read_names(r, "modules.dep", &r->dep_names);
	if (err == 0)
		err = read_names(r, "modules.builtin", &r->builtin_names);
	if (err < 0) {
		strv_release(&r->dep_names);
		strv_release(&r->builtin_names);
		return err;
	}
	r->have_names = 1;
	return 0;
}

static int load_blacklist(struct lkm_resolver *r)
{
	struct kmod_config_iter *it;
	int err = 0;

	if (r->have_blacklist)
		return 0;
	it = kmod_config_get_blacklists(r->kctx);
	if (it == NULL)
		return -ENOMEM;
	while (kmod_config_iter_next(it)) {
		const char *key = kmod_config_iter_get_key(it);

		err = lkm_strv_addn(&r->blacklist.v, &r->blacklist.n, key, strlen(key));
		if (err < 0)
			break;
	}
	kmod_config_iter_free_iter(it);
	if (err < 0) {
		strv_release(&r->blacklist);
		return err;
	}
	lkm_strv_sort_unique(r->blacklist.v, &r->blacklist.n);
	r->have_blacklist = 1;
	return 0;
}

/* ---- the release and the context ---- */

static int copy_out(char *buf, size_t size, const char *s, size_t len)
{
	if (len >= size)
		return -ENAMETOOLONG;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return 0;
}

int lkm_resolve_release(const struct lkm_sysroot *root, char *buf, size_t size)
{
	struct lkm_buf file = { 0 };
	int err, found = 0;
	DIR *dir;
	struct dirent *e;

	if (lkm_sysroot_is_live(root)) {
		struct utsname u;

		if (uname(&u) < 0)
			return -errno;
		return copy_out(buf, size, u.release, strlen(u.release));
	}

	err = lkm_procfile_read(root, "/proc/sys/kernel/osrelease", &file);
	if (err == 0) {
		size_t len = strcspn(file.data, " \t\r\n");

		if (len > 0) {
			err = copy_out(buf, size, file.data, len);
			lkm_buf_release(&file);
			return err;
		}
	}
	lkm_buf_release(&file);
	if (err < 0 && err != -ENOENT)
		return err;

	err = lkm_sysroot_opendir(root, "/lib/modules", &dir);
	if (err < 0)
		return err;
	err = 0;
	while ((e = readdir(dir)) != NULL) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(dir), e->d_name, &st, 0) < 0 || !S_ISDIR(st.st_mode))
			continue;
		if (found++ == 0)
			err = copy_out(buf, size, e->d_name, strlen(e->d_name));
	}
	closedir(dir);
	if (err < 0)
		return err;
	if (found == 0)
		return -ENOENT;
	return found == 1 ? 0 : -ENOTUNIQ;
}

/* libkmod logs to stderr by default, which would draw over the TUI; its failures reach us
 * as return values anyway. */
static void kmod_log_discard(void *data, int priority, const char *file, int line,
			     const char *fn, const char *format, va_list args)
{
	(void)data;
	(void)priority;
	(void)file;
	(void)line;
	(void)fn;
	(void)format;
	(void)args;
}

const char *const *lkm_resolve_conf_dirs(void)
{
	/* modprobe's, in its order of precedence. */
	static const char *const dirs[] = {
		"/etc/modprobe.d",
		"/run/modprobe.d",
		"/usr/local/lib/modprobe.d",
		"/lib/modprobe.d",
		NULL,
	};

	return dirs;
}

/* kmod_new, which reads modprobe.d and complains on stderr before a log function can be
 * set: with LOG, its stream is swapped for one in memory meanwhile (glibc's stderr is a
 * variable; kmod_new keeps its value), and what it said goes to *LOG. */
static struct kmod_ctx *kmod_new_logged(const char *dir, const char *const *conf_paths,
					char **log)
{
	struct kmod_ctx *ctx;
	FILE *saved = stderr, *mem;
	size_t len;

	if (log == NULL)
		return kmod_new(dir, conf_paths);
	*log = NULL;
	mem = open_memstream(log, &len);
	if (mem == NULL)
		return NULL;
	stderr = mem;
	ctx = kmod_new(dir, conf_paths);
	stderr = saved;
	if (ctx != NULL)
		kmod_set_log_fn(ctx, kmod_log_discard, NULL);
	if (fclose(mem) != 0 || *log == NULL) {
		free(*log);
		*log = NULL;
		kmod_unref(ctx);
		return NULL;
	}
	return ctx;
}

/*
 * libkmod opens every *.conf of modprobe.d and reads it whole: a FIFO there blocks it for
 * ever (in kmod_new, for every command), and a file of 100 MB is read to the end. When a
 * directory holds such a file, libkmod gets the files it can read instead of the
 * directories, in the order it would take them (lkm_conffiles_list): *PATHS, host paths,
 * NULL-terminated (free with lkm_strv_freev). Returns 1 then, 0 when the directories are
 * safe, or -ENOMEM.
 */
static int safe_conf_paths(const struct lkm_sysroot *root, char ***paths)
{
	struct lkm_conffiles files;
	bool hostile = false;
	size_t n = 0;
	int err = lkm_conffiles_list(root, lkm_resolve_conf_dirs(),
				     lkm_modprobe_d_suffixes(), &files);

	*paths = NULL;
	if (err < 0)
		return err;
	for (size_t i = 0; i < files.n; i++) {
		const struct lkm_conffile *f = &files.v[i];
		char host[PATH_MAX];
		struct stat st;
		bool big = f->skip == LKM_CONFFILE_READ && !f->masked &&
			   fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(f->path), &st,
				   0) == 0 &&
			   st.st_size > LKM_CONFFILE_MAX;

		hostile |= (f->skip == LKM_CONFFILE_NOT_FILE && !f->masked) || big;
		if (f->skip != LKM_CONFFILE_READ || f->masked || big ||
		    lkm_sysroot_path(root, f->path, host, sizeof(host)) < 0)
			continue;
		if (!lkm_strv_addf(paths, &n, "%s", host)) {
			err = -ENOMEM;
			break;
		}
	}
	lkm_conffiles_release(&files);
	if (err == 0 && !hostile) {
		lkm_strv_freev(*paths);
		*paths = NULL;
	}
	return err < 0 ? err : hostile;
}

static int resolver_open(const struct lkm_sysroot *root, const char *release,
			 bool keep_log, struct lkm_resolver **out)
{
	const char *const *conf_dirs = lkm_resolve_conf_dirs();
	char rel[256], dir[PATH_MAX], bin[PATH_MAX + 32];
	char conf[4][PATH_MAX];
	const char *conf_paths[5];
	char **safe = NULL;
	struct lkm_resolver *r;
	struct stat st;
	int err;

	if (release == NULL) {
		err = lkm_resolve_release(root, rel, sizeof(rel));
		if (err < 0)
			return err;
		release = rel;
	}
	if (*release == '\0' || strchr(release, '/') != NULL)
		return -EINVAL;
	if (snprintf(bin, sizeof(bin), "/lib/modules/%s", release) >= (int)sizeof(bin))
		return -ENAMETOOLONG;
	err = lkm_sysroot_path(root, bin, dir, sizeof(dir));
	if (err < 0)
		return err;
	for (size_t i = 0; i < 4; i++) {
		err = lkm_sysroot_path(root, conf_dirs[i], conf[i], sizeof(conf[i]));
		if (err < 0)
			return err;
		conf_paths[i] = conf[i];
	}
	conf_paths[4] = NULL;

	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return -ENOMEM;
	r->root = root;
	r->release = strdup(release);
	r->moddir = strdup(dir);
	if (r->release == NULL || r->moddir == NULL) {
		lkm_resolver_free(r);
		return -ENOMEM;
	}
	err = safe_conf_paths(root, &safe);
	if (err < 0) {
		lkm_resolver_free(r);
		return err;
	}
	r->kctx = kmod_new_logged(dir, safe ? (const char *const *)safe : conf_paths,
				  keep_log ? &r->config_log : NULL);
	lkm_strv_freev(safe);
	if (r->kctx == NULL) {
		lkm_resolver_free(r);
		return -ENOMEM;
	}
	kmod_set_log_fn(r->kctx, kmod_log_discard, NULL);

	snprintf(bin, sizeof(bin), "%s/modules.dep", dir);
	if (stat(bin, &st) == 0 && S_ISREG(st.st_mode))
		r->moddep |= LKM_MODDEP_TEXT;
	snprintf(bin, sizeof(bin), "%s/modules.dep.bin", dir);
	if (stat(bin, &st) == 0 && S_ISREG(st.st_mode))
		r->moddep |= LKM_MODDEP_BIN;
	/* Map the indexes once rather than per lookup; without them libkmod opens each
	 * file per lookup, which still answers correctly. */
	if (r->moddep & LKM_MODDEP_BIN)
		(void)kmod_load_resources(r->kctx);
	*out = r;
	return 0;
}

int lkm_resolver_new(const struct lkm_sysroot *root, const char *release,
		     struct lkm_resolver **out)
{
	return resolver_open(root, release, false, out);
}

int lkm_resolver_new_quiet(const struct lkm_sysroot *root, const char *release,
			   struct lkm_resolver **out)
{
	return resolver_open(root, release, true, out);
}

const char *lkm_resolver_config_log(const struct lkm_resolver *r)
{
	return r->config_log ? r->config_log : "";
}

void lkm_resolver_free(struct lkm_resolver *r)
{
	if (r == NULL)
		return;
	if (r->kctx != NULL)
		kmod_unref(r->kctx);
	strv_release(&r->dep_names);
	strv_release(&r->builtin_names);
	strv_release(&r->blacklist);
	free(r->release);
	free(r->moddir);
	free(r->config_log);
	free(r);
}

struct kmod_ctx *lkm_resolver_kmod(const struct lkm_resolver *r)
{
	return r->kctx;
}

const char *lkm_resolver_release(const struct lkm_resolver *r)
{
	return r->release;
}

const char *lkm_resolver_moddir(const struct lkm_resolver *r)
{
	return r->moddir;
}

int lkm_resolver_has_moddep(const struct lkm_resolver *r)
{
	return r->moddep;
}

/* ---- module lists ---- */

void lkm_modlist_release(struct lkm_modlist *list)
{
	if (list == NULL)
		return;
	for (size_t i = 0; i < list->n; i++) {
		free(list->v[i].name);
		free(list->v[i].path);
	}
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int modlist_has(const struct lkm_modlist *list, const char *name)
{
	for (size_t i = 0; i < list->n; i++)
		if (strcmp(list->v[i].name, name) == 0)
			return 1;
	return 0;
}

static int modlist_push(struct lkm_resolver *r, struct lkm_modlist *list,
			struct kmod_module *mod, const char *given)
{
	const char *name = kmod_module_get_name(mod);
	const char *path = kmod_module_get_path(mod);
	struct lkm_modref *v, *ref;
	char norm[PATH_MAX];
	int err;

	err = load_names(r);
	if (err == 0)
		err = load_blacklist(r);
	if (err < 0)
		return err;
	v = realloc(list->v, (list->n + 1) * sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	list->v = v;
	ref = &v[list->n];
	memset(ref, 0, sizeof(*ref));
	ref->name = strdup(name);
	ref->path = path ? strdup(path) : NULL;
	if (ref->name == NULL || (path != NULL && ref->path == NULL)) {
		free(ref->name);
		free(ref->path);
		return -ENOMEM;
	}
	ref->builtin = path == NULL &&
		       lkm_strv_sorted_has(r->builtin_names.v, r->builtin_names.n, name);
	ref->blacklisted = lkm_strv_sorted_has(r->blacklist.v, r->blacklist.n, name);
	ref->by_alias = given != NULL && (normalize(given, norm, sizeof(norm)) < 0 ||
					  strcmp(norm, name) != 0);
	list->n++;
	return 0;
}

static int modlist_from_kmod(struct lkm_resolver *r, struct kmod_list *klist,
			     const char *given, struct lkm_modlist *out)
{
	struct kmod_list *l;
	int err = 0;

	kmod_list_foreach(l, klist)
	{
		struct kmod_module *mod = kmod_module_get_module(l);

		if (!modlist_has(out, kmod_module_get_name(mod)))
			err = modlist_push(r, out, mod, given);
		kmod_module_unref(mod);
		if (err < 0)
			break;
	}
	return err;
}

int lkm_resolve_lookup(struct lkm_resolver *r, const char *text, struct lkm_modlist *out)
{
	struct kmod_list *klist = NULL;
	int err;

	memset(out, 0, sizeof(*out));
	if (text == NULL || *text == '\0')
		return -EINVAL;
	err = kmod_module_new_from_lookup(r->kctx, text, &klist);
	if (err < 0)
		return err;
	if (klist == NULL)
		return -ENOENT;
	err = modlist_from_kmod(r, klist, text, out);
	kmod_module_unref_list(klist);
	if (err < 0)
		lkm_modlist_release(out);
	return err;
}

int lkm_resolve_is_builtin(struct lkm_resolver *r, const char *name)
{
	char norm[PATH_MAX];
	int err = normalize(name, norm, sizeof(norm));

	if (err < 0)
		return err;
	err = load_names(r);
	if (err < 0)
		return err;
	return lkm_strv_sorted_has(r->builtin_names.v, r->builtin_names.n, norm);
}

int lkm_resolve_is_blacklisted(struct lkm_resolver *r, const char *name)
{
	char norm[PATH_MAX];
	int err = normalize(name, norm, sizeof(norm));

	if (err < 0)
		return err;
	err = load_blacklist(r);
	if (err < 0)
		return err;
	return lkm_strv_sorted_has(r->blacklist.v, r->blacklist.n, norm);
}

/* Dependencies before the module; each module once, even through a diamond or a cycle. */
static int deps_visit(struct lkm_resolver *r, struct kmod_module *mod,
		      struct lkm_modlist *out, struct strv *seen, int depth)
{
	const char *name = kmod_module_get_name(mod);
	struct kmod_list *deps, *l;
	int err = 0;

	if (lkm_strv_sorted_has(seen->v, seen->n, name) || modlist_has(out, name))
		return 0;
	if (depth > 64)
		return -ELOOP;
	err = lkm_strv_addn(&seen->v, &seen->n, name, strlen(name));
	if (err < 0)
		return err;
	lkm_strv_sort_unique(seen->v, &seen->n);
	deps = kmod_module_get_dependencies(mod);
	kmod_list_foreach(l, deps)
	{
		struct kmod_module *dep = kmod_module_get_module(l);

		err = deps_visit(r, dep, out, seen, depth + 1);
		kmod_module_unref(dep);
		if (err < 0)
			break;
	}
	kmod_module_unref_list(deps);
	if (err == 0)
		err = modlist_push(r, out, mod, NULL);
	return err;
}

/* NAME's libkmod module (NAME normalized into NORM), once LOAD has read what the caller
 * looks up (the names or the blacklist). */
static int open_module(struct lkm_resolver *r, const char *name,
		       int (*load)(struct lkm_resolver *), char *norm, size_t size,
		       struct kmod_module **mod)
{
	int err = normalize(name, norm, size);

	if (err == 0)
		err = load(r);
	if (err == 0)
		err = kmod_module_new_from_name(r->kctx, norm, mod);
	return err;
}

int lkm_resolve_deps(struct lkm_resolver *r, const char *name, struct lkm_modlist *out)
{
	struct kmod_module *mod;
	struct strv seen = { 0 };
	char norm[PATH_MAX];
	int err;

	memset(out, 0, sizeof(*out));
	err = open_module(r, name, load_names, norm, sizeof(norm), &mod);
	if (err < 0)
		return err;
	if (kmod_module_get_path(mod) == NULL) {
		/* Not in modules.dep: only a built-in module has nothing to load. */
		err = lkm_strv_sorted_has(r->builtin_names.v, r->builtin_names.n, norm)
			      ? modlist_push(r, out, mod, NULL)
			      : -ENOENT;
	} else {
		err = deps_visit(r, mod, out, &seen, 0);
	}
	kmod_module_unref(mod);
	strv_release(&seen);
	if (err < 0)
		lkm_modlist_release(out);
	return err;
}

/* ---- modprobe.d ---- */

static int dup_or_null(const char *s, char **out)
{
	*out = NULL;
	if (s == NULL || *s == '\0')
		return 0;
	*out = strdup(s);
	return *out ? 0 : -ENOMEM;
}

void lkm_modconf_release(struct lkm_modconf *conf)
{
	if (conf == NULL)
		return;
	free(conf->options);
	free(conf->install);
	free(conf->remove);
	lkm_modlist_release(&conf->pre);
	lkm_modlist_release(&conf->post);
	memset(conf, 0, sizeof(*conf));
}

/* Lines libkmod's kmod_module_get_softdeps passes over: all matching ones but the first,
 * matched the same way (the key is an fnmatch pattern). */
static int count_softdeps_ignored(struct lkm_resolver *r, const char *name,
				  unsigned int *out)
{
	struct kmod_config_iter *it = kmod_config_get_softdeps(r->kctx);
	unsigned int matches = 0;

	if (it == NULL)
		return -ENOMEM;
	while (kmod_config_iter_next(it))
		if (fnmatch(kmod_config_iter_get_key(it), name, 0) == 0)
			matches++;
	kmod_config_iter_free_iter(it);
	*out = matches > 0 ? matches - 1 : 0;
	return 0;
}

int lkm_resolve_modconf(struct lkm_resolver *r, const char *name, struct lkm_modconf *out)
{
	struct kmod_list *pre = NULL, *post = NULL;
	struct kmod_module *mod;
	char norm[PATH_MAX];
	int err;

	memset(out, 0, sizeof(*out));
	err = open_module(r, name, load_blacklist, norm, sizeof(norm), &mod);
	if (err < 0)
		return err;
	out->blacklisted = lkm_strv_sorted_has(r->blacklist.v, r->blacklist.n, norm);
	err = dup_or_null(kmod_module_get_options(mod), &out->options);
	if (err == 0)
		err = dup_or_null(kmod_module_get_install_commands(mod), &out->install);
	if (err == 0)
		err = dup_or_null(kmod_module_get_remove_commands(mod), &out->remove);
	if (err == 0)
		err = kmod_module_get_softdeps(mod, &pre, &post);
	if (err == 0)
		err = modlist_from_kmod(r, pre, NULL, &out->pre);
	if (err == 0)
		err = modlist_from_kmod(r, post, NULL, &out->post);
	if (err == 0)
		err = count_softdeps_ignored(r, norm, &out->softdeps_ignored);
	kmod_module_unref_list(pre);
	kmod_module_unref_list(post);
	kmod_module_unref(mod);
	if (err < 0)
		lkm_modconf_release(out);
	return err;
}

int lkm_resolve_blacklist(struct lkm_resolver *r, char ***out)
{
	struct strv s = { 0 };
	int err = load_blacklist(r);

	*out = NULL;
	for (size_t i = 0; err == 0 && i < r->blacklist.n; i++)
		err = lkm_strv_addn(&s.v, &s.n, r->blacklist.v[i],
				    strlen(r->blacklist.v[i]));
	if (err < 0) {
		strv_release(&s);
		return err;
	}
	return strv_finish(&s, out);
}

/* ---- symbols ---- */

int lkm_resolve_symbol(struct lkm_resolver *r, const char *symbol,
		       struct lkm_modlist *out)
{
	struct kmod_list *klist = NULL;
	char key[PATH_MAX];
	int err;

	memset(out, 0, sizeof(*out));
	if (symbol == NULL || *symbol == '\0')
		return -EINVAL;
	if (snprintf(key, sizeof(key), "symbol:%s", symbol) >= (int)sizeof(key))
		return -ENAMETOOLONG;
	/* depmod indexes each exported symbol as the alias "symbol:NAME". */
	err = kmod_module_new_from_lookup(r->kctx, key, &klist);
	if (err < 0)
		return err;
	if (klist == NULL)
		return -ENOENT;
	err = modlist_from_kmod(r, klist, NULL, out);
	kmod_module_unref_list(klist);
	if (err < 0)
		lkm_modlist_release(out);
	return err;
}

/* ---- names ---- */

int lkm_resolve_names(struct lkm_resolver *r, unsigned int flags, char ***out)
{
	struct strv s = { 0 };
	int err;

	*out = NULL;
	err = load_names(r);
	for (size_t i = 0; err == 0 && i < r->dep_names.n; i++)
		err = lkm_strv_addn(&s.v, &s.n, r->dep_names.v[i],
				    strlen(r->dep_names.v[i]));
	for (size_t i = 0;
	     err == 0 && (flags & LKM_NAMES_BUILTIN) && i < r->builtin_names.n; i++)
		err = lkm_strv_addn(&s.v, &s.n, r->builtin_names.v[i],
				    strlen(r->builtin_names.v[i]));
	if (err < 0) {
		strv_release(&s);
		return err;
	}
	lkm_strv_sort_unique(s.v, &s.n);
	return strv_finish(&s, out);
}

int lkm_resolve_info(struct lkm_resolver *r, const char *name, const char *key,
		     char ***out, size_t *n)
{
	struct kmod_module *mod = NULL;
	struct kmod_list *info = NULL, *l;
	int err;

	*out = NULL;
	*n = 0;
	err = kmod_module_new_from_name(r->kctx, name, &mod);
	if (err < 0)
		return err;
	err = kmod_module_get_info(mod, &info);
	if (err >= 0) {
		err = 0;
		kmod_list_foreach(l, info)
		{
			if (strcmp(kmod_module_info_get_key(l), key) == 0 &&
			    !lkm_strv_addf(out, n, "%s", kmod_module_info_get_value(l)))
				err = -ENOMEM;
		}
		kmod_module_info_free_list(info);
	}
	kmod_module_unref(mod);
	return err;
}
