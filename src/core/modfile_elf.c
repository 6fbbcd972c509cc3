// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a module file's ELF image with libelf. libelf checks less than a hostile or
 * truncated file needs, so every offset and size that comes from the file is checked
 * here against the image before libelf or we follow it, the way kmod's libkmod-elf.c
 * and the kernel's elf_validity_check() do.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libkmod.h>

#include "i18n.h"
#include "core/decompress.h"
#include "core/elfmachine.h"
#include "core/modfile.h"
#include "core/modfile_int.h"
#include "core/userpath.h"
#include "model/modules.h"

/* What the kernel appends after the ELF image when it signs a module
 * (module_signature.h). */
static const char sig_magic[] = "~Module signature appended~\n";
#define SIG_MAGIC_LEN (sizeof(sig_magic) - 1)
/* struct module_signature: algo, hash, id_type, signer_len, key_id_len, pad[3], be32 len
 */
#define SIG_INFO_LEN 12

/* __versions: struct modversion_info { unsigned long crc; char name[64 - sizeof(long)]; }
 */
#define MODVERSION_ENTRY 64

/* True when [off, off + len) lies inside a buffer of SIZE bytes, without overflowing. */
static bool in_range(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

static uint64_t read_uint(const unsigned char *p, size_t len, bool big_endian)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		v |= (uint64_t)p[big_endian ? i : len - 1 - i] << (8 * (len - 1 - i));
	return v;
}

static const char *type_name(unsigned t)
{
	switch (t) {
	case ET_NONE: return "none";
	case ET_REL: return "relocatable";
	case ET_EXEC: return "executable";
	case ET_DYN: return "shared object";
	case ET_CORE: return "core";
	default: return NULL;
	}
}

/*
 * The kernel reads the signature from the end (mod_verify_sig): magic, then
 * struct module_signature, then sig_len bytes of signature before it. What is left in
 * front is the ELF image.
 */
static int find_signature(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	const unsigned char *info;
	uint32_t sig_len;
	size_t rest;

	mf->elf_size = mf->size;
	if (mf->size < SIG_MAGIC_LEN ||
	    memcmp(mf->data + mf->size - SIG_MAGIC_LEN, sig_magic, SIG_MAGIC_LEN) != 0)
		return 0;
	rest = mf->size - SIG_MAGIC_LEN;
	if (rest < SIG_INFO_LEN)
		return modfile_fail(
			why, -EBADMSG, "%s",
			_("the module signature trailer is cut short (no signature "
			  "header)"));
	info = mf->data + rest - SIG_INFO_LEN;
	sig_len = (uint32_t)info[8] << 24 | (uint32_t)info[9] << 16 |
		  (uint32_t)info[10] << 8 | info[11];
	rest -= SIG_INFO_LEN;
	if (sig_len > rest)
		return modfile_fail(
			why, -EBADMSG,
			_("the module signature claims %u bytes but only %zu precede it"),
			sig_len, rest);
	mf->sig.present = true;
	mf->sig.id_type = info[2];
	mf->sig.sig_len = sig_len;
	mf->elf_size = rest - sig_len;
	return 0;
}

