// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/conffiles.h"
#include "core/dkms.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "shared/strv.h"

#define DKMS_TREE "var/lib/dkms"

const char *lkm_dkms_state_id(enum lkm_dkms_state s)
{
	switch (s) {
	case LKM_DKMS_ADDED: return "added";
	case LKM_DKMS_BUILT: return "built";
	case LKM_DKMS_INSTALLED: return "installed";
	case LKM_DKMS_BROKEN: return "broken";
	}
	return "?";
}

/* The names of the entries of directory REL under the root (no dot entries), sorted. */
static int list_dir(int rootfd, const char *rel, char ***out, size_t *n)
{
	int fd = openat(rootfd, rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp;
	struct dirent *e;

	*out = NULL;
	*n = 0;
	if (fd < 0)
		return 0;
	dp = fdopendir(fd);
	if (dp == NULL) {
		close(fd);
		return 0;
	}
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && !lkm_strv_addf(out, n, "%s", e->d_name)) {
			closedir(dp);
			return -ENOMEM;
		}
	closedir(dp);
	lkm_strv_sort_unique(*out, n);
	return 0;
}

static bool is_dir(int rootfd, const char *rel)
{
	struct stat st;

	return fstatat(rootfd, rel, &st, 0) == 0 && S_ISDIR(st.st_mode);
}

/* Whether FILE is a module file of MODULE: NAME.ko, .ko.xz, .ko.zst, .ko.gz. */
static bool module_file(const char *file, const char *module)
{
	size_t len = strlen(file), sl = lkm_module_suffix_len(file, len, 0);

	return sl && lkm_module_name_eq_len(file, len - sl, module);
}

/* Whether directory REL holds a module file of MODULE. */
static int dir_has_module(int rootfd, const char *rel, const char *module)
{
	char **names;
	size_t n;
	bool found = false;

	if (list_dir(rootfd, rel, &names, &n) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < n && !found; i++)
		found = module_file(names[i], module);
	lkm_strv_free(names, n);
	return found;
}

/* Whether dkms.conf at PATH names MODULE in BUILT_MODULE_NAME[i] or DEST_MODULE_NAME[i].
 */
static int conf_names(const struct lkm_sysroot *root, const char *path,
		      const char *module)
{
	struct lkm_buf text = { 0 };
	bool found = false;
	/* A configuration file: no FIFO, nothing over 1 MiB. */
	int err = lkm_conffile_read(root, path, &text);

	if (err < 0) {
		lkm_buf_release(&text);
		return err == -ENOMEM ? err : 0;
	}
	for (char *line = text.data; line && *line && !found;) {
		char *end = strchr(line, '\n'), *v;

		if (end)
			*end = '\0';
		line += strspn(line, " \t");
		if ((strncmp(line, "BUILT_MODULE_NAME[", 18) == 0 ||
		     strncmp(line, "DEST_MODULE_NAME[", 17) == 0) &&
		    (v = strstr(line, "]=")) != NULL) {
			size_t len;

			v += 2;
			v += *v == '"' || *v == '\'';
			len = strcspn(v, "\"' \t#");
			found = len > 0 && lkm_module_name_eq_len(v, len, module);
		}
		line = end ? end + 1 : NULL;
	}
	lkm_buf_release(&text);
	return found;
}

