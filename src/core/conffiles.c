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

#define CONFFILE_MAX LKM_CONFFILE_MAX

void lkm_conffiles_release(struct lkm_conffiles *files)
{
	for (size_t i = 0; i < files->n; i++)
		free(files->v[i].path);
	free(files->v);
	memset(files, 0, sizeof(*files));
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static bool listed(const struct lkm_conffiles *files, const char *name)
{
	for (size_t i = 0; i < files->n; i++)
		if (strcmp(files->v[i].name, name) == 0)
			return true;
	return false;
}

static bool is_masked(const struct lkm_sysroot *root, const char *path)
{
	char target[PATH_MAX];
	ssize_t len = readlinkat(lkm_sysroot_fd(root), lkm_sysroot_rel(path), target,
				 sizeof(target) - 1);
	struct stat st;

	if (len > 0) {
		target[len] = '\0';
		return strcmp(target, "/dev/null") == 0;
	}
	return fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(path), &st, 0) == 0 &&
	       S_ISREG(st.st_mode) && st.st_size == 0;
}

static bool has_suffix(const char *name, const char *const *suffixes)
{
	for (; *suffixes; suffixes++)
		if (ends_with(name, *suffixes))
			return true;
	return false;
}

static int add_dir(const struct lkm_sysroot *root, const char *dir,
		   const char *const *suffixes, struct lkm_conffiles *out)
{
	struct dirent *e;
	DIR *d;

	if (lkm_sysroot_opendir(root, dir, &d) < 0)
		return 0;
	while ((e = readdir(d)) != NULL) {
		struct lkm_conffile *v, *f;
		struct stat st;

		if (e->d_name[0] == '.' || listed(out, e->d_name))
			continue;
		v = reallocarray(out->v, out->n + 1, sizeof(*v));
		if (!v) {
			closedir(d);
			return -ENOMEM;
		}
		out->v = v;
		f = &v[out->n];
		memset(f, 0, sizeof(*f));
		if (asprintf(&f->path, "%s/%s", dir, e->d_name) < 0) {
			closedir(d);
			return -ENOMEM;
		}
		f->name = f->path + strlen(dir) + 1;
		if (!has_suffix(f->name, suffixes))
			f->skip = LKM_CONFFILE_WRONG_SUFFIX;
		else if (fstatat(dirfd(d), e->d_name, &st, 0) == 0 &&
			 !S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode))
			f->skip = LKM_CONFFILE_NOT_FILE;
		f->masked = is_masked(root, f->path);
		out->n++;
	}
	closedir(d);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	const struct lkm_conffile *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int lkm_conffiles_list(const struct lkm_sysroot *root, const char *const *dirs,
		       const char *const *suffixes, struct lkm_conffiles *out)
{
	memset(out, 0, sizeof(*out));
	for (; *dirs; dirs++) {
		int err = add_dir(root, *dirs, suffixes, out);

		if (err < 0) {
			lkm_conffiles_release(out);
			return err;
		}
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), by_name);
	return 0;
}

int lkm_conffile_read(const struct lkm_sysroot *root, const char *path,
		      struct lkm_buf *buf)
{
	int fd = lkm_sysroot_open(root, path,
				  O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	int err;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0)
		err = -errno;
	else if (!S_ISREG(st.st_mode))
		err = -EINVAL;
	else if (st.st_size > CONFFILE_MAX)
		err = -EFBIG;
	else
		err = lkm_procfile_read_fd(fd, buf);
	close(fd);
	if (err == 0 && buf->len > CONFFILE_MAX)
		err = -EFBIG;
	return err;
}

static char *trim(char *s, char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	return s;
}

char *lkm_conffile_next_line(char **pos, unsigned *lines, unsigned *start)
{
	char *s = *pos, *w, *r;

	if (!s || !*s)
		return NULL;
	*start = ++*lines;
	/* Join "\\\n" continuations in place, counting the lines they span. */
	for (w = r = s; *r && *r != '\n'; r++) {
		if (r[0] == '\\' && r[1] == '\n') {
			r++;
			++*lines;
			continue;
		}
		*w++ = *r;
	}
	*pos = *r ? r + 1 : r;
	return trim(s, w);
}