/* Reads the ELF header, through libelf, after checking what libelf would trust. */
static int read_header(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	const unsigned char *id = mf->data;
	size_t need;
	GElf_Ehdr eh;

	if (mf->elf_size == 0)
		return modfile_fail(
			why, -ENOEXEC, "%s",
			mf->sig.present
				? _("nothing but a module signature: no ELF image")
				: _("the file is empty (0 bytes)"));
	if (mf->elf_size < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0) {
		if (mf->elf_size < SELFMAG)
			return modfile_fail(
				why, -ENOEXEC,
				_("not an ELF file: only %zu bytes, too short for "
				  "the ELF magic"),
				mf->elf_size);
		return modfile_fail(
			why, -ENOEXEC,
			_("not an ELF file: it starts with %02x %02x %02x %02x, not "
			  "7f 45 4c 46"),
			id[0], id[1], id[2], id[3]);
	}
	if (mf->elf_size < EI_NIDENT)
		return modfile_fail(why, -ENOEXEC,
				    _("truncated: %zu bytes, shorter than the ELF ident"),
				    mf->elf_size);
	if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64)
		return modfile_fail(why, -ENOEXEC,
				    _("unknown ELF class %u (neither 32- nor 64-bit)"),
				    id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
		return modfile_fail(why, -ENOEXEC, _("unknown ELF byte order %u"),
				    id[EI_DATA]);
	mf->elf_class = id[EI_CLASS] == ELFCLASS64 ? 64 : 32;
	mf->big_endian = id[EI_DATA] == ELFDATA2MSB;
	need = mf->elf_class == 64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	if (mf->elf_size < need)
		return modfile_fail(
			why, -ENOEXEC,
			_("truncated: %zu bytes, shorter than the %zu-byte ELF header"),
			mf->elf_size, need);

	mf->elf = elf_memory((char *)mf->data, mf->elf_size);
	if (!mf->elf || elf_kind(mf->elf) != ELF_K_ELF)
		return modfile_fail(why, -ENOEXEC, _("libelf cannot read it: %s"),
				    elf_errmsg(-1));
	if (!gelf_getehdr(mf->elf, &eh))
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot read the ELF header: %s"),
				    elf_errmsg(-1));
	mf->machine = eh.e_machine;
	mf->type = eh.e_type;
	mf->machine_name = lkm_elf_machine_name(eh.e_machine);
	if (!mf->machine_name) {
		snprintf(mf->machine_buf, sizeof(mf->machine_buf), "machine %u",
			 eh.e_machine);
		mf->machine_name = mf->machine_buf;
	}
	mf->type_name = type_name(eh.e_type);
	if (!mf->type_name) {
		snprintf(mf->type_buf, sizeof(mf->type_buf), "type %#x", eh.e_type);
		mf->type_name = mf->type_buf;
	}
	return 0;
}

/* The section header table: where it is, how many entries, all inside the image. */
static int check_section_table(struct lkm_modfile *mf, size_t *shnum_out,
			       struct lkm_modfile_error *why)
{
	size_t entsize = mf->elf_class == 64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	GElf_Ehdr eh;
	size_t shnum, libelf_shnum;

	*shnum_out = 0;
	if (!gelf_getehdr(mf->elf, &eh))
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot read the ELF header: %s"),
				    elf_errmsg(-1));
	if (eh.e_shoff == 0)
		return 0; /* no section headers at all: an empty list, not damage */
	if (eh.e_shentsize != entsize)
		return modfile_fail(
			why, -ENOEXEC,
			_("section header entries are %u bytes, not the %zu of ELF%d"),
			eh.e_shentsize, entsize, mf->elf_class);
	/* With e_shnum 0 the real count is in section 0: make sure that one is there. */
	if (!in_range(eh.e_shoff, entsize, mf->elf_size))
		return modfile_fail(
			why, -ENOEXEC,
			_("truncated: the section header table at offset %#jx lies "
			  "past the "
			  "end of the file (%zu bytes)"),
			(uintmax_t)eh.e_shoff, mf->elf_size);
	/* The count from the header itself: libelf quietly reports 0 sections when the
	 * table does not fit, which would make a truncated file look merely empty. */
	if (eh.e_shnum != 0) {
		shnum = eh.e_shnum;
	} else {
		const unsigned char *s0 = mf->data + eh.e_shoff;
		size_t off = mf->elf_class == 64 ? offsetof(Elf64_Shdr, sh_size)
						 : offsetof(Elf32_Shdr, sh_size);
		uint64_t n =
			read_uint(s0 + off, mf->elf_class == 64 ? 8 : 4, mf->big_endian);

		if (n > SIZE_MAX)
			n = SIZE_MAX;
		shnum = (size_t)n;
	}
	if (shnum > SIZE_MAX / entsize ||
	    !in_range(eh.e_shoff, shnum * entsize, mf->elf_size))
		return modfile_fail(
			why, -ENOEXEC,
			_("truncated: the section header table (%zu entries at "
			  "offset %#jx) "
			  "runs past the end of the file (%zu bytes)"),
			shnum, (uintmax_t)eh.e_shoff, mf->elf_size);
	if (elf_getshdrnum(mf->elf, &libelf_shnum) != 0 || libelf_shnum != shnum)
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot count the sections: %s"),
				    elf_errmsg(-1));
	*shnum_out = shnum;
	return 0;
}

