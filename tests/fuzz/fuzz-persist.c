// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the modprobe.d reader and writer (src/core/persist.c): the
 * input's first line is a module name, the rest becomes lkmtui.conf under a scratch root.
 * Its options for the module are read, then new ones written and read back: what is read
 * must be exactly what was written, whatever the file held around it (comments,
 * continuation lines, quotes, other modules, a last line without a newline).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/persist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;
static char dir[64];
static struct lkm_sysroot *root;

static void setup(void)
{
	char path[96];

	/* tmpfs when there is one: every write is fsync'ed. */
	snprintf(dir, sizeof(dir), "%s/fuzz-persist.%d",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
	snprintf(path, sizeof(path), "%s/etc", dir);
	if (mkdir(dir, 0700) < 0 || mkdir(path, 0700) < 0 ||
	    lkm_sysroot_new(dir, &root) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/etc/modprobe.d", dir);
	if (mkdir(path, 0700) < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const params[] = { "debug=2", "name=a b", "flag" };
	char module[64], path[128], **got = NULL;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t mlen = nl ? (size_t)(nl - data) : 0;
	struct lkm_persist_result res;
	struct lkm_params split;
	FILE *f;
	int n, err;

	if (root == NULL)
		setup();
	if (nl == NULL || mlen == 0 || mlen >= sizeof(module))
		return 0;
	memcpy(module, data, mlen);
	module[mlen] = '\0';
	if (strlen(module) != mlen)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", dir, "etc/modprobe.d/lkmtui.conf");
	f = fopen(path, "w");
	if (f == NULL || fwrite(nl + 1, 1, size - mlen - 1, f) != size - mlen - 1 ||
	    fclose(f))
		abort();
	n = lkm_persist_read(root, module, &got);
	if (n >= 0)
		for (int i = 0; i < n; i++)
			sink += strlen(got[i]);
	lkm_strv_freev(got);
	if (lkm_params_parse(params, 3, &split) < 0)
		abort();
	err = lkm_persist_options(root, module, &split, &res);
	lkm_params_release(&split);
	if (err < 0)
		return 0; /* a name refused: nothing written */
	n = lkm_persist_read(root, module, &got);
	if (n != 3)
		abort();
	for (int i = 0; i < 3; i++)
		if (strcmp(got[i], params[i]) != 0)
			abort();
	lkm_strv_freev(got);
	/* Removing the line leaves none for the module. */
	if (lkm_persist_options(root, module, NULL, &res) < 0 ||
	    lkm_persist_read(root, module, &got) != 0)
		abort();
	lkm_strv_freev(got);
	return 0;
}
