// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpufeat.h"
#include "model/procfile.h"
#include "shared/array.h"

/* The flags of the CPU-defined words, named as /proc/cpuinfo names them
 * (arch/x86/include/asm/cpufeatures.h: words 0, 1, 4, 5, 6, 9, 14, 16, 18). */
static const struct {
	unsigned short feature;
	const char *name;
} feature_names[] = {
	{ 0, "fpu" },
	{ 1, "vme" },
	{ 2, "de" },
	{ 3, "pse" },
	{ 4, "tsc" },
	{ 5, "msr" },
	{ 6, "pae" },
	{ 7, "mce" },
	{ 8, "cx8" },
	{ 9, "apic" },
	{ 11, "sep" },
	{ 12, "mtrr" },
	{ 13, "pge" },
	{ 14, "mca" },
	{ 15, "cmov" },
	{ 16, "pat" },
	{ 17, "pse36" },
	{ 18, "pn" },
	{ 19, "clflush" },
	{ 21, "dts" },
	{ 22, "acpi" },
	{ 23, "mmx" },
	{ 24, "fxsr" },
	{ 25, "sse" },
	{ 26, "sse2" },
	{ 27, "ss" },
	{ 28, "ht" },
	{ 29, "tm" },
	{ 31, "pbe" },
	{ 32 + 11, "syscall" },
	{ 32 + 19, "mp" },
	{ 32 + 20, "nx" },
	{ 32 + 22, "mmxext" },
	{ 32 + 25, "fxsr_opt" },
	{ 32 + 26, "pdpe1gb" },
	{ 32 + 27, "rdtscp" },
	{ 32 + 29, "lm" },
	{ 32 + 30, "3dnowext" },
	{ 32 + 31, "3dnow" },
	{ 128 + 0, "pni" },
	{ 128 + 1, "pclmulqdq" },
	{ 128 + 2, "dtes64" },
	{ 128 + 3, "monitor" },
	{ 128 + 4, "ds_cpl" },
	{ 128 + 5, "vmx" },
	{ 128 + 6, "smx" },
	{ 128 + 7, "est" },
	{ 128 + 8, "tm2" },
	{ 128 + 9, "ssse3" },
	{ 128 + 10, "cid" },
	{ 128 + 11, "sdbg" },
	{ 128 + 12, "fma" },
	{ 128 + 13, "cx16" },
	{ 128 + 14, "xtpr" },
	{ 128 + 15, "pdcm" },
	{ 128 + 17, "pcid" },
	{ 128 + 18, "dca" },
	{ 128 + 19, "sse4_1" },
	{ 128 + 20, "sse4_2" },
	{ 128 + 21, "x2apic" },
	{ 128 + 22, "movbe" },
	{ 128 + 23, "popcnt" },
	{ 128 + 24, "tsc_deadline_timer" },
	{ 128 + 25, "aes" },
	{ 128 + 26, "xsave" },
	{ 128 + 27, "osxsave" },
	{ 128 + 28, "avx" },
	{ 128 + 29, "f16c" },
	{ 128 + 30, "rdrand" },
	{ 128 + 31, "hypervisor" },
	{ 160 + 2, "rng" },
	{ 160 + 3, "rng_en" },
	{ 160 + 6, "ace" },
	{ 160 + 7, "ace_en" },
	{ 160 + 8, "ace2" },
	{ 160 + 9, "ace2_en" },
	{ 160 + 10, "phe" },
	{ 160 + 11, "phe_en" },
	{ 160 + 12, "pmm" },
	{ 160 + 13, "pmm_en" },
	{ 192 + 0, "lahf_lm" },
	{ 192 + 1, "cmp_legacy" },
	{ 192 + 2, "svm" },
	{ 192 + 3, "extapic" },
	{ 192 + 4, "cr8_legacy" },
	{ 192 + 5, "abm" },
	{ 192 + 6, "sse4a" },
	{ 192 + 7, "misalignsse" },
	{ 192 + 8, "3dnowprefetch" },
	{ 192 + 9, "osvw" },
	{ 192 + 10, "ibs" },
	{ 192 + 11, "xop" },
	{ 192 + 12, "skinit" },
	{ 192 + 13, "wdt" },
	{ 192 + 15, "lwp" },
	{ 192 + 16, "fma4" },
	{ 192 + 17, "tce" },
	{ 192 + 21, "tbm" },
	{ 192 + 22, "topoext" },
	{ 288 + 0, "fsgsbase" },
	{ 288 + 1, "tsc_adjust" },
	{ 288 + 2, "sgx" },
	{ 288 + 3, "bmi1" },
	{ 288 + 4, "hle" },
	{ 288 + 5, "avx2" },
	{ 288 + 7, "smep" },
	{ 288 + 8, "bmi2" },
	{ 288 + 9, "erms" },
	{ 288 + 10, "invpcid" },
	{ 288 + 11, "rtm" },
	{ 288 + 16, "avx512f" },
	{ 288 + 17, "avx512dq" },
	{ 288 + 18, "rdseed" },
	{ 288 + 19, "adx" },
	{ 288 + 20, "smap" },
	{ 288 + 21, "avx512ifma" },
	{ 288 + 23, "clflushopt" },
	{ 288 + 24, "clwb" },
	{ 288 + 25, "intel_pt" },
	{ 288 + 28, "avx512cd" },
	{ 288 + 29, "sha_ni" },
	{ 288 + 30, "avx512bw" },
	{ 288 + 31, "avx512vl" },
	{ 448 + 0, "dtherm" },
	{ 448 + 1, "ida" },
	{ 448 + 2, "arat" },
	{ 448 + 4, "pln" },
	{ 448 + 6, "pts" },
	{ 448 + 7, "hwp" },
	{ 512 + 1, "avx512vbmi" },
	{ 512 + 2, "umip" },
	{ 512 + 3, "pku" },
	{ 512 + 4, "ospke" },
	{ 512 + 5, "waitpkg" },
	{ 512 + 6, "avx512_vbmi2" },
	{ 512 + 8, "gfni" },
	{ 512 + 9, "vaes" },
	{ 512 + 10, "vpclmulqdq" },
	{ 512 + 11, "avx512_vnni" },
	{ 512 + 12, "avx512_bitalg" },
	{ 512 + 14, "avx512_vpopcntdq" },
	{ 512 + 16, "la57" },
	{ 512 + 22, "rdpid" },
	{ 576 + 4, "fsrm" },
};

