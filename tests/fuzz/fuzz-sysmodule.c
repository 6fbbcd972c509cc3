// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for /sys/module/NAME reading (src/model/sysmodule.c): the input,
 * split at NUL bytes, becomes the files of a module directory under a scratch root. Each
 * piece's first byte picks the file (initstate, taint, version, srcversion, refcnt,
 * coresize, a holder, a parameter); a holder's or parameter's name runs to the first
 * newline; the rest is the content. The module is then read and everything read back.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/sysmodule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_FILES 32

static volatile size_t sink;
static char dir[64], mod[128];
static struct lkm_sysroot *root;
static char created[MAX_FILES][256];
static size_t n_created;

static void setup(void)
{
	char path[256];

	snprintf(dir, sizeof(dir), "/tmp/fuzz-sysmodule.%d", (int)getpid());
	snprintf(mod, sizeof(mod), "%s/sys/module/m", dir);
	if (mkdir(dir, 0700) < 0 || lkm_sysroot_new(dir, &root) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/sys", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/sys/module", dir);
	mkdir(path, 0700);
	mkdir(mod, 0700);
	snprintf(path, sizeof(path), "%s/holders", mod);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/parameters", mod);
	mkdir(path, 0700);
}

static void put(const char *piece, size_t len)
{
	static const char *const attrs[] = { "initstate",  "taint",  "version",
					     "srcversion", "refcnt", "coresize" };
	const size_t n_kinds = sizeof(attrs) / sizeof(attrs[0]) + 2;
	char name[65], *path = created[n_created];
	size_t kind, nlen = 0;
	FILE *f;

	if (len == 0 || n_created >= MAX_FILES)
		return;
	kind = (unsigned char)piece[0] % n_kinds;
	piece++;
	len--;
	if (kind < sizeof(attrs) / sizeof(attrs[0])) {
		snprintf(path, 256, "%s/%s", mod, attrs[kind]);
	} else {
		while (nlen < len && nlen < sizeof(name) - 1 && piece[nlen] != '\n')
			nlen++;
		memcpy(name, piece, nlen);
		name[nlen] = '\0';
		for (size_t i = 0; i < nlen; i++)
			if (name[i] == '/')
				name[i] = '_';
		if (nlen == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			return;
		snprintf(path, 256, "%s/%s/%s", mod,
			 kind == n_kinds - 2 ? "holders" : "parameters", name);
		piece += nlen;
		len -= nlen;
	}
	f = fopen(path, "w");
	if (f == NULL)
		return;
	fwrite(piece, 1, len, f);
	fclose(f);
	n_created++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_sysmodule sm;
	const char *p = (const char *)data, *end = p + size;

	if (root == NULL)
		setup();
	while (p < end) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t len = z ? (size_t)(z - p) : (size_t)(end - p);

		put(p, len);
		p += len + 1;
	}
	if (lkm_sysmodule_read(root, "m", &sm) == 0) {
		size_t n = sm.n_holders + (size_t)sm.refcnt + sm.coresize;

		if (!sm.present)
			abort();
		n += sm.initstate ? strlen(sm.initstate) : 0;
		n += sm.taint ? strlen(sm.taint) : 0;
		n += sm.version ? strlen(sm.version) : 0;
		n += sm.srcversion ? strlen(sm.srcversion) : 0;
		for (size_t i = 0; i < sm.n_holders; i++)
			n += strlen(sm.holders[i]);
		for (size_t i = 0; i < sm.n_params; i++) {
			n += strlen(sm.params[i].name);
			n += sm.params[i].value ? strlen(sm.params[i].value) : 0;
			if (lkm_sysmodule_param(&sm, sm.params[i].name) == NULL)
				abort();
		}
		sink = n;
		lkm_sysmodule_release(&sm);
	}
	for (size_t i = 0; i < n_created; i++)
		unlink(created[i]);
	n_created = 0;
	return 0;
}
