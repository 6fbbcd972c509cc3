// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A gate after each step of a real kernel operation, for tests that signal lkmtui
 * between two steps (tests/vm/scenarios/lkmtui-signals.sh): an LD_PRELOAD library that
 * lets each module syscall (finit_module, init_module, delete_module: what libkmod's
 * kmod_module_insert_module and kmod_module_remove_module call) reach the kernel, then
 * waits for a line on the FIFO named by LKMTUI_STEP_GATE before returning to lkmtui. A
 * test sees the first step done in /proc/modules, sends its signal, and lets the step
 * return: lkmtui meets the stop before the next step. A signal that interrupts the wait
 * does not end it. Unset or empty: no gate.
 *
 * libkmod makes those calls inside its shared library (finit_module through
 * syscall(__NR_finit_module, ...), the others through glibc's wrappers), so this
 * overrides `syscall` and the named symbols, as fakekernel.c does.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

long syscall(long number, ...);
long init_module(const void *mem, unsigned long len, const char *args);
int finit_module(int fd, const char *args, int flags);
long delete_module(const char *name, unsigned int flags);

/* Waits for a line on the gate, if there is one; errno is kept (it is the step's). */
static void gate(void)
{
	const char *fifo = getenv("LKMTUI_STEP_GATE");
	int saved = errno, fd;
	ssize_t n;
	char c = 0;

	if (fifo == NULL || *fifo == '\0')
		return;
	do
		fd = open(fifo, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	while (fd >= 0 && c != '\n') {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n != 1)
			break;
	}
	if (fd >= 0)
		close(fd);
	errno = saved;
}

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();
	return f;
}

long init_module(const void *mem, unsigned long len, const char *args)
{
	static long (*real)(const void *, unsigned long, const char *);
	long ret;

	if (real == NULL)
		real = (long (*)(const void *, unsigned long, const char *))next(
			"init_module");
	ret = real(mem, len, args);
	gate();
	return ret;
}

int finit_module(int fd, const char *args, int flags)
{
	static int (*real)(int, const char *, int);
	int ret;

	if (real == NULL)
		real = (int (*)(int, const char *, int))next("finit_module");
	ret = real(fd, args, flags);
	gate();
	return ret;
}

long delete_module(const char *name, unsigned int flags)
{
	static long (*real)(const char *, unsigned int);
	long ret;

	if (real == NULL)
		real = (long (*)(const char *, unsigned int))next("delete_module");
	ret = real(name, flags);
	gate();
	return ret;
}

/* Six arguments, the most any Linux syscall has, as fakekernel.c takes them. */
long syscall(long number, ...)
{
	static long (*real)(long, ...);
	long a[6], ret;
	va_list ap;

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (real == NULL)
		real = (long (*)(long, ...))next("syscall");
	ret = real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (number == __NR_finit_module || number == __NR_init_module ||
	    number == __NR_delete_module)
		gate();
	return ret;
}
