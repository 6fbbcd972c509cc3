// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fault injection for whole-program tests: an LD_PRELOAD library that makes one memory
 * allocation of lkmtui's own code fail, or the write of lkmtui.conf's temporary file fail
 * (a full disk) or be interrupted by a signal. Only allocations made from the lkmtui
 * executable itself count (the caller's return address is inside it): a failure inside
 * libkmod or libc would test those libraries, not lkmtui.
 *
 * Environment:
 *   LKMTUI_FAULT_ALLOC=N          the Nth counted allocation (malloc, calloc, realloc,
 *                                 strdup, strndup, vasprintf) returns NULL with ENOMEM.
 *   LKMTUI_FAULT_ALLOC_COUNT=FILE at exit, the number of counted allocations is written
 *                                 to FILE (to know how far to sweep N).
 *   LKMTUI_FAULT_TRACE=1          the failing allocation's call stack goes to stderr.
 *   LKMTUI_FAULT_WRITE=ERRNO      write(2) to a file named ".lkmtui.conf.*" fails with
 *                                 ERRNO (a number) after writing nothing.
 *   LKMTUI_FAULT_WRITE_SIGNAL=SIG before such a write, the process sends itself SIG.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);

static uintptr_t exe_lo, exe_hi;
static long fail_at, counted;

static int find_exe(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	/* The first object is the program itself. */
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;

		if (ph->p_type != PT_LOAD)
			continue;
		if (exe_lo == 0 || lo < exe_lo)
			exe_lo = lo;
		if (hi > exe_hi)
			exe_hi = hi;
	}
	return 1;
}

static void write_count(void)
{
	const char *path = getenv("LKMTUI_FAULT_ALLOC_COUNT");
	char line[32];
	int fd, len;

	if (path == NULL || *path == '\0')
		return;
	len = snprintf(line, sizeof(line), "%ld\n", counted);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)len) < 0) {
		/* the sweep will see no count */
	}
	close(fd);
}

__attribute__((constructor)) static void init(void)
{
	const char *n = getenv("LKMTUI_FAULT_ALLOC");

	fail_at = n ? atol(n) : 0;
	dl_iterate_phdr(find_exe, NULL);
	atexit(write_count);
}

/* Whether this allocation, called from CALLER, is the one to fail. */
static int should_fail(void *caller)
{
	uintptr_t a = (uintptr_t)caller;

	if (exe_hi == 0 || a < exe_lo || a >= exe_hi)
		return 0;
	counted++;
	if (counted == fail_at) {
		/* Where, for a person chasing a failure: addr2line -f -e lkmtui
		 * +OFFSET... */
		if (getenv("LKMTUI_FAULT_TRACE")) {
			void *frames[16];

			backtrace_symbols_fd(frames, backtrace(frames, 16), 2);
		}
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *malloc(size_t size)
{
	if (should_fail(__builtin_return_address(0)))
		return NULL;
	return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	if (should_fail(__builtin_return_address(0)))
		return NULL;
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	if (should_fail(__builtin_return_address(0)))
		return NULL;
	return __libc_realloc(p, size);
}

char *strdup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *p;

	if (should_fail(__builtin_return_address(0)))
		return NULL;
	p = __libc_malloc(len);
	return p ? memcpy(p, s, len) : NULL;
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p;

	if (should_fail(__builtin_return_address(0)))
		return NULL;
	p = __libc_malloc(len + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int vasprintf(char **out, const char *fmt, va_list ap)
{
	va_list copy;
	int len;

	if (should_fail(__builtin_return_address(0))) {
		*out = NULL;
		return -1;
	}
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0 || (*out = __libc_malloc((size_t)len + 1)) == NULL)
		return -1;
	return vsnprintf(*out, (size_t)len + 1, fmt, ap);
}

int asprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vasprintf(out, fmt, ap);
	va_end(ap);
	return len;
}

/* Whether FD is lkmtui.conf's temporary file. */
static int is_conf_temp(int fd)
{
	char link[64], path[4096];
	const char *base;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	base = strrchr(path, '/');
	return base && strncmp(base + 1, ".lkmtui.conf.", 13) == 0 &&
	       strcmp(base + 1, ".lkmtui.conf.lock") != 0;
}

ssize_t write(int fd, const void *buf, size_t count)
{
	const char *err = getenv("LKMTUI_FAULT_WRITE");
	const char *sig = getenv("LKMTUI_FAULT_WRITE_SIGNAL");

	if (((err && *err) || (sig && *sig)) && is_conf_temp(fd)) {
		if (sig && *sig)
			kill(getpid(), atoi(sig));
		if (err && *err) {
			errno = atoi(err);
			return -1;
		}
	}
	return syscall(SYS_write, fd, buf, count);
}
