/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A kernel module file, read whole, decompressed in memory (.ko, .ko.xz, .ko.zst,
 * .ko.gz) and inspected with libelf: what the ELF header says, which sections it has,
 * .modinfo, parameters, undefined symbols, the __versions CRCs, an appended signature.
 *
 * Opening succeeds for anything that is a readable ELF object, even when it is not a
 * module (no .modinfo, not ET_REL) or not for this machine: the caller decides what
 * that means (explain.c's not-a-module, wrong-architecture). Opening fails, with a
 * reason, only when the bytes cannot be trusted: not ELF, truncated, offsets past the
 * end, unterminated strings, a corrupt compressed stream.
 *
 * Every string and array returned by an accessor belongs to the lkm_modfile and lives
 * until lkm_modfile_free(); never free them.
 */
struct lkm_modfile;

/* Why a file could not be opened: ERR is a negative errno, REASON one line of text. */
struct lkm_modfile_error {
	int err;
	char reason[256];
};

/* One declared parameter (`parm` and `parmtype` in .modinfo, joined by name). */
struct lkm_modfile_param {
	const char *name;
	const char *type; /* "int", "charp", "array of int"...; NULL if not declared */
	const char *description; /* NULL if the module gives none */
};

/* One __versions entry: the CRC the module was built against for SYMBOL. */
struct lkm_modfile_version {
	const char *symbol;
	uint64_t crc;
};

/* The signature appended after the ELF image ("~Module signature appended~\n"). */
struct lkm_modfile_signature {
	bool present;
	uint8_t id_type;  /* 0 PGP, 1 X.509, 2 PKCS#7 (what the kernel signs with) */
	uint32_t sig_len; /* bytes of the signature blob */
	/* From libkmod (kmod_module_get_info) when opened by path; NULL otherwise. */
	const char *signer;
	const char *key_id;    /* hex, as modinfo prints sig_key */
	const char *hash_algo; /* "sha256"... */
};

/* Files bigger than this are refused before reading (the same cap as decompression). */
#define LKM_MODFILE_MAX ((size_t)512 << 20)

/*
 * Opens the file at PATH. On success returns 0 and *OUT, which the caller frees with
 * lkm_modfile_free(). On failure returns a negative errno, *OUT is NULL, and WHY (if not
 * NULL) holds the same errno and a reason:
 *   -ENOENT, -EACCES...  the file cannot be opened (errno from open/read)
 *   -EISDIR              PATH is a directory
 *   -EINVAL              not a regular file
 *   -EFBIG               bigger than LKM_MODFILE_MAX, or decompresses past it
 *   -EBADMSG             a corrupt or truncated compressed stream, or a bad signature
 *                        trailer
 *   -ENOEXEC             0 bytes, not ELF, or a damaged ELF (the reason says what and
 *                        where)
 *   -ENOMEM
 * Signature details (signer, key, hash) come from libkmod, by path, when one is present.
 */
int lkm_modfile_open(const char *path, struct lkm_modfile **out,
		     struct lkm_modfile_error *why);

/*
 * The same inspection of SIZE bytes at DATA (compressed or not), which are copied: DATA
 * may be freed once this returns. lkm_modfile_path() is NULL and the signature has no
 * signer/key/hash. Errors as lkm_modfile_open() minus the file ones.
 */
int lkm_modfile_open_mem(const void *data, size_t size, struct lkm_modfile **out,
			 struct lkm_modfile_error *why);

/* Frees MF and everything its accessors returned; NULL is fine. */
void lkm_modfile_free(struct lkm_modfile *mf);

/* The path given to lkm_modfile_open(), or NULL. */
const char *lkm_modfile_path(const struct lkm_modfile *mf);

/* "none", "xz", "zstd" or "gzip": how the bytes were stored. */
const char *lkm_modfile_compression(const struct lkm_modfile *mf);

/*
 * The decompressed bytes, signature included: what init_module(2) takes. *SIZE gets
 * their length.
 */
const void *lkm_modfile_data(const struct lkm_modfile *mf, size_t *size);

/* ELF header: class (32 or 64), byte order, e_machine with a name, e_type with a name. */
int lkm_modfile_elf_class(const struct lkm_modfile *mf);
bool lkm_modfile_big_endian(const struct lkm_modfile *mf);
unsigned lkm_modfile_machine(const struct lkm_modfile *mf);
/* "x86-64", "i386", "SPARC v9", "AArch64"..., or "machine 1234" for one we don't name. */
const char *lkm_modfile_machine_name(const struct lkm_modfile *mf);
unsigned lkm_modfile_type(const struct lkm_modfile *mf);
/* "relocatable", "executable", "shared object", "core", or "type 0x1234". */
const char *lkm_modfile_type_name(const struct lkm_modfile *mf);

/* Section names in header order (index 0, the null section, included as ""). */
size_t lkm_modfile_section_count(const struct lkm_modfile *mf);
const char *lkm_modfile_section_name(const struct lkm_modfile *mf, size_t i);
bool lkm_modfile_has_section(const struct lkm_modfile *mf, const char *name);
bool lkm_modfile_has_modinfo(const struct lkm_modfile *mf);
bool lkm_modfile_has_this_module(const struct lkm_modfile *mf);
bool lkm_modfile_has_versions(const struct lkm_modfile *mf);
/* What the kernel needs to take it at all: ET_REL, .modinfo, .gnu.linkonce.this_module.
 */
bool lkm_modfile_is_module(const struct lkm_modfile *mf);

/* The first .modinfo value for KEY ("license", "vermagic"...), or NULL. */
const char *lkm_modfile_info(const struct lkm_modfile *mf, const char *key);

/* The kernel release the file was built for, its vermagic's first word
 * ("6.1.0-57-amd64"), into BUF (cut to SIZE); false (BUF "") when it has no vermagic. */
bool lkm_modfile_built_for(const struct lkm_modfile *mf, char *buf, size_t size);

/* lkm_modfile_built_for of the file at PATH: 0; -ENOENT (BUF "") when it is no module
 * with a vermagic or cannot be read; -ENOMEM. */
int lkm_modfile_path_built_for(const char *path, char *buf, size_t size);

/*
 * Walks the values of a repeated KEY (alias, author, firmware...): start with *POS = 0;
 * each call returns the next value and advances *POS, then NULL at the end. KEY NULL
 * walks every entry, with *KEY_OUT (if not NULL) set to each one's key.
 */
const char *lkm_modfile_info_next(const struct lkm_modfile *mf, const char *key,
				  size_t *pos, const char **key_out);

/* Every value of a repeated KEY, in file order, into *OUT (N of them; borrowed from MF,
 * the array freed with free(); MF NULL has none). Returns 0 or -ENOMEM. */
int lkm_modfile_info_all(const struct lkm_modfile *mf, const char *key, const char ***out,
			 size_t *n);

/* All .modinfo entries, in file order. */
size_t lkm_modfile_info_count(const struct lkm_modfile *mf);

/* `depends` split on commas (empty entries dropped); *OUT is NULL when there are none. */
size_t lkm_modfile_depends(const struct lkm_modfile *mf, const char *const **out);

/* Declared parameters in the order they first appear in .modinfo. */
size_t lkm_modfile_params(const struct lkm_modfile *mf,
			  const struct lkm_modfile_param **out);

/* The declared type of parameter NAME ('-' and '_' alike); NULL when MF is NULL or does
 * not declare it. */
const char *lkm_modfile_param_type(const struct lkm_modfile *mf, const char *name);

/* Names of undefined symbols in .symtab (SHN_UNDEF, named), in table order. */
size_t lkm_modfile_undefined(const struct lkm_modfile *mf, const char *const **out);

/* One symbol the module exports (EXPORT_SYMBOL*): its name, and the namespace it is
 * exported into (EXPORT_SYMBOL_NS*), NULL when none. */
struct lkm_modfile_export {
	const char *name;
	const char *ns;
};

/* The exports, from the `__ksymtab_NAME` symbols in .symtab, in table order (the
 * namespace from `__kstrtabns_NAME` in __ksymtab_strings, as 6.1 and 6.12 write it). */
size_t lkm_modfile_exports(const struct lkm_modfile *mf,
			   const struct lkm_modfile_export **out);

/* The __versions table in file order; 0 entries when there is none. */
size_t lkm_modfile_versions(const struct lkm_modfile *mf,
			    const struct lkm_modfile_version **out);

const struct lkm_modfile_signature *lkm_modfile_signature(const struct lkm_modfile *mf);

/* The module name MF declares (.modinfo name), else PATH's base name without its .ko
 * suffix; '-' written '_' as the kernel names modules. Malloc'd; NULL on -ENOMEM. */
char *lkm_modfile_module_name(const struct lkm_modfile *mf, const char *path);
