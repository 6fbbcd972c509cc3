// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * make bench: the CPU one refresh costs (all four /proc sources read and parsed),
 * beside the CPU of only reading the same bytes (what cat does, in this process) and
 * of cat(1) itself, on a synthetic large host and on real captures; then the CPU of one
 * whole TUI refresh (snapshot, rates, and the four views rebuilt: sort, filter, marks),
 * with no terminal: the view-model is pure, the drawing is not counted.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "largehost.h"
#include "model/snapshot.h"
#include "ui/tui/app.h"
#include "ui/tui/settings.h"

extern char **environ;

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double children_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

struct source {
	const char *path; /* under the root */
	unsigned flag;
};

static const struct source all_sources[] = {
	{ "/proc/modules", LKM_SRC_MODULES },
	{ "/proc/devices", LKM_SRC_DEVICES },
	{ "/proc/interrupts", LKM_SRC_INTERRUPTS },
	{ "/proc/net/dev", LKM_SRC_NETDEV },
};

/* CPU seconds per round of reading SOURCES' bytes without parsing, and the byte count. */
static double read_only(const struct lkm_sysroot *root, unsigned sources, int rounds,
			size_t *bytes)
{
	struct lkm_buf buf = { 0 };
	double t0 = cpu_now();

	*bytes = 0;
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < 4; i++) {
			if (!(sources & all_sources[i].flag))
				continue;
			if (lkm_procfile_read(root, all_sources[i].path, &buf) == 0 && r == 0)
				*bytes += buf.len;
		}
	}
	lkm_buf_release(&buf);
	return (cpu_now() - t0) / rounds;
}

static double snapshot(const struct lkm_sysroot *root, unsigned sources, int rounds)
{
	struct lkm_snapshot s = { 0 };
	double t0;

	lkm_snapshot_take(&s, root, sources); /* warm: buffers reach their size */
	t0 = cpu_now();
	for (int r = 0; r < rounds; r++)
		lkm_snapshot_take(&s, root, sources);
	t0 = (cpu_now() - t0) / rounds;
	lkm_snapshot_release(&s);
	return t0;
}

/* CPU of cat(1) reading the same files, per round (process start included). */
static double cat_cpu(const struct lkm_sysroot *root, unsigned sources, int rounds)
{
	char paths[4][4096];
	char *argv[6] = { "cat" };
	int argc = 1, devnull = open("/dev/null", O_WRONLY);
	posix_spawn_file_actions_t fa;
	double t0 = children_cpu();

	for (size_t i = 0; i < 4; i++) {
		if (!(sources & all_sources[i].flag))
			continue;
		lkm_sysroot_path(root, all_sources[i].path, paths[argc - 1], sizeof(paths[0]));
		argv[argc] = paths[argc - 1];
		argc++;
	}
	argv[argc] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, devnull, 1);
	for (int r = 0; r < rounds; r++) {
		pid_t pid;
		int st;

		if (posix_spawnp(&pid, "cat", &fa, NULL, argv, environ) != 0)
			return -1;
		waitpid(pid, &st, 0);
	}
	posix_spawn_file_actions_destroy(&fa);
	close(devnull);
	return (children_cpu() - t0) / rounds;
}

static void row(const char *name, const char *dir, unsigned sources, int rounds)
{
	struct lkm_sysroot *root;
	size_t bytes;
	double rd, sn, ct;

	if (lkm_sysroot_new(dir, &root) < 0) {
		printf("%-34s (missing: %s)\n", name, dir);
		return;
	}
	rd = read_only(root, sources, rounds, &bytes);
	sn = snapshot(root, sources, rounds);
	ct = cat_cpu(root, sources, rounds / 10 ? rounds / 10 : 1);
	printf("%-34s %9.1f KiB %9.3f ms %9.3f ms %6.1fx %9.3f ms\n", name, bytes / 1024.0,
	       sn * 1e3, rd * 1e3, rd > 0 ? sn / rd : 0, ct * 1e3);
	lkm_sysroot_free(root);
}

/* CPU per lkm_tui_app_refresh() on DIR, once two snapshots exist (rates computed). */
static void tui_row(const char *name, const char *dir, int rounds)
{
	struct lkm_tui_config cfg;
	struct lkm_tui_app app;
	struct lkm_sysroot *root;
	double t0;

	if (lkm_sysroot_new(dir, &root) < 0) {
		printf("%-34s (missing: %s)\n", name, dir);
		return;
	}
	lkm_tui_config_defaults(&cfg);
	lkm_tui_app_init(&app, root, &cfg);
	lkm_tui_app_resize(&app, 60, 200);
	/* Two warm refreshes: buffers reach their size, rates and marks exist. */
	lkm_tui_app_refresh(&app);
	lkm_tui_app_refresh(&app);
	t0 = cpu_now();
	for (int r = 0; r < rounds; r++)
		lkm_tui_app_refresh(&app);
	t0 = (cpu_now() - t0) / rounds;
	printf("%-34s %9.3f ms   (%zu modules, %zu irq lines, %zu ifaces shown)\n", name,
	       t0 * 1e3, app.views[LKM_PANE_MODULES].nrows, app.views[LKM_PANE_INTERRUPTS].nitems,
	       app.views[LKM_PANE_NETDEV].nrows);
	lkm_tui_app_release(&app);
	lkm_sysroot_free(root);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int main(int argc, char **argv)
{
	const char *fixtures = argc > 1 ? argv[1] : "tests/fixtures";
	const struct largehost_shape large = { 1000, 256, 300, 200 };
	const struct largehost_shape issue = { 300, 128, 200, 50 };
	char dir[] = "/tmp/lkmtui-bench.XXXXXX";
	char dir2[] = "/tmp/lkmtui-bench.XXXXXX";
	char path[4096];

	if (mkdtemp(dir) == NULL || mkdtemp(dir2) == NULL ||
	    largehost_write(dir, &large) < 0 || largehost_write(dir2, &issue) < 0) {
		perror("bench: writing the synthetic hosts");
		return 1;
	}
	printf("CPU per refresh (all sources of the row), against reading the same bytes\n");
	printf("%-34s %13s %12s %12s %7s %12s\n", "host", "bytes", "snapshot", "read only",
	       "ratio", "cat(1)");
	row("1000 modules, 256 CPUs, 200 ifaces", dir, LKM_SRC_ALL, 200);
	row("300 modules, 128 CPUs, 50 ifaces", dir2, LKM_SRC_ALL, 400);
	snprintf(path, sizeof(path), "%s/debian61", fixtures);
	row("Debian 6.1 guest (captured)", path, LKM_SRC_ALL, 2000);
	/* The 1,152-CPU capture is a bare file: give it a root of its own. */
	snprintf(path, sizeof(path), "%s/proc", dir2);
	{
		char src[4096], dst[4096];

		snprintf(src, sizeof(src), "%s/realdata/pcp/interrupts-1152cpu-x86_64", fixtures);
		if (realpath(src, dst) != NULL) {
			snprintf(src, sizeof(src), "%s/proc/interrupts", dir2);
			remove(src);
			if (symlink(dst, src) == 0)
				row("1,152-CPU interrupts (pcp capture)", dir2, LKM_SRC_INTERRUPTS, 20);
		}
	}
	printf("\nCPU per TUI refresh: snapshot + rates + the four views rebuilt (no drawing)\n");
	tui_row("1000 modules, 256 CPUs, 200 ifaces", dir, 100);
	snprintf(path, sizeof(path), "%s/debian61", fixtures);
	tui_row("Debian 6.1 guest (captured)", path, 1000);
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	nftw(dir2, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
