/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Files under a test's temporary system root (a copy built by modroot-make.sh), shared by
 * the engine and explain tests. Include it after defining the root:
 *     static char built[] = "/tmp/lkm-NAME-XXXXXX";   (then mkdtemp'd by the setup)
 * Paths given to these helpers are the system's ("/proc/modules"); rpath() makes them the
 * host's.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/engine.h"
#include "core/params.h"

extern char **environ;

static inline const char *rpath(const char *path)
{
	static char buf[8][4096];
	static int i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%s%s", built, path);
	return buf[i];
}

/* PATH holding TEXT with MODE exactly (the umask must not turn 0444 into something else).
 */
static inline void write_file(const char *path, const char *text, mode_t mode)
{
	const char *host = rpath(path);
	int fd;

	unlink(host);
	fd = open(host, O_WRONLY | O_CREAT | O_TRUNC, mode);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(close(fd), 0);
	assert_int_equal(chmod(host, mode), 0);
}

static inline void append_file(const char *path, const char *text)
{
	FILE *f = fopen(rpath(path), "a");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Runs ARGV (argv[0] a full path), no shell; its exit status, or -1. */
static inline int run(const char *const argv[])
{
	pid_t pid;
	int status;

	if (posix_spawn(&pid, argv[0], NULL, NULL, (char *const *)argv, environ) != 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static inline void mkdirs(const char *path)
{
	const char *argv[] = { "/bin/mkdir", "-p", rpath(path), NULL };

	assert_int_equal(run(argv), 0);
}

static inline void rm_tree(const char *host_path)
{
	const char *argv[] = { "/bin/rm", "-rf", "--", host_path, NULL };

	run(argv);
}

/* /sys/module/MODULE/parameters/PARAM holding VALUE with MODE (git keeps no modes). */
static inline void sys_param(const char *module, const char *param, const char *value,
			     mode_t mode)
{
	char path[512], text[256];

	snprintf(path, sizeof(path), "/sys/module/%s/parameters", module);
	mkdirs(path);
	snprintf(path, sizeof(path), "/sys/module/%s/parameters/%s", module, param);
	snprintf(text, sizeof(text), "%s\n", value);
	write_file(path, text, mode);
}

/* The engine's load and set with the words as a person types them, split as the front
 * ends split them (lkm_params_parse). */
static inline int load_words(const struct lkm_engine *e, const char *target,
			     const char *const *words, size_t n, unsigned flags,
			     struct lkm_result *res)
{
	struct lkm_params p;
	int err = lkm_params_parse(words, n, &p);

	if (err == 0)
		err = lkm_engine_load(e, target, &p, flags, res);
	lkm_params_release(&p);
	return err;
}

static inline int set_word(const struct lkm_engine *e, const char *module,
			   const char *word, unsigned flags, struct lkm_result *res)
{
	struct lkm_params p;
	int err = lkm_params_parse(&word, 1, &p);

	if (err == 0)
		err = lkm_engine_set(e, module, &p.v[0], flags, res);
	lkm_params_release(&p);
	return err;
}
