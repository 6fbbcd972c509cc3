/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * What CPU a module is made for, against the CPU the kernel runs on. A module declares it
 * as x86 CPU aliases (scripts/mod/file2alias.c, do_x86cpu_entry):
 *     cpu:type:x86,ven*fam*mod*:feature:*0085*      any CPU with feature 0x85 (vmx)
 *     cpu:type:x86,ven0000fam0006mod0055:feature:*  Intel family 6 model 0x55
 * (numbers in hex, '*' for any), and the kernel shows its CPU in
 * /sys/devices/system/cpu/modalias:
 * "cpu:type:x86,ven0002fam0019mod0021:feature:,0000,..". A module matches when one of its
 * aliases does, the way udev and modprobe match them.
 */

#define LKM_CPU_ANY (-1)

/* One CPU alias of the module, read into its parts, and whether this CPU matches it. */
struct lkm_cpu_need {
	int vendor;  /* X86_VENDOR_* (0 Intel, 2 AMD, 5 Centaur, 9 Hygon...), or ANY */
	int family;  /* or LKM_CPU_ANY */
	int model;   /* or LKM_CPU_ANY */
	int feature; /* word * 32 + bit, or LKM_CPU_ANY */
	bool met;    /* this CPU matches the alias */
};

/* The running CPU as its modalias says. */
struct lkm_cpu_id {
	int vendor, family, model;
	unsigned *features; /* sorted */
	size_t n_features;
};

struct lkm_cpufeat {
	struct lkm_cpu_need *needs; /* the module's cpu:type:x86 aliases, in its order */
	size_t n_needs;
	bool known;	       /* the CPU's modalias was read (else no need is met) */
	struct lkm_cpu_id cpu; /* valid when KNOWN */
	bool satisfied;	       /* no needs, or one met (always true when !KNOWN) */
};

/* Reads "cpu:type:x86,ven..fam..mod..:feature:,XXXX,..." into OUT (released with
 * lkm_cpu_id_release). Returns 0, -EINVAL for other text, or -ENOMEM. */
int lkm_cpu_id_parse(const char *modalias, struct lkm_cpu_id *out);
void lkm_cpu_id_release(struct lkm_cpu_id *id);

/* Reads one alias; false for anything that is not an x86 CPU alias. */
bool lkm_cpu_need_parse(const char *alias, struct lkm_cpu_need *out);

/*
 * Checks the N aliases ALIASES (every alias of a module: those that are not CPU aliases
 * are skipped) against /sys/devices/system/cpu/modalias under ROOT. Returns 0 or -ENOMEM;
 * OUT is released with lkm_cpufeat_release either way. An unreadable modalias leaves
 * OUT->known false: nothing can be said.
 */
int lkm_cpufeat_check(const struct lkm_sysroot *root, const char *const *aliases,
		      size_t n, struct lkm_cpufeat *out);
void lkm_cpufeat_release(struct lkm_cpufeat *f);

/* Whether the CPU has FEATURE. */
bool lkm_cpu_has(const struct lkm_cpu_id *id, unsigned feature);

/*
 * The flag /proc/cpuinfo shows for FEATURE ("vmx", "svm", "aes", "avx2"), for the words
 * the CPU itself defines (CPUID leaves 1, 6, 7, 0x80000001, VIA's), whose numbers every
 * kernel release shares; NULL for the words Linux numbers itself, which move between
 * releases.
 */
const char *lkm_cpu_feature_name(unsigned feature);

/* "Intel", "AMD", "Centaur"..., or NULL for a number lkmtui does not know. */
const char *lkm_cpu_vendor_name(int vendor);
