/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Files the tests of what lkmtui keeps (test-persist.c, test-keepfiles.c) write under a
 * temporary root and compare whole.
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/persist.h"

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
