// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/procfile.h"
#include "model/scan.h"
#include "model/modules.h"
#include "model/sysmodule.h"
#include "shared/strv.h"

/* sysfs attributes are at most a page; anything longer is not one. */
#define ATTR_MAX 4096

int lkm_sysattr_read(int dirfd, const char *name, char **out)
{
	char buf[ATTR_MAX + 1];
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	int err = 0;

	*out = NULL;
	if (fd < 0)
		return -errno;
	while (len < ATTR_MAX) {
		ssize_t n = read(fd, buf + len, ATTR_MAX - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			break;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (err < 0)
		return err;
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\0'))
		len--;
	buf[len] = '\0';
	*out = strdup(buf);
	return *out ? 0 : -ENOMEM;
}

static int read_number(int dirfd, const char *name, int64_t *out, bool *has)
{
	char *s, *p;
	int err = lkm_sysattr_read(dirfd, name, &s);

	*has = false;
	if (err == -ENOMEM)
		return err;
	if (err < 0)
		return 0;
	p = s;
	*has = lkm_scan_i64(&p, out) && *p == '\0';
	free(s);
	return 0;
}

static int cmp_param(const void *a, const void *b)
{
	return strcmp(((const struct lkm_sysparam *)a)->name,
		      ((const struct lkm_sysparam *)b)->name);
}

/* Calls FN(dirfd of DIR, entry name, ctx) for each entry of DIR under MODFD, skipping
 * dots. */
static int each_entry(int modfd, const char *dir, int (*fn)(int, const char *, void *),
		      void *ctx)
{
	int fd = openat(modfd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent *de;
	DIR *d;
	int err = 0;

	if (fd < 0)
		return 0; /* absent or unreadable: a partial /sys is a state, not an error
			   */
	d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return 0;
	}
	while (err == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		err = fn(dirfd(d), de->d_name, ctx);
	}
	closedir(d);
	return err;
}

static int add_holder(int dirfd, const char *name, void *ctx)
{
	struct lkm_sysmodule *sm = ctx;

	(void)dirfd;
	return lkm_strv_addn(&sm->holders, &sm->n_holders, name, strlen(name));
}

static int add_param(int dirfd, const char *name, void *ctx)
{
	struct lkm_sysmodule *sm = ctx;
	struct lkm_sysparam *v = realloc(sm->params, (sm->n_params + 1) * sizeof(*v));
	struct lkm_sysparam *p;
	struct stat st;
	int err;

	if (v == NULL)
		return -ENOMEM;
	sm->params = v;
	p = &v[sm->n_params];
	memset(p, 0, sizeof(*p));
	p->name = strdup(name);
	if (p->name == NULL)
		return -ENOMEM;
	sm->n_params++;
	if (fstatat(dirfd, name, &st, 0) == 0) {
		p->mode = st.st_mode & 07777;
		p->writable = (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
	}
	err = lkm_sysattr_read(dirfd, name, &p->value);
	return err == -ENOMEM ? err : 0;
}

int lkm_sysmodule_read(const struct lkm_sysroot *root, const char *name,
		       struct lkm_sysmodule *out)
{
	char path[512];
	int64_t coresize = 0;
	int modfd, err;
	size_t i;

	memset(out, 0, sizeof(*out));
	/* A module name is one path component; anything else names no module. */
	if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL)
		return 0;
	if (snprintf(path, sizeof(path), "sys/module/%s", name) >= (int)sizeof(path))
		return 0;
	lkm_module_name_normalize(path + strlen("sys/module/"));
	modfd = openat(lkm_sysroot_fd(root), path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (modfd < 0)
		return 0;
	out->present = true;

	static const struct {
		const char *file;
		size_t offset;
	} strings[] = {
		{ "initstate", offsetof(struct lkm_sysmodule, initstate) },
		{ "taint", offsetof(struct lkm_sysmodule, taint) },
		{ "version", offsetof(struct lkm_sysmodule, version) },
		{ "srcversion", offsetof(struct lkm_sysmodule, srcversion) },
	};
	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		err = lkm_sysattr_read(modfd, strings[i].file,
				       (char **)((char *)out + strings[i].offset));
		if (err == -ENOMEM)
			goto fail;
	}
	err = read_number(modfd, "refcnt", &out->refcnt, &out->has_refcnt);
	if (err == 0)
		err = read_number(modfd, "coresize", &coresize, &out->has_coresize);
	if (err == 0)
		err = each_entry(modfd, "holders", add_holder, out);
	if (err == 0)
		err = each_entry(modfd, "parameters", add_param, out);
	if (err < 0)
		goto fail;
	out->coresize = out->has_coresize && coresize >= 0 ? (uint64_t)coresize : 0;
	/* readdir order is the filesystem's; people read these sorted. */
	if (out->n_params > 1)
		qsort(out->params, out->n_params, sizeof(*out->params), cmp_param);
	lkm_strv_sort_unique(out->holders, &out->n_holders);
	close(modfd);
	return 0;
fail:
	close(modfd);
	lkm_sysmodule_release(out);
	return err;
}

const struct lkm_sysparam *lkm_sysmodule_param(const struct lkm_sysmodule *sm,
					       const char *name)
{
	for (size_t i = 0; i < sm->n_params; i++)
		if (strcmp(sm->params[i].name, name) == 0)
			return &sm->params[i];
	return NULL;
}

void lkm_sysmodule_release(struct lkm_sysmodule *sm)
{
	lkm_strv_free(sm->holders, sm->n_holders);
	for (size_t i = 0; i < sm->n_params; i++) {
		free(sm->params[i].name);
		free(sm->params[i].value);
	}
	free(sm->params);
	free(sm->initstate);
	free(sm->taint);
	free(sm->version);
	free(sm->srcversion);
	memset(sm, 0, sizeof(*sm));
}
