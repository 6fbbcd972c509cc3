// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A fixture tree made the running system, from outside the program: lkmtui acts only on
 * the running system's "/" (model/sysroot.c compares the --root directory with
 * stat("/")), and a whole-program test that loads, unloads or writes a parameter on a
 * fixture tree must make it that. Built into fakekernel.so (which traps the module
 * syscalls too), and linked into the unit tests that open sessions on fixture trees.
 *
 * Environment:
 *   LKMTUI_FAKE_ROOT  a directory: stat("/") answers for it, uname(2)'s release is the
 *                     tree's own (its proc/sys/kernel/osrelease, else the one directory
 *                     in its lib/modules; the machine stays the host's), and nothing is
 *                     written to the system log (openlog, syslog: the host's log is not
 *                     the fake kernel's). Unset or empty: every call is the real one,
 *                     except the system log, which a process under this library never
 *                     writes.
 */
#include "config.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <syslog.h>
#include <unistd.h>

/* glibc's fortified syslog entry points (used under _FORTIFY_SOURCE). */
void __syslog_chk(int priority, int flag, const char *fmt, ...);
void __vsyslog_chk(int priority, int flag, const char *fmt, va_list ap);

static const char *fake_root(void)
{
	const char *dir = getenv("LKMTUI_FAKE_ROOT");

	return dir && *dir ? dir : NULL;
}

int stat(const char *restrict path, struct stat *restrict st)
{
	static int (*real)(const char *restrict, struct stat *restrict);
	const char *dir = fake_root();

	if (real == NULL) {
		real = (int (*)(const char *restrict, struct stat *restrict))dlsym(
			RTLD_NEXT, "stat");
		if (real == NULL) {
			errno = ENOSYS;
			return -1;
		}
	}
	if (dir != NULL && strcmp(path, "/") == 0)
		path = dir;
	return real(path, st);
}

/* The first word of DIR/proc/sys/kernel/osrelease into OUT; 0, or -1. */
static int osrelease(const char *dir, char *out, size_t size)
{
	char path[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/proc/sys/kernel/osrelease", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, out, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	out[n] = '\0';
	out[strcspn(out, " \t\r\n")] = '\0';
	return *out ? 0 : -1;
}

/* The name of the one directory in DIR/lib/modules into OUT; 0, or -1. */
static int only_release(const char *dir, char *out, size_t size)
{
	char path[4096];
	struct dirent *e;
	struct stat st;
	int found = 0;
	DIR *d;

	*out = '\0';
	snprintf(path, sizeof(path), "%s/lib/modules", dir);
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || fstatat(dirfd(d), e->d_name, &st, 0) < 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		if (found++ == 0 && strlen(e->d_name) < size)
			memcpy(out, e->d_name, strlen(e->d_name) + 1);
	}
	closedir(d);
	return found == 1 && *out ? 0 : -1;
}

int uname(struct utsname *u)
{
	static int (*real)(struct utsname *);
	const char *dir = fake_root();
	char release[sizeof(u->release)];

	if (real == NULL) {
		real = (int (*)(struct utsname *))dlsym(RTLD_NEXT, "uname");
		if (real == NULL) {
			errno = ENOSYS;
			return -1;
		}
	}
	if (real(u) < 0)
		return -1;
	if (dir != NULL && (osrelease(dir, release, sizeof(release)) == 0 ||
			    only_release(dir, release, sizeof(release)) == 0))
		memcpy(u->release, release, sizeof(release));
	return 0;
}

void openlog(const char *ident, int option, int facility)
{
	(void)ident;
	(void)option;
	(void)facility;
}

void closelog(void)
{
}

void syslog(int priority, const char *fmt, ...)
{
	(void)priority;
	(void)fmt;
}

void vsyslog(int priority, const char *fmt, va_list ap)
{
	(void)priority;
	(void)fmt;
	(void)ap;
}

void __syslog_chk(int priority, int flag, const char *fmt, ...)
{
	(void)priority;
	(void)flag;
	(void)fmt;
}

void __vsyslog_chk(int priority, int flag, const char *fmt, va_list ap)
{
	(void)priority;
	(void)flag;
	(void)fmt;
	(void)ap;
}
