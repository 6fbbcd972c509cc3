// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * make bench: the CPU one refresh costs (all four /proc sources read and parsed),
 * beside the CPU of only reading the same bytes (what cat does, in this process) and
 * of cat(1) itself, on a synthetic large host and on real captures; then the CPU of one
 * whole TUI refresh (snapshot, rates, and the four views rebuilt: sort, filter, marks),
 * with no terminal: the view-model is pure, the drawing is not counted; then lkmtui
 * hardware beside lspci -k on 2,000 PCI functions and 500 USB devices, and the Hardware
 * pane's refresh there.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
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
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <unistd.h>

#include "core/hardware.h"
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
			if (lkm_procfile_read(root, all_sources[i].path, &buf) == 0 &&
			    r == 0)
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
		lkm_sysroot_path(root, all_sources[i].path, paths[argc - 1],
				 sizeof(paths[0]));
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
	printf("%-34s %9.1f KiB %9.3f ms %9.3f ms %6.1fx %9.3f ms\n", name,
	       bytes / 1024.0, sn * 1e3, rd * 1e3, rd > 0 ? sn / rd : 0, ct * 1e3);
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
	       t0 * 1e3, app.views[LKM_PANE_MODULES].nrows,
	       app.views[LKM_PANE_INTERRUPTS].nitems, app.views[LKM_PANE_NETDEV].nrows);
	lkm_tui_app_release(&app);
	lkm_sysroot_free(root);
}

/* CPU per run of ARGV (its output to /dev/null), process start included; -1 when it
 * cannot be started or fails. */
static double spawn_cpu(char *const argv[], int rounds)
{
	int devnull = open("/dev/null", O_WRONLY);
	posix_spawn_file_actions_t fa;
	double t0 = children_cpu();
	bool ok = true;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, devnull, 1);
	posix_spawn_file_actions_adddup2(&fa, devnull, 2);
	for (int r = 0; r < rounds && ok; r++) {
		pid_t pid;
		int st;

		ok = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) == 0 &&
		     waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
		     WEXITSTATUS(st) != 127;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(devnull);
	return ok ? (children_cpu() - t0) / rounds : -1;
}

