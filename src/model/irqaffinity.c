// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/irqaffinity.h"

/* Reads the small file PATH under ROOT into BUF (trimmed); "" and -errno on failure. */
static int read_small(const struct lkm_sysroot *root, const char *path, char *buf,
		      size_t size)
{
	int fd = lkm_sysroot_open(root, path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	int err = 0;

	buf[0] = '\0';
	if (fd < 0)
		return fd;
	n = read(fd, buf, size - 1);
	if (n < 0)
		err = -errno;
	close(fd);
	if (err < 0)
		return err;
	while (n > 0 && isspace((unsigned char)buf[n - 1]))
		n--;
	buf[n] = '\0';
	return 0;
}

int lkm_irq_affinity_read(const struct lkm_sysroot *root, unsigned irq,
			  struct lkm_irq_affinity *out)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/irq/%u/smp_affinity_list", irq);
	out->affinity_err = read_small(root, path, out->affinity, sizeof(out->affinity));
	snprintf(path, sizeof(path), "/proc/irq/%u/effective_affinity_list", irq);
	out->effective_err =
		read_small(root, path, out->effective, sizeof(out->effective));
	return out->affinity_err;
}

int lkm_cpus_online(const struct lkm_sysroot *root, struct lkm_cpuset *out)
{
	char text[1024];
	int err = read_small(root, "/sys/devices/system/cpu/online", text, sizeof(text));

	memset(out, 0, sizeof(*out));
	return err < 0 ? err : lkm_cpuset_parse(out, text);
}

bool lkm_irq_number(const char *label, unsigned *irq)
{
	unsigned long v = 0;

	if (!isdigit((unsigned char)*label))
		return false;
	for (; *label; label++) {
		if (!isdigit((unsigned char)*label))
			return false;
		v = v * 10 + (unsigned long)(*label - '0');
		if (v > 0xffffff)
			return false;
	}
	*irq = (unsigned)v;
	return true;
}