/*
 * A NUL-terminated string at OFF inside the string table section STR (whose range was
 * checked): checked here, then fetched through libelf.
 */
static const char *strtab_string(struct lkm_modfile *mf, size_t str_idx,
				 const GElf_Shdr *str, uint64_t off)
{
	const unsigned char *base = mf->data + str->sh_offset;

	if (off >= str->sh_size || !memchr(base + off, '\0', str->sh_size - off))
		return NULL;
	return elf_strptr(mf->elf, str_idx, off);
}

static int read_sections(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	size_t shnum, shstrndx, i;
	GElf_Shdr str, sh;
	Elf_Scn *scn;
	int err;

	err = check_section_table(mf, &shnum, why);
	if (err < 0 || shnum == 0)
		return err;
	if (elf_getshdrstrndx(mf->elf, &shstrndx) != 0)
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot find the section name table: %s"),
				    elf_errmsg(-1));
	if (shstrndx == SHN_UNDEF)
		return modfile_fail(why, -ENOEXEC, "%s",
				    _("there is no section name table"));
	if (shstrndx >= shnum)
		return modfile_fail(
			why, -ENOEXEC,
			_("the section name table index %zu is out of range (%zu "
			  "sections)"),
			shstrndx, shnum);
	scn = elf_getscn(mf->elf, shstrndx);
	if (!scn || !gelf_getshdr(scn, &str))
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot read section %zu: %s"), shstrndx,
				    elf_errmsg(-1));
	if (str.sh_type != SHT_STRTAB)
		return modfile_fail(
			why, -ENOEXEC,
			_("the section name table (section %zu) is not a string table"),
			shstrndx);
	if (!in_range(str.sh_offset, str.sh_size, mf->elf_size))
		return modfile_fail(
			why, -ENOEXEC,
			_("the section name table (offset %#jx, %ju bytes) runs past "
			  "the end "
			  "of the file (%zu bytes)"),
			(uintmax_t)str.sh_offset, (uintmax_t)str.sh_size, mf->elf_size);

	mf->sections = calloc(shnum, sizeof(*mf->sections));
	if (!mf->sections)
		return modfile_no_memory(why);
	mf->n_sections = shnum;
	for (i = 0; i < shnum; i++) {
		const char *name;

		scn = elf_getscn(mf->elf, i);
		if (!scn || !gelf_getshdr(scn, &sh))
			return modfile_fail(why, -ENOEXEC,
					    _("libelf cannot read section %zu: %s"), i,
					    elf_errmsg(-1));
		if (i == 0 && sh.sh_name == 0) {
			name = "";
		} else if (sh.sh_name >= str.sh_size) {
			return modfile_fail(
				why, -ENOEXEC,
				_("section %zu's name offset %u lies past the "
				  "section name "
				  "table (%ju bytes)"),
				i, (unsigned)sh.sh_name, (uintmax_t)str.sh_size);
		} else {
			name = strtab_string(mf, shstrndx, &str, sh.sh_name);
			if (!name)
				return modfile_fail(
					why, -ENOEXEC,
					_("section %zu's name at offset %u is not "
					  "terminated "
					  "inside the section name table"),
					i, (unsigned)sh.sh_name);
		}
		mf->sections[i] = name;
		if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL &&
		    !in_range(sh.sh_offset, sh.sh_size, mf->elf_size))
			return modfile_fail(
				why, -ENOEXEC,
				_("section %zu (%s) at offset %#jx with %ju bytes "
				  "runs past "
				  "the end of the file (%zu bytes)"),
				i, name, (uintmax_t)sh.sh_offset, (uintmax_t)sh.sh_size,
				mf->elf_size);
		if (strcmp(name, ".modinfo") == 0)
			mf->has_modinfo = true;
		else if (strcmp(name, ".gnu.linkonce.this_module") == 0)
			mf->has_this_module = true;
		else if (strcmp(name, "__versions") == 0)
			mf->has_versions = true;
	}
	return 0;
}