const char *lkm_cpu_feature_name(unsigned feature)
{
	for (size_t i = 0; i < sizeof(feature_names) / sizeof(*feature_names); i++)
		if (feature_names[i].feature == feature)
			return feature_names[i].name;
	return NULL;
}

const char *lkm_cpu_vendor_name(int vendor)
{
	/* arch/x86/include/asm/processor.h: X86_VENDOR_* */
	static const char *const names[] = { "Intel", "Cyrix",	 "AMD",	    "UMC",
					     NULL,    "Centaur", NULL,	    "Transmeta",
					     "NSC",   "Hygon",	 "Zhaoxin", "Vortex" };

	if (vendor < 0 || (size_t)vendor >= sizeof(names) / sizeof(*names))
		return NULL;
	return names[vendor];
}

/* "ven" + four hex digits or '*': the number, LKM_CPU_ANY, or -2 when malformed. */
static int field(const char **p, const char *tag)
{
	size_t len = strlen(tag);
	int v = 0;

	if (strncmp(*p, tag, len) != 0)
		return -2;
	*p += len;
	if (**p == '*') {
		(*p)++;
		return LKM_CPU_ANY;
	}
	for (int i = 0; i < 4; i++) {
		char c = (*p)[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
					       : -1;

		if (d < 0)
			return -2;
		v = v * 16 + d;
	}
	*p += 4;
	return v;
}

/* The "cpu:type:x86,venXfamXmodX:feature:" head both forms share. */
static bool head(const char **p, int *vendor, int *family, int *model)
{
	static const char prefix[] = "cpu:type:x86,";

	if (strncmp(*p, prefix, sizeof(prefix) - 1) != 0)
		return false;
	*p += sizeof(prefix) - 1;
	*vendor = field(p, "ven");
	*family = field(p, "fam");
	*model = field(p, "mod");
	if (*vendor == -2 || *family == -2 || *model == -2 ||
	    strncmp(*p, ":feature:", 9) != 0)
		return false;
	*p += 9;
	return true;
}

bool lkm_cpu_need_parse(const char *alias, struct lkm_cpu_need *out)
{
	const char *p = alias;

	if (!head(&p, &out->vendor, &out->family, &out->model))
		return false;
	out->met = false;
	if (strcmp(p, "*") == 0) {
		out->feature = LKM_CPU_ANY;
		return true;
	}
	if (p[0] != '*' || strlen(p) != 6 || p[5] != '*')
		return false;
	p++;
	out->feature = field(&p, "");
	return out->feature >= 0;
}

static int cmp_unsigned(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

int lkm_cpu_id_parse(const char *modalias, struct lkm_cpu_id *out)
{
	const char *p = modalias;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if (!head(&p, &out->vendor, &out->family, &out->model) ||
	    out->vendor == LKM_CPU_ANY)
		return -EINVAL;
	while (*p == ',') {
		int f;

		p++;
		f = field(&p, "");
		if (f < 0) {
			lkm_cpu_id_release(out);
			return -EINVAL;
		}
		if (lkm_array_room(out->features, out->n_features, cap) < 0) {
			lkm_cpu_id_release(out);
			return -ENOMEM;
		}
		out->features[out->n_features++] = (unsigned)f;
	}
	if (*p != '\0' && *p != '\n') {
		lkm_cpu_id_release(out);
		return -EINVAL;
	}
	qsort(out->features, out->n_features, sizeof(*out->features), cmp_unsigned);
	return 0;
}

void lkm_cpu_id_release(struct lkm_cpu_id *id)
{
	free(id->features);
	id->features = NULL;
	id->n_features = 0;
}

bool lkm_cpu_has(const struct lkm_cpu_id *id, unsigned feature)
{
	return bsearch(&feature, id->features, id->n_features, sizeof(*id->features),
		       cmp_unsigned) != NULL;
}

static bool matches(const struct lkm_cpu_need *n, const struct lkm_cpu_id *id)
{
	return (n->vendor == LKM_CPU_ANY || n->vendor == id->vendor) &&
	       (n->family == LKM_CPU_ANY || n->family == id->family) &&
	       (n->model == LKM_CPU_ANY || n->model == id->model) &&
	       (n->feature == LKM_CPU_ANY || lkm_cpu_has(id, (unsigned)n->feature));
}

int lkm_cpufeat_check(const struct lkm_sysroot *root, const char *const *aliases,
		      size_t n, struct lkm_cpufeat *out)
{
	struct lkm_buf text = { 0 };
	int err;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		struct lkm_cpu_need need, *v;

		if (!lkm_cpu_need_parse(aliases[i], &need))
			continue;
		v = realloc(out->needs, (out->n_needs + 1) * sizeof(*v));
		if (v == NULL)
			return -ENOMEM;
		out->needs = v;
		v[out->n_needs++] = need;
	}
	err = lkm_procfile_read(root, "/sys/devices/system/cpu/modalias", &text);
	if (err == 0) {
		err = lkm_cpu_id_parse(text.data, &out->cpu);
		out->known = err == 0;
	}
	lkm_buf_release(&text);
	if (err == -ENOMEM)
		return err;
	out->satisfied = !out->known || out->n_needs == 0;
	for (size_t i = 0; out->known && i < out->n_needs; i++) {
		out->needs[i].met = matches(&out->needs[i], &out->cpu);
		out->satisfied |= out->needs[i].met;
	}
	return 0;
}

void lkm_cpufeat_release(struct lkm_cpufeat *f)
{
	free(f->needs);
	f->needs = NULL;
	f->n_needs = 0;
	lkm_cpu_id_release(&f->cpu);
}