/* Copies FROM to TO, making TO's directories. Returns 0 or -1. */
static int copy_file(const char *from, const char *to)
{
	char dir[4096], buf[65536];
	int in = open(from, O_RDONLY), out, ok = in >= 0;
	ssize_t n;

	snprintf(dir, sizeof(dir), "%s", to);
	for (char *c = dir + 1; ok && *c; c++)
		if (*c == '/') {
			*c = '\0';
			mkdir(dir, 0755);
			*c = '/';
		}
	out = ok ? open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
	while (out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		ok &= write(out, buf, (size_t)n) == n;
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return ok && out >= 0 ? 0 : -1;
}

/*
 * lkmtui hardware against lspci -k on the same tree (lspci reads it through
 * -A linux-sysfs -O sysfs.path=DIR/sys/bus/pci; PCI alone, where lkmtui lists USB
 * too), both naming devices from the same pci.ids; then the Hardware pane's refresh
 * (the pane's scan, in this process).
 */
static void hardware_rows(const char *lkmtui, const char *dir, int rounds)
{
	char pcipath[4096], ids[4096];
	char *lk[] = { (char *)lkmtui, "hardware", "--root", (char *)dir, NULL };
	char *ls[] = { "lspci", "-k", "-A", "linux-sysfs", "-O", pcipath, NULL };
	struct lkm_sysroot *root;
	struct lkm_hardware hw = { 0 };
	double l, p, t0;

	/* Both name the devices from the host's pci.ids. */
	snprintf(ids, sizeof(ids), "%s/usr/share/misc/pci.ids", dir);
	if (copy_file("/usr/share/misc/pci.ids", ids) < 0)
		printf("(no pci.ids on this machine: neither names the devices)\n");
	snprintf(pcipath, sizeof(pcipath), "sysfs.path=%s/sys/bus/pci", dir);
	l = spawn_cpu(lk, rounds);
	p = spawn_cpu(ls, rounds);
	printf("%-34s %9.3f ms %12s\n", "lkmtui hardware (PCI and USB)", l * 1e3, "");
	if (p < 0)
		printf("%-34s %12s\n", "lspci -k (PCI)", "(lspci not installed)");
	else
		printf("%-34s %9.3f ms   %.2fx lkmtui's\n", "lspci -k (PCI)", p * 1e3,
		       l > 0 ? p / l : 0);
	if (lkm_sysroot_new(dir, &root) < 0)
		return;
	lkm_hardware_scan(root, NULL, NULL, &hw); /* warm */
	lkm_hardware_release(&hw);
	t0 = cpu_now();
	for (int r = 0; r < rounds * 10; r++) {
		lkm_hardware_scan(root, NULL, NULL, &hw);
		lkm_hardware_release(&hw);
	}
	t0 = (cpu_now() - t0) / (rounds * 10);
	printf("%-34s %9.3f ms   (every device read: the pane after a change)\n",
	       "Hardware pane scan", t0 * 1e3);
	t0 = cpu_now();
	for (int r = 0; r < rounds * 10; r++) {
		unsigned long long stamp;

		lkm_hardware_stamp(root, &stamp);
	}
	t0 = (cpu_now() - t0) / (rounds * 10);
	printf("%-34s %9.3f ms   (the buses' listings: the pane when nothing changed)\n",
	       "Hardware pane refresh", t0 * 1e3);
	lkm_sysroot_free(root);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Reads what the TUI on FD writes for MS milliseconds (so it never blocks on a full pty).
 */
static void drain(int fd, int ms)
{
	char buf[65536];
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long left;

		clock_gettime(CLOCK_MONOTONIC, &t);
		left = ms - ((t.tv_sec - t0.tv_sec) * 1000 +
			     (t.tv_nsec - t0.tv_nsec) / 1000000);
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return;
		if (read(fd, buf, sizeof(buf)) <= 0)
			return;
	}
}

/* The peak resident size of process PID in KiB (its VmHWM), or -1. */
static long vm_hwm(pid_t pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/*
 * The real lkmtui on a pseudo-terminal (200x60) on DIR, showing PANE: REFRESHES refreshes
 * by hand ('R', so the count is exact; the interval is an hour), then 'q'. Returns the
 * whole process' CPU seconds (drawing, start and exit included) and its peak RSS in KiB.
 */
static int pty_run(const char *lkmtui, const char *dir, const char *cfg, int refreshes,
		   double *cpu, long *maxrss_kib)
{
	struct winsize ws = { .ws_row = 60, .ws_col = 200 };
	struct rusage ru;
	int fd, st;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0)
		return -errno;
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(lkmtui, "lkmtui", "--root", dir, "--config", cfg, (char *)NULL);
		_exit(127);
	}
	drain(fd, 1500); /* started, first screen drawn */
	for (int i = 0; i < refreshes; i++) {
		if (write(fd, "R", 1) != 1)
			break;
		drain(fd, 15);
	}
	drain(fd, 500);
	/* VmHWM of the running program: wait4's ru_maxrss would also count what the
	 * forked bench held before the exec. */
	*maxrss_kib = vm_hwm(pid);
	if (write(fd, "q", 1) != 1)
		kill(pid, SIGTERM);
	drain(fd, 500);
	if (wait4(pid, &st, 0, &ru) < 0)
		return -errno;
	close(fd);
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -ECHILD;
}

/* CPU per refresh of the whole lkmtui as top sees it, and its peak RSS (VmHWM). */
static void pty_row(const char *name, const char *lkmtui, const char *dir,
		    const char *pane)
{
	char cfg[] = "/tmp/lkmtui-bench-cfg.XXXXXX";
	int fd = mkstemp(cfg), n = 200;
	double cpu0, cpu1;
	long rss0, rss1;
	FILE *f;

	if (fd < 0 || (f = fdopen(fd, "w")) == NULL)
		return;
	fprintf(f, "[display]\ninterval = 3600\ncolor = no\npane = %s\n", pane);
	fclose(f);
	if (pty_run(lkmtui, dir, cfg, 0, &cpu0, &rss0) < 0 ||
	    pty_run(lkmtui, dir, cfg, n, &cpu1, &rss1) < 0) {
		printf("%-34s (%s did not run on a pty)\n", name, lkmtui);
	} else {
		printf("%-34s %-10s %9.3f ms %8.1f MiB   (start, one screen, exit: %.1f "
		       "ms, %.1f MiB)\n",
		       name, pane, (cpu1 - cpu0) / n * 1e3,
		       (double)(rss1 > rss0 ? rss1 : rss0) / 1024, cpu0 * 1e3,
		       (double)rss0 / 1024);
	}
	remove(cfg);
}

/* bench --refresh ROUNDS: only the TUI refresh on the large host, for a profiler; with
 * ROUNDS 0, only the whole ./lkmtui on a pty (run it where ./lkmtui is the build to
 * measure). */
