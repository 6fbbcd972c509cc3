// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/replace.h"

int lkm_replace_file(const char *path, const char *data, size_t len, mode_t mode)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	/* "f" is in ".", "/f" in "/", "d/f" in "d". */
	int dirlen = slash == NULL || slash == path ? 1 : (int)(slash - path);
	char tmp[PATH_MAX], dirpath[PATH_MAX];
	int fd, dfd, err = 0;

	if (*base == '\0')
		return -EISDIR;
	if (snprintf(dirpath, sizeof(dirpath), "%.*s", dirlen, slash ? path : ".") >=
		    (int)sizeof(dirpath) ||
	    snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dirpath, base) >=
		    (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fchmod(fd, mode) < 0)
		err = -errno;
	while (err == 0 && len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err = w < 0 ? -errno : -EIO;
			break;
		}
		data += w;
		len -= (size_t)w;
	}
	if (err == 0 && fsync(fd) < 0)
		err = -errno;
	if (close(fd) < 0 && err == 0)
		err = -errno;
	if (err == 0 && rename(tmp, path) < 0)
		err = -errno;
	if (err < 0) {
		unlink(tmp);
		return err;
	}
	/* The rename itself reaches the disk with the directory. */
	dfd = open(dirpath, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return 0;
}
