// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ELF machines: their names, and which one each uname -m runs. The table follows the
 * kernel's own arch directories; a machine missing from it is never called foreign.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <string.h>

#include "core/elfmachine.h"

#ifndef EM_LOONGARCH
#define EM_LOONGARCH 258
#endif

static const struct {
	const char *uname;
	struct lkm_elf_target target;
} targets[] = {
	{ "x86_64", { EM_X86_64, 64, false } },
	{ "i386", { EM_386, 32, false } },
	{ "i486", { EM_386, 32, false } },
	{ "i586", { EM_386, 32, false } },
	{ "i686", { EM_386, 32, false } },
	{ "aarch64", { EM_AARCH64, 64, false } },
	{ "aarch64_be", { EM_AARCH64, 64, true } },
	{ "armv5tel", { EM_ARM, 32, false } },
	{ "armv6l", { EM_ARM, 32, false } },
	{ "armv7l", { EM_ARM, 32, false } },
	{ "armv8l", { EM_ARM, 32, false } },
	{ "s390x", { EM_S390, 64, true } },
	{ "s390", { EM_S390, 32, true } },
	{ "ppc64le", { EM_PPC64, 64, false } },
	{ "ppc64", { EM_PPC64, 64, true } },
	{ "ppc", { EM_PPC, 32, true } },
	{ "riscv64", { EM_RISCV, 64, false } },
	{ "riscv32", { EM_RISCV, 32, false } },
	{ "sparc64", { EM_SPARCV9, 64, true } },
	{ "mips64", { EM_MIPS, 64, true } },
	{ "mips", { EM_MIPS, 32, true } },
	{ "loongarch64", { EM_LOONGARCH, 64, false } },
	{ "alpha", { EM_ALPHA, 64, false } },
	{ "ia64", { EM_IA_64, 64, false } },
	{ "m68k", { EM_68K, 32, true } },
};

int lkm_elf_target_of_uname(const char *machine, struct lkm_elf_target *out)
{
	for (size_t i = 0; machine && i < sizeof(targets) / sizeof(targets[0]); i++)
		if (strcmp(targets[i].uname, machine) == 0) {
			*out = targets[i].target;
			return 0;
		}
	return -ENOENT;
}

bool lkm_elf_target_equal(const struct lkm_elf_target *a, const struct lkm_elf_target *b)
{
	return a->machine == b->machine && a->elf_class == b->elf_class &&
	       a->big_endian == b->big_endian;
}

const char *lkm_elf_machine_name(unsigned m)
{
	switch (m) {
	case EM_X86_64: return "x86-64";
	case EM_386: return "i386";
	case EM_AARCH64: return "AArch64";
	case EM_ARM: return "ARM";
	case EM_SPARCV9: return "SPARC v9";
	case EM_SPARC: return "SPARC";
	case EM_PPC: return "PowerPC";
	case EM_PPC64: return "PowerPC64";
	case EM_S390: return "IBM S/390";
	case EM_RISCV: return "RISC-V";
	case EM_MIPS: return "MIPS";
	case EM_LOONGARCH: return "LoongArch";
	case EM_PARISC: return "PA-RISC";
	case EM_IA_64: return "IA-64";
	case EM_SH: return "SuperH";
	case EM_ALPHA: return "Alpha";
	case EM_68K: return "m68k";
	case EM_XTENSA: return "Xtensa";
	case EM_MICROBLAZE: return "MicroBlaze";
	case EM_ARCV2: return "ARCv2";
	case EM_ARC_COMPACT: return "ARCompact";
	case EM_OPENRISC: return "OpenRISC";
	case EM_CSKY: return "C-SKY";
	default: return NULL;
	}
}