/* The last 64 KiB of the regular file PATH (a log can be long; a FIFO must not block). */
static int read_end(const struct lkm_sysroot *root, const char *path, struct lkm_buf *buf)
{
	enum { END = 64 << 10 };
	int fd = lkm_sysroot_open(root, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	ssize_t got;
	off_t from;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	from = st.st_size > END ? st.st_size - END : 0;
	buf->data = malloc(END + 1);
	if (buf->data == NULL) {
		close(fd);
		return -ENOMEM;
	}
	got = pread(fd, buf->data, END, from);
	close(fd);
	if (got < 0)
		return -EIO;
	buf->len = (size_t)got;
	buf->cap = END + 1;
	buf->data[got] = '\0';
	/* A cut first line is no line of the log. */
	if (from > 0) {
		char *nl = memchr(buf->data, '\n', buf->len);
		size_t skip = nl ? (size_t)(nl + 1 - buf->data) : buf->len;

		memmove(buf->data, buf->data + skip, buf->len - skip + 1);
		buf->len -= skip;
	}
	return 0;
}

/* The last LKM_DKMS_TAIL non-blank lines of the file at PATH. */
static int log_tail(const struct lkm_sysroot *root, const char *path,
		    struct lkm_dkms_pkg *p)
{
	struct lkm_buf text = { 0 };
	char *lines[LKM_DKMS_TAIL];
	size_t n = 0;

	int err = read_end(root, path, &text);

	if (err < 0) {
		lkm_buf_release(&text);
		return err == -ENOMEM ? err : 0;
	}
	for (char *line = text.data; line && *line;) {
		char *end = strchr(line, '\n');

		if (end)
			*end = '\0';
		if (line[strspn(line, " \t\r")] != '\0') {
			if (n == LKM_DKMS_TAIL) {
				memmove(lines, lines + 1, sizeof(*lines) * (n - 1));
				n--;
			}
			lines[n++] = line;
		}
		line = end ? end + 1 : NULL;
	}
	for (size_t i = 0; i < n; i++)
		if (!lkm_strv_addf(&p->log_tail, &p->n_tail, "%s", lines[i])) {
			lkm_buf_release(&text);
			return -ENOMEM;
		}
	lkm_buf_release(&text);
	return 0;
}

/* The builds of PKG/VER: each KVER/ARCH with a module directory. */
static int read_builds(const struct lkm_sysroot *root, const char *release,
		       struct lkm_dkms_pkg *p, const char *module, bool *has_module)
{
	int rootfd = lkm_sysroot_fd(root);
	char rel[PATH_MAX], **kvers;
	size_t n_kvers;
	int err = 0;

	snprintf(rel, sizeof(rel), DKMS_TREE "/%s/%s", p->package, p->version);
	if (list_dir(rootfd, rel, &kvers, &n_kvers) < 0)
		return -ENOMEM;
	for (size_t k = 0; k < n_kvers && err == 0; k++) {
		char **arches;
		size_t n_arches;

		if (strcmp(kvers[k], "source") == 0 || strcmp(kvers[k], "build") == 0)
			continue;
		snprintf(rel, sizeof(rel), DKMS_TREE "/%s/%s/%s", p->package, p->version,
			 kvers[k]);
		if (list_dir(rootfd, rel, &arches, &n_arches) < 0) {
			err = -ENOMEM;
			break;
		}
		for (size_t a = 0; a < n_arches && err == 0; a++) {
			struct lkm_dkms_build *b;
			char link[PATH_MAX], target[PATH_MAX], want[PATH_MAX];
			ssize_t len;
			int has;

			snprintf(rel, sizeof(rel), DKMS_TREE "/%s/%s/%s/%s/module",
				 p->package, p->version, kvers[k], arches[a]);
			if (!is_dir(rootfd, rel))
				continue;
			has = module ? dir_has_module(rootfd, rel, module) : 1;
			if (has < 0) {
				err = has;
				break;
			}
			*has_module |= has;
			b = realloc(p->builds, (p->n_builds + 1) * sizeof(*b));
			if (b == NULL) {
				err = -ENOMEM;
				break;
			}
			p->builds = b;
			b += p->n_builds;
			memset(b, 0, sizeof(*b));
			b->kernel = strdup(kvers[k]);
			b->arch = strdup(arches[a]);
			p->n_builds++;
			if (b->kernel == NULL || b->arch == NULL) {
				err = -ENOMEM;
				break;
			}
			snprintf(link, sizeof(link), DKMS_TREE "/%s/kernel-%s-%s",
				 p->package, kvers[k], arches[a]);
			snprintf(want, sizeof(want), "%s/%s/%s", p->version, kvers[k],
				 arches[a]);
			len = readlinkat(rootfd, link, target, sizeof(target) - 1);
			if (len > 0) {
				size_t wl = strlen(want);

				target[len] = '\0';
				/* dkms writes it relative; an absolute one ends the same.
				 */
				b->installed = (size_t)len >= wl &&
					       strcmp(target + len - wl, want) == 0 &&
					       ((size_t)len == wl ||
						target[len - wl - 1] == '/');
			}
			if (release != NULL && strcmp(kvers[k], release) == 0)
				p->for_release = true;
		}
		lkm_strv_free(arches, n_arches);
	}
	lkm_strv_free(kvers, n_kvers);
	return err;
}

/* Where PKG/VER's source link leads, as the system names it: dkms makes it absolute
 * (/usr/src/PKG-VER), which must be read under the root, not on the host. False when the
 * path does not fit. */
static bool source_dir(int rootfd, const char *pkg, const char *ver, char *out,
		       size_t size)
{
	char rel[PATH_MAX], target[PATH_MAX];
	ssize_t len;
	int n;

	if ((size_t)snprintf(rel, sizeof(rel), DKMS_TREE "/%s/%s/source", pkg, ver) >=
	    sizeof(rel))
		return false;
	len = readlinkat(rootfd, rel, target, sizeof(target) - 1);
	if (len <= 0)
		n = snprintf(out, size, "/%s", rel);
	else if ((target[len] = '\0', target[0] == '/'))
		n = snprintf(out, size, "%s", target);
	else
		n = snprintf(out, size, "/" DKMS_TREE "/%s/%s/%s", pkg, ver, target);
	return n > 0 && (size_t)n < size;
}

static void pkg_release(struct lkm_dkms_pkg *p)
{
	for (size_t b = 0; b < p->n_builds; b++) {
		free(p->builds[b].kernel);
		free(p->builds[b].arch);
	}
	free(p->builds);
	free(p->package);
	free(p->version);
	free(p->failed_log);
	lkm_strv_free(p->log_tail, p->n_tail);
}

/* PKG/VER into D when it builds MODULE. */
static int read_pkg(const struct lkm_sysroot *root, const char *module,
		    const char *release, const char *pkg, const char *ver,
		    struct lkm_dkms *d)
{
	int rootfd = lkm_sysroot_fd(root);
	struct lkm_dkms_pkg p = { 0 }, *v;
	char path[PATH_MAX], src[PATH_MAX];
	struct stat st;
	bool has = module == NULL || lkm_module_name_eq(pkg, module);
	int err;

	p.package = strdup(pkg);
	p.version = strdup(ver);
	if (p.package == NULL || p.version == NULL)
		goto oom;
	err = read_builds(root, release, &p, module, &has);
	if (err < 0)
		goto fail;
	if (!source_dir(rootfd, pkg, ver, src, sizeof(src)) ||
	    (size_t)snprintf(path, sizeof(path), "%s/dkms.conf", src) >= sizeof(path)) {
		err = 0;
		goto fail;
	}
	if (!has) {
		int named = conf_names(root, path, module);

		if (named < 0) {
			err = named;
			goto fail;
		}
		has = named;
	}
	if (!has) {
		err = 0;
		goto fail;
	}
	p.state =
		fstatat(rootfd, lkm_sysroot_rel(src), &st, 0) == 0 && S_ISDIR(st.st_mode)
			? LKM_DKMS_ADDED
			: LKM_DKMS_BROKEN;
	for (size_t i = 0; i < p.n_builds && p.state != LKM_DKMS_BROKEN; i++)
		p.state = p.builds[i].installed		  ? LKM_DKMS_INSTALLED
			  : p.state == LKM_DKMS_INSTALLED ? p.state
							  : LKM_DKMS_BUILT;
	snprintf(path, sizeof(path), "/" DKMS_TREE "/%s/%s/build/make.log", pkg, ver);
	if (fstatat(rootfd, lkm_sysroot_rel(path), &st, 0) == 0) {
		p.failed_log = strdup(path);
		if (p.failed_log == NULL || log_tail(root, path, &p) < 0)
			goto oom;
	}
	v = realloc(d->pkgs, (d->n_pkgs + 1) * sizeof(*v));
	if (v == NULL)
		goto oom;
	d->pkgs = v;
	v[d->n_pkgs++] = p;
	return 0;
oom:
	err = -ENOMEM;
fail:
	pkg_release(&p);
	return err;
}

/* Whether modules.dep of kernel KVER lists MODULE. */
static int dep_lists(const struct lkm_sysroot *root, const char *kver, const char *module)
{
	struct lkm_buf text = { 0 };
	char path[PATH_MAX];
	bool found = false;
	int err;

	snprintf(path, sizeof(path), "/lib/modules/%s/modules.dep", kver);
	err = lkm_procfile_read(root, path, &text);
	if (err < 0) {
		lkm_buf_release(&text);
		return err == -ENOMEM ? err : 0;
	}
	for (char *line = text.data; line && *line && !found;) {
		char *end = strchr(line, '\n'), *colon, *base;

		if (end)
			*end = '\0';
		colon = strchr(line, ':');
		if (colon != NULL) {
			*colon = '\0';
			base = strrchr(line, '/');
			found = module_file(base ? base + 1 : line, module);
		}
		line = end ? end + 1 : NULL;
	}
	lkm_buf_release(&text);
	return found;
}

static int other_kernels(const struct lkm_sysroot *root, const char *module,
			 const char *release, struct lkm_dkms *d)
{
	int rootfd = lkm_sysroot_fd(root);
	char **kvers;
	size_t n;
	int err = 0;

	if (list_dir(rootfd, "lib/modules", &kvers, &n) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < n && err == 0; i++) {
		char rel[PATH_MAX];
		int has;

		if (release != NULL && strcmp(kvers[i], release) == 0)
			continue;
		snprintf(rel, sizeof(rel), "lib/modules/%s/updates/dkms", kvers[i]);
		has = dir_has_module(rootfd, rel, module);
		if (has == 0)
			has = dep_lists(root, kvers[i], module);
		if (has < 0)
			err = has;
		else if (has &&
			 !lkm_strv_addf(&d->kernels, &d->n_kernels, "%s", kvers[i]))
			err = -ENOMEM;
	}
	lkm_strv_free(kvers, n);
	return err;
}

int lkm_dkms_query(const struct lkm_sysroot *root, const char *module,
		   const char *release, struct lkm_dkms *out)
{
	int rootfd = lkm_sysroot_fd(root);
	char **pkgs, rel[PATH_MAX];
	size_t n_pkgs;
	int err;

	memset(out, 0, sizeof(*out));
	if (release != NULL) {
		snprintf(rel, sizeof(rel), "lib/modules/%s/build", release);
		out->headers = is_dir(rootfd, rel);
	}
	if (list_dir(rootfd, DKMS_TREE, &pkgs, &n_pkgs) < 0)
		return -ENOMEM;
	err = 0;
	for (size_t i = 0; i < n_pkgs && err == 0; i++) {
		char **vers;
		size_t n_vers;

		snprintf(rel, sizeof(rel), DKMS_TREE "/%s", pkgs[i]);
		if (list_dir(rootfd, rel, &vers, &n_vers) < 0) {
			err = -ENOMEM;
			break;
		}
		for (size_t j = 0; j < n_vers && err == 0; j++) {
			struct stat st;

			/* kernel-KVER-ARCH links and dkms' original_module keep. */
			snprintf(rel, sizeof(rel), DKMS_TREE "/%s/%s", pkgs[i], vers[j]);
			if (strncmp(vers[j], "kernel-", 7) == 0 ||
			    strcmp(vers[j], "original_module") == 0 ||
			    fstatat(rootfd, rel, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
			    !S_ISDIR(st.st_mode))
				continue;
			err = read_pkg(root, module, release, pkgs[i], vers[j], out);
		}
		lkm_strv_free(vers, n_vers);
	}
	lkm_strv_free(pkgs, n_pkgs);
	if (err < 0 || module == NULL)
		return err;
	return other_kernels(root, module, release, out);
}

void lkm_dkms_release(struct lkm_dkms *d)
{
	for (size_t i = 0; i < d->n_pkgs; i++)
		pkg_release(&d->pkgs[i]);
	free(d->pkgs);
	lkm_strv_free(d->kernels, d->n_kernels);
	memset(d, 0, sizeof(*d));
}
