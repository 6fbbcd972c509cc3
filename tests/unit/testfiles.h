/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Files the tests of what lkmtui keeps (test-persist.c, test-keepfiles.c) write under a
 * temporary root and compare whole; the root itself (struct fx, made by fx_setup).
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/persist.h"
#include "model/sysroot.h"

static inline void rm_tree(const char *dir)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execl("/bin/rm", "rm", "-rf", "--", dir, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
}

static inline void write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

/* The whole file, malloc'ed; NULL when absent. */
static inline char *slurp(const char *path)
{
	char *buf = malloc(1 << 16);
	int fd = open(path, O_RDONLY);
	ssize_t n;

	assert_non_null(buf);
	if (fd < 0) {
		free(buf);
		return NULL;
	}
	n = read(fd, buf, (1 << 16) - 1);
	assert_true(n >= 0);
	buf[n] = '\0';
	close(fd);
	return buf;
}

static inline void expect_file(const char *path, const char *want)
{
	char *got = slurp(path);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* How many ".lkmtui.conf.XXXXXX" (a write's temporary files) are left in DIR. */
static inline int temp_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, ".lkmtui.conf.", 13) == 0 &&
		    strcmp(e->d_name, LKM_PERSIST_LOCK) != 0)
			n++;
	closedir(d);
	return n;
}

/* A test's temporary system root: DIR on the host, ROOT over it, CONF its lkmtui.conf
 * on the host (not made). */
struct fx {
	char dir[64];
	char conf[128];
	struct lkm_sysroot *root;
};

/* PATH of F's root, on the host (four at a time). */
static inline const char *at(struct fx *f, const char *path)
{
	static char buf[4][256];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s%s", f->dir, path);
	return buf[i];
}

/* A cmocka setup's root: a new directory from TEMPLATE ("/tmp/lkm-NAME-XXXXXX") holding
 * the directories DIRS (NULL-ended, parents first), opened; the fx into *STATE. Returns
 * 0 or -1. */
static inline int fx_setup(void **state, const char *template, const char *const *dirs)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "%s", template);
	if (mkdtemp(f->dir) == NULL)
		return -1;
	for (size_t i = 0; dirs[i]; i++)
		mkdir(at(f, dirs[i]), 0755);
	snprintf(f->conf, sizeof(f->conf), "%s", at(f, LKM_PERSIST_FILE));
	if (lkm_sysroot_new(f->dir, &f->root) < 0)
		return -1;
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *f = *state;

	lkm_sysroot_free(f->root);
	rm_tree(f->dir);
	free(f);
	return 0;
}
