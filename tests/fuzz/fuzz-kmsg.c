// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the kernel-log reader (src/core/kmsg.c): each input is one
 * record for lkm_kmsg_parse_record, and then the whole of a regular file standing for
 * /dev/kmsg under a scratch root, read by lkm_kmsg_follow (all modules, then one, keeping
 * a few lines) as the TUI's log strip reads it. Every line handed out is read back.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kmsg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;
static char dir[64];
static struct lkm_sysroot *root;

static void setup(void)
{
	char path[96];

	snprintf(dir, sizeof(dir), "/tmp/fuzz-kmsg.%d", (int)getpid());
	snprintf(path, sizeof(path), "%s/dev", dir);
	if (mkdir(dir, 0700) < 0 || mkdir(path, 0700) < 0 ||
	    lkm_sysroot_new(dir, &root) < 0)
		abort();
}

static void touch(const struct lkm_kmsg *k)
{
	size_t n = 0;

	for (size_t i = 0; i < k->n; i++) {
		n += strlen(k->lines[i]);
		n += lkm_kmsg_line_from(k->lines[i], "ne2k-pci");
	}
	sink = n;
}

static void follow(const char *module, size_t keep)
{
	struct lkm_kmsg k;

	memset(&k, 0, sizeof(k));
	lkm_kmsg_begin(&k, root);
	/* begin moves to the end: start over from the file's first byte. */
	if (k.fd >= 0 && lseek(k.fd, 0, SEEK_SET) == 0) {
		if (lkm_kmsg_follow(&k, module, keep) >= 0)
			touch(&k);
		if (keep && k.n > keep)
			abort();
	}
	lkm_kmsg_end(&k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[96];
	char *line;
	FILE *f;

	if (root == NULL)
		setup();
	line = lkm_kmsg_parse_record((const char *)data, size);
	if (line != NULL) {
		sink = strlen(line) + lkm_kmsg_line_from(line, "fat");
		free(line);
	}
	snprintf(path, sizeof(path), "%s/dev/kmsg", dir);
	f = fopen(path, "w");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	follow(NULL, 0);
	follow("fat", 3);
	return 0;
}
