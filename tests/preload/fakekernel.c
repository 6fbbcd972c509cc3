// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A fake kernel for whole-program tests: an LD_PRELOAD library that traps the module
 * syscalls, as kmod's own testsuite does (testsuite/init_module.c, delete_module.c).
 * libkmod makes those calls inside its shared library — finit_module through
 * syscall(__NR_finit_module, ...), init_module and delete_module through glibc's
 * wrappers — where -Wl,--wrap cannot reach; so this overrides `syscall` and the named
 * `init_module`, `finit_module` and `delete_module` symbols. Nothing reaches the kernel.
 *
 * Environment:
 *   LKMTUI_FAKE_KERNEL        "name:ret:errno[,name:ret:errno...]": what a call for
 * module NAME returns (ret 0 is success; errno a number or a name such as ENOENT). Other
 * modules succeed. LKMTUI_FAKE_KERNEL_LOG    a file each call is appended to, one line:
 *                               finit_module BASENAME PARAMS   (the file's base name)
 *                               init_module NAME PARAMS        (.modinfo name in the
 * image) delete_module NAME FLAGS       (flags in decimal) " PARAMS" is left out when the
 * parameters are empty. LKMTUI_FAKE_KERNEL_SIGNAL "name:signo": after the call for module
 * NAME, the process sends itself signal SIGNO (a Ctrl-C between two steps).
 * LKMTUI_FAKE_KERNEL_DELAY "name:ms": the call for module NAME takes that long (a module
 * whose init or exit sleeps).
 *   LKMTUI_FAKE_PROC_MODULES  a /proc/modules file kept as a kernel would: an insert of a
 *                             module listed there fails with EEXIST, a delete of one not
 *                             listed with ENOENT (unless LKMTUI_FAKE_KERNEL says
 * otherwise); a successful insert appends "NAME SIZE 0 - Live 0x0", a successful delete
 * removes the module's line. LKMTUI_FAKE_SYSFS         a /sys directory kept as a kernel
 * would for parameters: a successful insert writes module/NAME/parameters/P holding the
 * value of each "P=V" it was given (the last one wins), a successful delete removes
 * module/NAME. Mode 0644, or 0444 for the names listed in LKMTUI_FAKE_READONLY ("a,b").
 *
 * A module's name: for init_module, the "name=" field of .modinfo found in the image; for
 * finit_module, the same read from the file, else its base name up to ".ko" with '-' made
 * '_'. Programs that must never reach the real kernel can check that the library is in
 * place: it defines the symbol lkmtui_fake_kernel_active.
 *
 * Built together with fakeroot.c: LKMTUI_FAKE_ROOT=DIR makes the fixture tree DIR the
 * running system, which is the only root lkmtui acts on.
 */
#include "config.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NAME_MAX_LEN 64

/* The interface this library exports (glibc's and libkmod's prototypes). */
extern const int lkmtui_fake_kernel_active;
long syscall(long number, ...);
long init_module(const void *mem, unsigned long len, const char *args);
int finit_module(int fd, const char *args, int flags);
long delete_module(const char *name, unsigned int flags);

const int lkmtui_fake_kernel_active = 1;

static const struct {
	const char *name;
	int value;
} errno_names[] = {
	{ "EPERM", EPERM },	{ "ENOENT", ENOENT },	{ "EIO", EIO },
	{ "ENOEXEC", ENOEXEC }, { "EAGAIN", EAGAIN },	{ "EWOULDBLOCK", EWOULDBLOCK },
	{ "ENOMEM", ENOMEM },	{ "EFAULT", EFAULT },	{ "EBUSY", EBUSY },
	{ "EEXIST", EEXIST },	{ "ENODEV", ENODEV },	{ "EINVAL", EINVAL },
	{ "ENOSPC", ENOSPC },	{ "ENOSYS", ENOSYS },	{ "EKEYREJECTED", EKEYREJECTED },
	{ "ENOKEY", ENOKEY },	{ "ETXTBSY", ETXTBSY }, { "EBADMSG", EBADMSG },
};

static int parse_errno(const char *s, size_t len)
{
	char buf[32], *end;
	long v;

	if (len == 0 || len >= sizeof(buf))
		return EINVAL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	for (size_t i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (strcmp(buf, errno_names[i].name) == 0)
			return errno_names[i].value;
	v = strtol(buf, &end, 10);
	return *end == '\0' && v > 0 ? (int)v : EINVAL;
}

/*
 * What LKMTUI_FAKE_KERNEL says for NAME: 1 with *RET and *ERR filled when it names it,
 * else 0. Read on every call, so that a test may change it between calls.
 */
static int rule_for(const char *name, long *ret, int *err)
{
	const char *spec = getenv("LKMTUI_FAKE_KERNEL");
	size_t nlen = strlen(name);

	for (const char *p = spec; p && *p;) {
		size_t len = strcspn(p, ",");
		const char *c1 = memchr(p, ':', len);
		const char *c2 =
			c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - p)) : NULL;

		if (c2 != NULL && (size_t)(c1 - p) == nlen &&
		    strncmp(p, name, nlen) == 0) {
			*ret = strtol(c1 + 1, NULL, 10);
			*err = parse_errno(c2 + 1, len - (size_t)(c2 + 1 - p));
			return 1;
		}
		p += len + (p[len] == ',');
	}
	return 0;
}

