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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/engine.h"
#include "core/params.h"
#include "core/resolve.h"
#include "model/sysroot.h"

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

/* ne2k_pci loaded (on 8390), its debug 2 (writable) and full_duplex 1 (read-only). */
static inline void ne2k_loaded(void)
{
	write_file("/proc/modules",
		   "8390 24576 1 ne2k_pci, Live 0xffffffffc0a00000\n"
		   "ne2k_pci 16384 0 - Live 0xffffffffc0a10000\n",
		   0644);
	sys_param("ne2k_pci", "debug", "2", 0644);
	sys_param("ne2k_pci", "full_duplex", "1", 0444);
}

/*
 * The group's root: mkdtemp'd, then modroot-make.sh builds the module tree into it with
 * the compiler the tests were built with. 1 built; 0 skipped (said on stderr: WHAT tests
 * are skipped); -1 failed.
 */
static inline int testroot_build(const char *what)
{
	const char *argv[] = { "/bin/sh", FIXTURES "/modroot-make.sh", built, NULL };
	int rc;

	if (mkdtemp(built) == NULL)
		return -1;
	setenv("CC", LKM_TEST_CC, 1);
	rc = run(argv);
	if (rc == 77) {
		fprintf(stderr, "# modroot-make.sh skipped: %s tests are skipped\n",
			what);
		return 0;
	}
	return rc == 0 ? 1 : -1;
}

/* The root as each test starts: nothing loaded, loading allowed, one earlier kernel log
 * line, no /sys. */
static inline void testroot_reset(void)
{
	write_file("/proc/modules", "", 0644);
	write_file("/proc/sys/kernel/modules_disabled", "0\n", 0644);
	mkdirs("/dev");
	write_file("/dev/kmsg", "6,1,0,-;an earlier line, not ours\n", 0644);
	rm_tree(rpath("/sys"));
}

/* The root's sysroot and resolver, and an engine on them acting through OPS, privileged,
 * as "uid 1000", not logging to syslog. 0, or -1. */
static inline int testroot_engine(struct lkm_sysroot **root,
				  struct lkm_resolver **resolver,
				  const struct lkm_ops *ops, struct lkm_engine *e)
{
	if (lkm_sysroot_new(built, root) < 0 ||
	    lkm_resolver_new(*root, NULL, resolver) < 0)
		return -1;
	*e = (struct lkm_engine){
		.root = *root,
		.resolver = *resolver,
		.ops = ops,
		.privileged = true,
		.who = "uid 1000",
		.log_to_syslog = false,
	};
	return 0;
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

/* A row of a test's table as a cmocka test of its own, named NAME (the row's name, so
 * that a failure names the row): SETUP finds ROW as cmocka's initial state. */
static inline struct CMUnitTest test_row(const char *name, CMUnitTestFunction func,
					 CMFixtureFunction setup,
					 CMFixtureFunction teardown, const void *row)
{
	return (struct CMUnitTest){
		.name = name,
		.test_func = func,
		.setup_func = setup,
		.teardown_func = teardown,
		.initial_state = (void *)row,
	};
}
