// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/procfile.h"

#define LKM_PROCFILE_MAX (256u << 20)

int lkm_buf_reserve(struct lkm_buf *buf, size_t size)
{
	size_t cap = buf->cap ? buf->cap : 4096;
	char *p;

	if (size >= LKM_PROCFILE_MAX)
		return -EFBIG;
	if (size < buf->cap)
		return 0;
	while (cap <= size)
		cap *= 2;
	p = realloc(buf->data, cap);
	if (p == NULL)
		return -ENOMEM;
	buf->data = p;
	buf->cap = cap;
	return 0;
}

int lkm_procfile_read_fd(int fd, struct lkm_buf *buf)
{
	int err;

	buf->len = 0;
	for (;;) {
		ssize_t n;

		/* Keep a page free so a /proc read is never split into tiny reads. */
		err = lkm_buf_reserve(buf, buf->len + 4096);
		if (err < 0)
			return err;
		n = read(fd, buf->data + buf->len, buf->cap - buf->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		buf->len += (size_t)n;
	}
	buf->data[buf->len] = '\0';
	return 0;
}

int lkm_procfile_read(const struct lkm_sysroot *root, const char *path,
		      struct lkm_buf *buf)
{
	/* O_NONBLOCK: a FIFO where a file is expected (a hostile root) must not block
	 * the open; /proc and /sys files ignore it. */
	int fd = lkm_sysroot_open(root, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	int err;

	if (fd < 0)
		return fd;
	err = lkm_procfile_read_fd(fd, buf);
	close(fd);
	return err;
}

void lkm_buf_release(struct lkm_buf *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}
