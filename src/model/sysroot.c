// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/sysroot.h"

struct lkm_sysroot {
	int fd;
	int live;
	char *dir;
};

int lkm_sysroot_new(const char *dir, struct lkm_sysroot **out)
{
	struct lkm_sysroot *root;
	struct stat st_root, st_slash;
	int err;

	if (dir == NULL || *dir == '\0')
		dir = "/";
	root = calloc(1, sizeof(*root));
	if (root == NULL)
		return -ENOMEM;
	root->dir = strdup(dir);
	if (root->dir == NULL) {
		free(root);
		return -ENOMEM;
	}
	root->fd = open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	if (root->fd < 0) {
		err = -errno;
		free(root->dir);
		free(root);
		return err;
	}
	/* "--root /" and "--root /./" are both the live system. */
	root->live = fstat(root->fd, &st_root) == 0 && stat("/", &st_slash) == 0 &&
		     st_root.st_dev == st_slash.st_dev &&
		     st_root.st_ino == st_slash.st_ino;
	*out = root;
	return 0;
}

void lkm_sysroot_free(struct lkm_sysroot *root)
{
	if (root == NULL)
		return;
	close(root->fd);
	free(root->dir);
	free(root);
}

const char *lkm_sysroot_dir(const struct lkm_sysroot *root)
{
	return root->dir;
}

int lkm_sysroot_is_live(const struct lkm_sysroot *root)
{
	return root->live;
}

int lkm_sysroot_fd(const struct lkm_sysroot *root)
{
	return root->fd;
}

const char *lkm_sysroot_rel(const char *path)
{
	while (*path == '/')
		path++;
	return *path ? path : ".";
}

int lkm_sysroot_open(const struct lkm_sysroot *root, const char *path, int flags)
{
	int fd = openat(root->fd, lkm_sysroot_rel(path), flags | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int lkm_sysroot_opendir(const struct lkm_sysroot *root, const char *path, DIR **out)
{
	int fd = lkm_sysroot_open(root, path, O_RDONLY | O_DIRECTORY);
	int err;

	*out = NULL;
	if (fd < 0)
		return fd;
	*out = fdopendir(fd);
	if (*out == NULL) {
		err = -errno;
		close(fd);
		return err;
	}
	return 0;
}

int lkm_sysroot_path(const struct lkm_sysroot *root, const char *path, char *buf,
		     size_t size)
{
	const char *sep = root->dir[strlen(root->dir) - 1] == '/' ? "" : "/";
	int n = snprintf(buf, size, "%s%s%s", root->dir, sep, lkm_sysroot_rel(path));

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}
