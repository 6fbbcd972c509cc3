// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/replace.h"

/* The signals that end a program at a terminal or from a service manager, blocked. */
static void hold_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, old);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? -errno : -EIO;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Writes DATA to the temporary file TMP (a mkostemp template) and renames it over PATH;
 * on failure TMP is removed. */
static int write_and_rename(char *tmp, const char *path, const char *data, size_t len,
			    mode_t mode)
{
	int fd = mkostemp(tmp, O_CLOEXEC), err;

	if (fd < 0)
		return -errno;
	err = fchmod(fd, mode) < 0 ? -errno : 0;
	if (err == 0)
		err = write_all(fd, data, len);
	if (err == 0 && fsync(fd) < 0)
		err = -errno;
	if (close(fd) < 0 && err == 0)
		err = -errno;
	if (err == 0 && rename(tmp, path) < 0)
		err = -errno;
	if (err < 0)
		unlink(tmp);
	return err;
}

int lkm_replace_file(const char *path, const char *data, size_t len, mode_t mode,
		     unsigned flags)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	/* "f" is in ".", "/f" in "/", "d/f" in "d". */
	int dirlen = slash == NULL || slash == path ? 1 : (int)(slash - path);
	char tmp[PATH_MAX], dirpath[PATH_MAX];
	sigset_t old;
	int dfd, err;

	if (*base == '\0')
		return -EISDIR;
	if (snprintf(dirpath, sizeof(dirpath), "%.*s", dirlen, slash ? path : ".") >=
		    (int)sizeof(dirpath) ||
	    snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dirpath, base) >=
		    (int)sizeof(tmp))
		return -ENAMETOOLONG;
	if (flags & LKM_REPLACE_HOLD_SIGNALS)
		hold_signals(&old);
	err = write_and_rename(tmp, path, data, len, mode);
	if (flags & LKM_REPLACE_HOLD_SIGNALS)
		sigprocmask(SIG_SETMASK, &old, NULL);
	if (err < 0)
		return err;
	/* The rename itself reaches the disk with the directory. */
	dfd = open(dirpath, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return 0;
}
