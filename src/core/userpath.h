/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <sys/types.h>

/*
 * A path a person typed (a module file, a settings file): opened only when it is what the
 * caller needs. open(2) of a FIFO waits for a writer and a device's open has effects of
 * its own, so the type is checked with stat(2) before the open, the open never blocks
 * (O_NONBLOCK), and fstat(2) checks the file opened is the one stat()ed.
 */
enum lkm_userpath_want {
	LKM_USERPATH_FILE, /* a regular file */
	LKM_USERPATH_DIR,  /* a directory */
};

/*
 * Opens PATH read-only (close-on-exec). Returns the fd, or -errno: -EISDIR for a
 * directory where a file is wanted, -ENOTDIR for anything else where a directory is
 * wanted, -EINVAL for a FIFO, socket or device where a file is wanted, or open's and
 * stat's own errors. *MODE (may be NULL) gets the file's st_mode when it was found, else
 * 0.
 */
int lkm_userpath_open(const char *path, enum lkm_userpath_want want, mode_t *mode);

/* What a file of MODE is, in words ("a FIFO (named pipe)"), translated; never NULL. */
const char *lkm_userpath_kind(mode_t mode);
