/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/sysroot.h"

/*
 * A whole file in one buffer, reused from one read to the next so that a
 * steady refresh allocates nothing. data is NUL-terminated (data[len] == 0),
 * so parsers can work in place.
 */
struct lkm_buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Reads PATH under ROOT whole into BUF (growing it as needed). /proc files report size 0,
 * so this reads until EOF. Files over 256 MiB are refused with -EFBIG. Returns 0 or
 * -errno. */
int lkm_procfile_read(const struct lkm_sysroot *root, const char *path,
		      struct lkm_buf *buf);

/* Same for an fd already opened (not closed here). */
int lkm_procfile_read_fd(int fd, struct lkm_buf *buf);

/* Makes room for at least SIZE bytes plus a NUL; returns 0 or -ENOMEM. */
int lkm_buf_reserve(struct lkm_buf *buf, size_t size);

void lkm_buf_release(struct lkm_buf *buf);
