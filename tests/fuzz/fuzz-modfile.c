// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry for the module-file reader: bytes in, through decompression and the
 * ELF checks, then every accessor walked so a bad pointer would be touched. Build with
 * clang -fsanitize=fuzzer,address,undefined; -DLKM_DECOMPRESS_MAX='((size_t)16 << 20)'
 * keeps decompression bombs from eating the fuzzer's memory limit.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/modfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void touch(const char *s)
{
	if (s)
		sink += strlen(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_modfile_error why;
	struct lkm_modfile *mf;
	const struct lkm_modfile_param *params;
	const struct lkm_modfile_version *versions;
	const struct lkm_modfile_signature *sig;
	const char *const *names;
	const char *key, *value;
	const unsigned char *bytes;
	size_t i, n, pos = 0;

	if (lkm_modfile_open_mem(data, size, &mf, &why) < 0) {
		sink += strlen(why.reason);
		return 0;
	}
	bytes = lkm_modfile_data(mf, &n);
	if (n)
		sink += bytes[0] + bytes[n - 1];
	touch(lkm_modfile_compression(mf));
	touch(lkm_modfile_machine_name(mf));
	touch(lkm_modfile_type_name(mf));
	sink += (size_t)lkm_modfile_elf_class(mf) + lkm_modfile_big_endian(mf) +
		lkm_modfile_is_module(mf) + lkm_modfile_has_section(mf, ".symtab");
	for (i = 0; i < lkm_modfile_section_count(mf); i++)
		touch(lkm_modfile_section_name(mf, i));
	while ((value = lkm_modfile_info_next(mf, NULL, &pos, &key))) {
		touch(key);
		touch(value);
	}
	touch(lkm_modfile_info(mf, "vermagic"));
	n = lkm_modfile_depends(mf, &names);
	for (i = 0; i < n; i++)
		touch(names[i]);
	n = lkm_modfile_params(mf, &params);
	for (i = 0; i < n; i++) {
		touch(params[i].name);
		touch(params[i].type);
		touch(params[i].description);
	}
	n = lkm_modfile_undefined(mf, &names);
	for (i = 0; i < n; i++)
		touch(names[i]);
	n = lkm_modfile_versions(mf, &versions);
	for (i = 0; i < n; i++) {
		touch(versions[i].symbol);
		sink += (size_t)versions[i].crc;
	}
	sig = lkm_modfile_signature(mf);
	sink += sig->present + sig->sig_len;
	lkm_modfile_free(mf);
	return 0;
}