static void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_line(const char *fmt, ...)
{
	const char *path = getenv("LKMTUI_FAKE_KERNEL_LOG");
	char line[8192];
	va_list ap;
	int fd, len;

	if (path == NULL || *path == '\0')
		return;
	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len > sizeof(line) - 2)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	/* One write per line: calls from several processes do not interleave. */
	if (write(fd, line, (size_t)len) < 0) {
		/* nothing to do: the test will see the line missing */
	}
	close(fd);
}

/* The "name=" field of .modinfo: entries are NUL-separated, so it follows a NUL. */
static int name_from_image(const void *mem, size_t len, char *out, size_t size)
{
	const char *p = mem, *end = p + len;

	for (const char *q = p; q + 5 < end; q++) {
		const char *v, *stop;

		if ((q != p && q[-1] != '\0') || memcmp(q, "name=", 5) != 0)
			continue;
		v = q + 5;
		stop = memchr(v, '\0', (size_t)(end - v));
		if (stop == NULL || stop == v || (size_t)(stop - v) >= size)
			continue;
		memcpy(out, v, (size_t)(stop - v));
		out[stop - v] = '\0';
		return 0;
	}
	return -1;
}

static void name_from_base(const char *base, char *out, size_t size)
{
	const char *ko = strstr(base, ".ko");
	size_t len = ko ? (size_t)(ko - base) : strlen(base);

	if (len >= size)
		len = size - 1;
	memcpy(out, base, len);
	out[len] = '\0';
	for (char *c = out; *c; c++)
		if (*c == '-')
			*c = '_';
}

/* "NAME " at the start of a line of the fake /proc/modules. */
static const char *find_line(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = text; l && *l;
	     l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (strncmp(l, name, n) == 0 && l[n] == ' ')
			return l;
	return NULL;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "re");
	char *text = NULL;
	size_t len = 0;

	if (f == NULL)
		return NULL;
	if (getdelim(&text, &len, '\0', f) < 0) {
		free(text);
		text = strdup("");
	}
	fclose(f);
	return text;
}

/* Whether NAME is listed: 1, 0, or -1 when no fake /proc/modules is kept. */
static int listed(const char *name)
{
	const char *path = getenv("LKMTUI_FAKE_PROC_MODULES");
	char *text;
	int found;

	if (path == NULL || *path == '\0')
		return -1;
	text = slurp(path);
	found = text != NULL && find_line(text, name) != NULL;
	free(text);
	return found;
}