/* The first section called NAME with bytes in the file, or NULL. */
static Elf_Scn *find_section(struct lkm_modfile *mf, const char *name, GElf_Shdr *sh)
{
	size_t i;

	for (i = 1; i < mf->n_sections; i++) {
		Elf_Scn *scn;

		if (strcmp(mf->sections[i], name) != 0)
			continue;
		scn = elf_getscn(mf->elf, i);
		if (scn && gelf_getshdr(scn, sh) && sh->sh_type != SHT_NOBITS)
			return scn;
	}
	return NULL;
}

/* The raw bytes of a section whose range read_sections() has checked. */
static const unsigned char *section_bytes(Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_rawdata(scn, NULL);

	if (!d || (sh->sh_size && !d->d_buf) || d->d_size != sh->sh_size)
		return NULL;
	return d->d_buf;
}

static struct lkm_modfile_param *param_for(struct lkm_modfile *mf, const char *value,
					   const char **rest)
{
	const char *colon = strchr(value, ':');
	size_t len = colon ? (size_t)(colon - value) : strlen(value);
	struct lkm_modfile_param *p;
	size_t i;

	*rest = colon ? colon + 1 : NULL;
	for (i = 0; i < mf->n_params; i++) {
		p = &mf->params[i];
		if (strlen(p->name) == len && memcmp(p->name, value, len) == 0)
			return p;
	}
	/* n_params <= n_info, for which the array was sized */
	p = &mf->params[mf->n_params];
	p->name = strndup(value, len);
	if (!p->name)
		return NULL;
	p->type = NULL;
	p->description = NULL;
	mf->n_params++;
	return p;
}

static int split_params(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	size_t i;

	mf->params = calloc(mf->n_info ? mf->n_info : 1, sizeof(*mf->params));
	if (!mf->params)
		return modfile_no_memory(why);
	for (i = 0; i < mf->n_info; i++) {
		bool is_desc = strcmp(mf->info[i].key, "parm") == 0;
		bool is_type = strcmp(mf->info[i].key, "parmtype") == 0;
		struct lkm_modfile_param *p;
		const char *rest;

		if (!is_desc && !is_type)
			continue;
		p = param_for(mf, mf->info[i].value, &rest);
		if (!p)
			return modfile_no_memory(why);
		if (is_desc && !p->description)
			p->description = rest;
		else if (is_type && !p->type)
			p->type = rest;
	}
	return 0;
}

