// SPDX-License-Identifier: GPL-2.0-or-later
/* libelf, opened on first use (src/lazy/lazy.h): src/core/modfile.c's calls. */
#include "config.h"

#include <gelf.h>
#include <libelf.h>

#include "lazy/lazy.h"

static struct lkm_lazy lib = { .soname = SONAME_ELF };

unsigned int elf_version(unsigned int version)
{
	return LKM_LAZY(lib, elf_version)(version);
}

Elf *elf_memory(char *image, size_t size)
{
	return LKM_LAZY(lib, elf_memory)(image, size);
}

int elf_end(Elf *elf)
{
	return LKM_LAZY(lib, elf_end)(elf);
}

const char *elf_errmsg(int error)
{
	return LKM_LAZY(lib, elf_errmsg)(error);
}

Elf_Kind elf_kind(Elf *elf)
{
	return LKM_LAZY(lib, elf_kind)(elf);
}

Elf_Scn *elf_getscn(Elf *elf, size_t index)
{
	return LKM_LAZY(lib, elf_getscn)(elf, index);
}

Elf_Data *elf_getdata(Elf_Scn *scn, Elf_Data *data)
{
	return LKM_LAZY(lib, elf_getdata)(scn, data);
}

Elf_Data *elf_rawdata(Elf_Scn *scn, Elf_Data *data)
{
	return LKM_LAZY(lib, elf_rawdata)(scn, data);
}

int elf_getshdrnum(Elf *elf, size_t *dst)
{
	return LKM_LAZY(lib, elf_getshdrnum)(elf, dst);
}

int elf_getshdrstrndx(Elf *elf, size_t *dst)
{
	return LKM_LAZY(lib, elf_getshdrstrndx)(elf, dst);
}

char *elf_strptr(Elf *elf, size_t section, size_t offset)
{
	return LKM_LAZY(lib, elf_strptr)(elf, section, offset);
}

GElf_Ehdr *gelf_getehdr(Elf *elf, GElf_Ehdr *dest)
{
	return LKM_LAZY(lib, gelf_getehdr)(elf, dest);
}

GElf_Shdr *gelf_getshdr(Elf_Scn *scn, GElf_Shdr *dst)
{
	return LKM_LAZY(lib, gelf_getshdr)(scn, dst);
}

GElf_Sym *gelf_getsym(Elf_Data *data, int ndx, GElf_Sym *dst)
{
	return LKM_LAZY(lib, gelf_getsym)(data, ndx, dst);
}
