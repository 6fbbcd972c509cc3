/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>

/*
 * What a kernel runs, in the terms of an ELF header: e_machine, class and byte order. A
 * module is built for this machine when all three are the kernel's; display names differ
 * between uname and ELF ("s390x", "IBM S/390"), so nothing compares names.
 */
struct lkm_elf_target {
	unsigned machine; /* e_machine: EM_X86_64, EM_S390, ... */
	int elf_class;	  /* 32 or 64 */
	bool big_endian;
};

/* The target of uname -m's MACHINE ("x86_64", "s390x", "i686"). Returns 0, or -ENOENT
 * for a machine not in the table (or NULL): then nothing can be said. */
int lkm_elf_target_of_uname(const char *machine, struct lkm_elf_target *out);

/* Whether A and B are the same machine, class and byte order. */
bool lkm_elf_target_equal(const struct lkm_elf_target *a, const struct lkm_elf_target *b);

/* "x86-64", "i386", "IBM S/390", ... for an e_machine, or NULL for one we don't name. */
const char *lkm_elf_machine_name(unsigned machine);