static int split_depends(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	const char *dep = lkm_modfile_info(mf, "depends");
	size_t n = 1;
	char *s, *tok, *save = NULL;

	if (!dep || !*dep)
		return 0;
	for (s = (char *)dep; *s; s++)
		n += *s == ',';
	mf->depends_buf = strdup(dep);
	mf->depends = calloc(n, sizeof(*mf->depends));
	if (!mf->depends_buf || !mf->depends)
		return modfile_no_memory(why);
	for (tok = strtok_r(mf->depends_buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		mf->depends[mf->n_depends++] = tok;
	return 0;
}

/*
 * .modinfo is "key=value\0" strings, possibly with NUL padding between them. The kernel
 * walks it assuming each ends in NUL inside the section; refuse one that does not.
 */
static int read_modinfo(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	const unsigned char *bytes;
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(mf, ".modinfo", &sh);
	size_t size, i, n = 0;
	char *p, *end;
	int err;

	if (!scn)
		return 0;
	size = sh.sh_size;
	bytes = section_bytes(scn, &sh);
	if (!bytes)
		return modfile_fail(why, -ENOEXEC, _("libelf cannot read .modinfo: %s"),
				    elf_errmsg(-1));
	if (size && bytes[size - 1] != '\0') {
		size_t start = size;

		while (start > 0 && bytes[start - 1] != '\0')
			start--;
		return modfile_fail(
			why, -ENOEXEC,
			_(".modinfo (%zu bytes) does not end with a NUL: its last entry "
			  "\"%.*s\" is cut off"),
			size, (int)(size - start > 40 ? 40 : size - start),
			(const char *)bytes + start);
	}
	mf->modinfo = malloc(size + 1);
	if (!mf->modinfo)
		return modfile_no_memory(why);
	memcpy(mf->modinfo, bytes, size);
	mf->modinfo[size] = '\0';
	end = mf->modinfo + size;
	for (p = mf->modinfo; p < end; p += strlen(p) + 1)
		n += *p != '\0';
	mf->info = calloc(n ? n : 1, sizeof(*mf->info));
	if (!mf->info)
		return modfile_no_memory(why);
	for (p = mf->modinfo, i = 0; p < end && i < n; p += strlen(p) + 1) {
		char *eq;

		if (!*p)
			continue;
		/* the key ends at '=': split there, and step over the value next */
		eq = strchr(p, '=');
		mf->info[i].key = p;
		if (eq) {
			*eq = '\0';
			mf->info[i].value = eq + 1;
			p = eq + 1;
		} else {
			mf->info[i].value = "";
		}
		i++;
	}
	mf->n_info = i;
	err = split_params(mf, why);
	if (err < 0)
		return err;
	return split_depends(mf, why);
}

/* The namespace string at VALUE inside section SHNDX (__ksymtab_strings), or NULL when
 * it is not a terminated string there. */
static const char *export_namespace(struct lkm_modfile *mf, size_t shndx, uint64_t value)
{
	Elf_Scn *scn = shndx < mf->n_sections ? elf_getscn(mf->elf, shndx) : NULL;
	GElf_Shdr sh;
	const unsigned char *bytes;

	if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS ||
	    value >= sh.sh_size || (bytes = section_bytes(scn, &sh)) == NULL ||
	    !memchr(bytes + value, '\0', sh.sh_size - value))
		return NULL;
	return (const char *)bytes + value;
}

/*
 * The exports: each `__ksymtab_NAME` symbol is one (what EXPORT_SYMBOL leaves on 6.1 and
 * what modpost writes on 6.12), and `__kstrtabns_NAME` points at its namespace in
 * __ksymtab_strings. Symbols whose names do not read are skipped: read_undefined() has
 * refused the file for those that matter.
 */
static int read_exports(struct lkm_modfile *mf, Elf_Data *d, size_t n, size_t str_idx,
			const GElf_Shdr *str)
{
	static const char ksymtab[] = "__ksymtab_", kstrtabns[] = "__kstrtabns_";

	mf->exports = calloc(n ? n : 1, sizeof(*mf->exports));
	if (!mf->exports)
		return -ENOMEM;
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name;

		if (!gelf_getsym(d, (int)i, &sym) || sym.st_shndx == SHN_UNDEF ||
		    GELF_ST_TYPE(sym.st_info) == STT_SECTION || sym.st_name == 0 ||
		    (name = strtab_string(mf, str_idx, str, sym.st_name)) == NULL ||
		    strncmp(name, ksymtab, sizeof(ksymtab) - 1) != 0 ||
		    !name[sizeof(ksymtab) - 1])
			continue;
		mf->exports[mf->n_exports++].name = name + sizeof(ksymtab) - 1;
	}
	for (size_t i = 1; i < n && mf->n_exports; i++) {
		GElf_Sym sym;
		const char *name, *ns;

		if (!gelf_getsym(d, (int)i, &sym) || sym.st_shndx == SHN_UNDEF ||
		    sym.st_shndx >= SHN_LORESERVE || sym.st_name == 0 ||
		    (name = strtab_string(mf, str_idx, str, sym.st_name)) == NULL ||
		    strncmp(name, kstrtabns, sizeof(kstrtabns) - 1) != 0)
			continue;
		name += sizeof(kstrtabns) - 1;
		ns = export_namespace(mf, sym.st_shndx, sym.st_value);
		for (size_t e = 0; ns && *ns && e < mf->n_exports; e++)
			if (strcmp(mf->exports[e].name, name) == 0)
				mf->exports[e].ns = ns;
	}
	return 0;
}

