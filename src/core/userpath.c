// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "core/userpath.h"

static int refusal(mode_t mode, enum lkm_userpath_want want)
{
	if (want == LKM_USERPATH_DIR)
		return S_ISDIR(mode) ? 0 : -ENOTDIR;
	if (S_ISDIR(mode))
		return -EISDIR;
	return S_ISREG(mode) ? 0 : -EINVAL;
}

int lkm_userpath_open(const char *path, enum lkm_userpath_want want, mode_t *mode)
{
	int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	struct stat before, st;
	int fd, err;

	if (mode)
		*mode = 0;
	if (stat(path, &before) < 0)
		return -errno;
	if (mode)
		*mode = before.st_mode;
	err = refusal(before.st_mode, want);
	if (err < 0)
		return err;
	fd = open(path, flags | (want == LKM_USERPATH_DIR ? O_DIRECTORY : 0));
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	if (mode)
		*mode = st.st_mode;
	/* Replaced between the stat and the open: judge what was opened. */
	err = refusal(st.st_mode, want);
	if (err == 0 && (st.st_dev != before.st_dev || st.st_ino != before.st_ino))
		err = -EAGAIN;
	if (err < 0) {
		close(fd);
		return err;
	}
	return fd;
}

const char *lkm_userpath_kind(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return _("a regular file");
	case S_IFDIR: return _("a directory");
	case S_IFIFO: return _("a FIFO (named pipe)");
	case S_IFCHR: return _("a character device");
	case S_IFBLK: return _("a block device");
	case S_IFSOCK: return _("a socket");
	}
	return _("a special file");
}