static void proc_add(const char *name, size_t size)
{
	const char *path = getenv("LKMTUI_FAKE_PROC_MODULES");
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "ae")) == NULL)
		return;
	fprintf(f, "%s %zu 0 - Live 0x0\n", name, size);
	fclose(f);
}

static void proc_remove(const char *name)
{
	const char *path = getenv("LKMTUI_FAKE_PROC_MODULES");
	char *text;
	const char *line;
	FILE *f;

	if (path == NULL || *path == '\0' || (text = slurp(path)) == NULL)
		return;
	line = find_line(text, name);
	if (line != NULL && (f = fopen(path, "we")) != NULL) {
		const char *next = strchr(line, '\n');

		fwrite(text, 1, (size_t)(line - text), f);
		if (next != NULL)
			fputs(next + 1, f);
		fclose(f);
	}
	free(text);
}

/* The number after "NAME:" in the variable VAR ("name:number"), or 0. */
static long number_for(const char *var, const char *name)
{
	const char *spec = getenv(var);
	size_t nlen = strlen(name);

	if (spec && strncmp(spec, name, nlen) == 0 && spec[nlen] == ':')
		return atol(spec + nlen + 1);
	return 0;
}

/* LKMTUI_FAKE_KERNEL_SIGNAL: the signal to send after the call for NAME, or 0. */
static int signal_after(const char *name)
{
	return (int)number_for("LKMTUI_FAKE_KERNEL_SIGNAL", name);
}

static int listed_in(const char *list, const char *name, size_t len)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ",");

		if (n == len && strncmp(p, name, len) == 0)
			return 1;
		p += n + (p[n] == ',');
	}
	return 0;
}

static void sysfs_add(const char *name, const char *args)
{
	const char *sys = getenv("LKMTUI_FAKE_SYSFS");
	char path[4096];

	if (sys == NULL || *sys == '\0')
		return;
	snprintf(path, sizeof(path), "%s/module", sys);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/module/%s", sys, name);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/module/%s/parameters", sys, name);
	mkdir(path, 0755);
	for (const char *p = args; p && *p;) {
		size_t len = strcspn(p, " "), nlen = strcspn(p, "= ");
		int ro = listed_in(getenv("LKMTUI_FAKE_READONLY"), p, nlen);
		FILE *f;

		if (nlen < len) {
			snprintf(path, sizeof(path), "%s/module/%s/parameters/%.*s", sys,
				 name, (int)nlen, p);
			chmod(path, 0644);
			f = fopen(path, "we");
			if (f != NULL) {
				fprintf(f, "%.*s\n", (int)(len - nlen - 1), p + nlen + 1);
				fclose(f);
			}
			chmod(path, ro ? 0444 : 0644);
		}
		p += len;
		p += strspn(p, " ");
	}
}

static void sysfs_remove(const char *name)
{
	const char *sys = getenv("LKMTUI_FAKE_SYSFS");
	char path[4096];
	DIR *d;
	struct dirent *e;

	if (sys == NULL || *sys == '\0')
		return;
	snprintf(path, sizeof(path), "%s/module/%s/parameters", sys, name);
	d = opendir(path);
	while (d != NULL && (e = readdir(d)) != NULL) {
		char file[4096 + 256];

		if (e->d_name[0] == '.')
			continue;
		snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
		unlink(file);
	}
	if (d != NULL)
		closedir(d);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/module/%s", sys, name);
	rmdir(path);
}