static int read_undefined(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	size_t entsize = mf->elf_class == 64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	GElf_Shdr sh, str;
	Elf_Scn *scn = NULL, *strscn;
	Elf_Data *d;
	size_t i, n;

	for (i = 1; i < mf->n_sections; i++) {
		scn = elf_getscn(mf->elf, i);
		if (scn && gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB)
			break;
		scn = NULL;
	}
	if (!scn)
		return 0;
	if (sh.sh_entsize != entsize || sh.sh_size % entsize != 0)
		return modfile_fail(
			why, -ENOEXEC,
			_("the symbol table's entries (%ju bytes in %ju) are not the "
			  "%zu-byte "
			  "ELF%d symbols"),
			(uintmax_t)sh.sh_entsize, (uintmax_t)sh.sh_size, entsize,
			mf->elf_class);
	if (sh.sh_link == 0 || sh.sh_link >= mf->n_sections)
		return modfile_fail(
			why, -ENOEXEC,
			_("the symbol table links to section %u, which does not exist"),
			(unsigned)sh.sh_link);
	strscn = elf_getscn(mf->elf, sh.sh_link);
	if (!strscn || !gelf_getshdr(strscn, &str) || str.sh_type != SHT_STRTAB)
		return modfile_fail(
			why, -ENOEXEC,
			_("the symbol table's string table (section %u) is not a "
			  "string table"),
			(unsigned)sh.sh_link);
	d = elf_getdata(scn, NULL);
	if (!d || d->d_size < sh.sh_size)
		return modfile_fail(why, -ENOEXEC,
				    _("libelf cannot read the symbol table: %s"),
				    elf_errmsg(-1));
	n = sh.sh_size / entsize;
	mf->undef = calloc(n ? n : 1, sizeof(*mf->undef));
	if (!mf->undef)
		return modfile_no_memory(why);
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name;

		if (!gelf_getsym(d, (int)i, &sym))
			return modfile_fail(why, -ENOEXEC,
					    _("libelf cannot read symbol %zu: %s"), i,
					    elf_errmsg(-1));
		if (sym.st_shndx != SHN_UNDEF || sym.st_name == 0)
			continue;
		name = strtab_string(mf, sh.sh_link, &str, sym.st_name);
		if (!name)
			return modfile_fail(
				why, -ENOEXEC,
				_("symbol %zu's name offset %u lies outside the "
				  "string table "
				  "(%ju bytes) or is not terminated"),
				i, (unsigned)sym.st_name, (uintmax_t)str.sh_size);
		if (*name)
			mf->undef[mf->n_undef++] = name;
	}
	return read_exports(mf, d, n, sh.sh_link, &str) < 0 ? modfile_no_memory(why) : 0;
}

static int read_versions(struct lkm_modfile *mf, struct lkm_modfile_error *why)
{
	size_t crc_len = mf->elf_class == 64 ? 8 : 4;
	const unsigned char *bytes;
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(mf, "__versions", &sh);
	size_t n, i;

	if (!scn || sh.sh_size == 0)
		return 0;
	if (sh.sh_size % MODVERSION_ENTRY != 0)
		return modfile_fail(
			why, -ENOEXEC,
			_("__versions is %ju bytes, not a whole number of %d-byte "
			  "entries"),
			(uintmax_t)sh.sh_size, MODVERSION_ENTRY);
	bytes = section_bytes(scn, &sh);
	if (!bytes)
		return modfile_fail(why, -ENOEXEC, _("libelf cannot read __versions: %s"),
				    elf_errmsg(-1));
	n = sh.sh_size / MODVERSION_ENTRY;
	mf->versions = calloc(n, sizeof(*mf->versions));
	if (!mf->versions)
		return modfile_no_memory(why);
	for (i = 0; i < n; i++) {
		const unsigned char *e = bytes + i * MODVERSION_ENTRY;

		if (!memchr(e + crc_len, '\0', MODVERSION_ENTRY - crc_len))
			return modfile_fail(
				why, -ENOEXEC,
				_("__versions entry %zu's symbol name is not terminated"),
				i);
		mf->versions[i].crc = read_uint(e, crc_len, mf->big_endian);
		mf->versions[i].symbol = (const char *)e + crc_len;
	}
	mf->n_versions = n;
	return 0;
}

/* Takes ownership of BYTES (malloc'd, SIZE bytes, already decompressed). */
int modfile_inspect(struct lkm_modfile *mf, unsigned char *bytes, size_t size,
		    struct lkm_modfile_error *why)
{
	int err;

	mf->data = bytes;
	mf->size = size;
	err = find_signature(mf, why);
	if (err < 0)
		return err;
	err = read_header(mf, why);
	if (err < 0)
		return err;
	err = read_sections(mf, why);
	if (err < 0)
		return err;
	err = read_modinfo(mf, why);
	if (err < 0)
		return err;
	err = read_undefined(mf, why);
	if (err < 0)
		return err;
	return read_versions(mf, why);
}
