/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * What modfile.c (opening a module file, and what it says) and modfile_elf.c (reading
 * its ELF image, every offset checked) share, and nothing else includes.
 */

#include <stdbool.h>
#include <stddef.h>

#include <libelf.h>

#include "core/modfile.h"

struct info_entry {
	const char *key;
	const char *value;
};

struct lkm_modfile {
	char *path;
	const char *compression;
	unsigned char *data; /* decompressed bytes, signature included */
	size_t size;
	size_t elf_size; /* the ELF image: data without the signature */
	Elf *elf;

	int elf_class;
	bool big_endian;
	unsigned machine;
	unsigned type;
	const char *machine_name;
	const char *type_name;
	char machine_buf[32];
	char type_buf[32];

	const char **sections;
	size_t n_sections;
	bool has_modinfo, has_this_module, has_versions;

	char *modinfo;
	struct info_entry *info;
	size_t n_info;

	char *depends_buf;
	const char **depends;
	size_t n_depends;

	struct lkm_modfile_param *params;
	size_t n_params;

	const char **undef;
	size_t n_undef;

	struct lkm_modfile_export *exports;
	size_t n_exports;

	struct lkm_modfile_version *versions;
	size_t n_versions;

	struct lkm_modfile_signature sig;
};

/* Fills WHY (may be NULL) with ERR and the formatted reason; returns ERR. */
int modfile_fail(struct lkm_modfile_error *why, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* modfile_fail for -ENOMEM. */
int modfile_no_memory(struct lkm_modfile_error *why);

/* Reads the SIZE decompressed BYTES (MF takes them) as a module: the signature, the ELF
 * header, the sections, .modinfo, the undefined and exported symbols, __versions. Returns
 * 0 or -errno with WHY filled. */
int modfile_inspect(struct lkm_modfile *mf, unsigned char *bytes, size_t size,
		    struct lkm_modfile_error *why);