static int refresh_only(int rounds)
{
	const struct largehost_shape large = { 1000, 256, 300, 200, 0, 0 };
	char dir[] = "/tmp/lkmtui-bench.XXXXXX";

	if (mkdtemp(dir) == NULL || largehost_write(dir, &large) < 0) {
		perror("bench: writing the synthetic host");
		return 1;
	}
	if (rounds > 0)
		tui_row("1000 modules, 256 CPUs, 200 ifaces", dir, rounds);
	else
		for (size_t i = 0; i < 3; i++)
			pty_row("1000 modules, 256 CPUs, 200 ifaces", "./lkmtui", dir,
				(const char *[]){ "modules", "interrupts",
						  "network" }[i]);
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* bench --hardware: the devices' rows alone (the last part of the whole bench). */
static int hardware_only(void)
{
	const struct largehost_shape devs = { 10, 4, 10, 4, 2000, 500 };
	char dir[] = "/tmp/lkmtui-bench.XXXXXX";

	printf("\nDevices: 2,000 PCI functions, 500 USB devices; CPU per run\n");
	if (mkdtemp(dir) == NULL || largehost_write(dir, &devs) < 0) {
		perror("bench: writing the synthetic host");
		return 1;
	}
	hardware_rows("./lkmtui", dir, 20);
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

int main(int argc, char **argv)
{
	const char *fixtures = argc > 1 ? argv[1] : "tests/fixtures";
	const struct largehost_shape large = { 1000, 256, 300, 200, 0, 0 };

	if (argc > 2 && strcmp(argv[1], "--refresh") == 0)
		return refresh_only(atoi(argv[2]));
	if (argc > 1 && strcmp(argv[1], "--hardware") == 0)
		return hardware_only();
	const struct largehost_shape issue = { 300, 128, 200, 50, 0, 0 };
	char dir[] = "/tmp/lkmtui-bench.XXXXXX";
	char dir2[] = "/tmp/lkmtui-bench.XXXXXX";
	char path[4096];

	if (mkdtemp(dir) == NULL || mkdtemp(dir2) == NULL ||
	    largehost_write(dir, &large) < 0 || largehost_write(dir2, &issue) < 0) {
		perror("bench: writing the synthetic hosts");
		return 1;
	}
	printf("CPU per refresh (all sources of the row), against reading the same "
	       "bytes\n");
	printf("%-34s %13s %12s %12s %7s %12s\n", "host", "bytes", "snapshot",
	       "read only", "ratio", "cat(1)");
	row("1000 modules, 256 CPUs, 200 ifaces", dir, LKM_SRC_ALL, 200);
	row("300 modules, 128 CPUs, 50 ifaces", dir2, LKM_SRC_ALL, 400);
	snprintf(path, sizeof(path), "%s/debian61", fixtures);
	row("Debian 6.1 guest (captured)", path, LKM_SRC_ALL, 2000);
	/* The 1,152-CPU capture is a bare file: give it a root of its own. */
	snprintf(path, sizeof(path), "%s/proc", dir2);
	{
		char src[4096], dst[4096];

		snprintf(src, sizeof(src), "%s/realdata/pcp/interrupts-1152cpu-x86_64",
			 fixtures);
		if (realpath(src, dst) != NULL) {
			snprintf(src, sizeof(src), "%s/proc/interrupts", dir2);
			remove(src);
			if (symlink(dst, src) == 0)
				row("1,152-CPU interrupts (pcp capture)", dir2,
				    LKM_SRC_INTERRUPTS, 20);
		}
	}
	printf("\nCPU per TUI refresh: snapshot + rates + the four views rebuilt (no "
	       "drawing)\n");
	tui_row("1000 modules, 256 CPUs, 200 ifaces", dir, 100);
	snprintf(path, sizeof(path), "%s/debian61", fixtures);
	tui_row("Debian 6.1 guest (captured)", path, 1000);
	printf("\nThe whole lkmtui on a 200x60 pty, drawing included: CPU per refresh, "
	       "peak RSS\n");
	pty_row("1000 modules, 256 CPUs, 200 ifaces", "./lkmtui", dir, "modules");
	pty_row("1000 modules, 256 CPUs, 200 ifaces", "./lkmtui", dir, "interrupts");
	pty_row("1000 modules, 256 CPUs, 200 ifaces", "./lkmtui", dir, "network");
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	hardware_only();
	nftw(dir2, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