/* The verdict for an insert (INSERT) or a delete of NAME: 0, or -1 with errno set. */
static long verdict(const char *name, int insert)
{
	int sig = signal_after(name);
	long ms = number_for("LKMTUI_FAKE_KERNEL_DELAY", name); /* the call's time */
	long ret;
	int err;

	if (ms > 0) {
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

		while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
			;
	}

	if (sig > 0) {
		int saved = errno;
		long v;

		setenv("LKMTUI_FAKE_KERNEL_SIGNAL", "", 1);
		v = verdict(name, insert);
		saved = errno;
		kill(getpid(), sig);
		errno = saved;
		return v;
	}

	if (rule_for(name, &ret, &err)) {
		/* LKMTUI_FAKE_KERNEL_ONCE=1: the rules hold for this one call only (a
		 * failure that a fix then mends). */
		const char *once = getenv("LKMTUI_FAKE_KERNEL_ONCE");

		if (once && strcmp(once, "1") == 0)
			setenv("LKMTUI_FAKE_KERNEL", "", 1);
		if (ret == 0)
			return 0;
		errno = err;
		return ret;
	}
	switch (listed(name)) {
	case 1:
		if (insert) {
			errno = EEXIST;
			return -1;
		}
		return 0;
	case 0:
		if (!insert) {
			errno = ENOENT;
			return -1;
		}
		return 0;
	}
	return 0;
}

static long fake_init(const void *mem, unsigned long len, const char *args)
{
	char name[NAME_MAX_LEN];
	long ret;

	if (mem == NULL || name_from_image(mem, len, name, sizeof(name)) < 0) {
		log_line("init_module ? %s", args ? args : "");
		errno = ENOEXEC;
		return -1;
	}
	log_line("init_module %s%s%s", name, args && *args ? " " : "",
		 args && *args ? args : "");
	ret = verdict(name, 1);
	if (ret == 0) {
		proc_add(name, len);
		sysfs_add(name, args);
	}
	return ret;
}

static int fake_finit(int fd, const char *args, int flags)
{
	char link[64], path[4096], name[NAME_MAX_LEN];
	const char *base;
	struct stat st;
	ssize_t n;
	long ret;

	(void)flags;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0 || fstat(fd, &st) < 0) {
		errno = EBADF;
		return -1;
	}
	path[n] = '\0';
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	name_from_base(base, name, sizeof(name));
	if (st.st_size > 0) {
		void *mem = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (mem != MAP_FAILED) {
			name_from_image(mem, (size_t)st.st_size, name, sizeof(name));
			munmap(mem, (size_t)st.st_size);
		}
	}
	log_line("finit_module %s%s%s", base, args && *args ? " " : "",
		 args && *args ? args : "");
	ret = verdict(name, 1);
	if (ret == 0) {
		proc_add(name, (size_t)st.st_size);
		sysfs_add(name, args);
	}
	return (int)ret;
}

static long fake_delete(const char *name, unsigned int flags)
{
	long ret;

	if (name == NULL) {
		errno = EFAULT;
		return -1;
	}
	log_line("delete_module %s %u", name, flags);
	ret = verdict(name, 0);
	if (ret == 0) {
		proc_remove(name);
		sysfs_remove(name);
	}
	return ret;
}

long init_module(const void *mem, unsigned long len, const char *args)
{
	return fake_init(mem, len, args);
}

int finit_module(int fd, const char *args, int flags)
{
	return fake_finit(fd, args, flags);
}

long delete_module(const char *name, unsigned int flags)
{
	return fake_delete(name, flags);
}

/*
 * Every other syscall goes to the real one. There is no vsyscall(): take six arguments,
 * the most any Linux syscall has, as kmod's testsuite does; the extra ones are ignored.
 */
long syscall(long number, ...)
{
	static long (*real)(long, ...);
	long a[6];
	va_list ap;

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);

	switch (number) {
	case __NR_finit_module:
		return fake_finit((int)a[0], (const char *)a[1], (int)a[2]);
	case __NR_init_module:
		return fake_init((const void *)a[0], (unsigned long)a[1],
				 (const char *)a[2]);
	case __NR_delete_module:
		return fake_delete((const char *)a[0], (unsigned int)a[1]);
	}
	if (real == NULL) {
		real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
		if (real == NULL) {
			errno = ENOSYS;
			return -1;
		}
	}
	return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
