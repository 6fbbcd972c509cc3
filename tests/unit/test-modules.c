// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include "testutil.h"

#include "model/modules.h"
#include "model/sysroot.h"
#include "shared/strbuf.h"

struct parsed {
	struct lkm_modules mods;
	char *text;
};

static void parse_text(struct parsed *p, char *text)
{
	memset(p, 0, sizeof(*p));
	p->text = text;
	assert_int_equal(lkm_modules_parse(&p->mods, p->text), 0);
}

static void parse_file(struct parsed *p, const char *path)
{
	parse_text(p, test_slurp(path));
}

static void done(struct parsed *p)
{
	lkm_modules_release(&p->mods);
	free(p->text);
}

static const struct lkm_module *find(const struct parsed *p, const char *name)
{
	const struct lkm_module *m = lkm_modules_find(&p->mods, name);

	if (m == NULL)
		fail_msg("module %s not found", name);
	return m;
}

/* The module's users joined with ',' for whole-list comparison. */
static const char *users(const struct lkm_module *m)
{
	static char buf[1024];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (const char *u = lkm_module_next_user(m, NULL); u;
	     u = lkm_module_next_user(m, u)) {
		lkm_strbuf_sep(&sb, ",");
		lkm_strbuf_add(&sb, u);
	}
	assert_false(sb.truncated);
	return buf;
}

static void test_debian61_capture(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, FIXTURES "/debian61/proc/modules");
	assert_int_equal(p.mods.format, LKM_MODULES_FORMAT_26);
	assert_int_equal(p.mods.n, 7);
	assert_int_equal(p.mods.skipped, 0);

	m = find(&p, "fat");
	assert_int_equal(m->size, 90112);
	assert_true(m->has_use_count);
	assert_int_equal(m->use_count, 2);
	assert_int_equal(m->n_used_by, 2);
	assert_string_equal(users(m), "vfat,msdos");
	assert_int_equal(m->state, LKM_STATE_LIVE);
	assert_string_equal(m->address, "0xffffffffc04a4000");
	assert_string_equal(m->taints, "");
	assert_int_equal(m->flags, 0);

	m = find(&p, "demo_permanent");
	assert_int_equal(m->flags, LKM_MODFLAG_PERMANENT);
	assert_int_equal(m->n_used_by, 0);
	assert_string_equal(m->taints, "OE");

	/* '-' and '_' name the same module, as for the kernel. */
	assert_ptr_equal(lkm_modules_find(&p.mods, "ne2k-pci"),
			 lkm_modules_find(&p.mods, "ne2k_pci"));
	assert_string_equal(users(find(&p, "8390")), "ne2k_pci");
	assert_null(lkm_modules_find(&p.mods, "msdo"));
	done(&p);
}

static void test_24_suse(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, REALDATA "/lkml/proc_modules-2.4.21-99-default-suse9.0");
	assert_int_equal(p.mods.format, LKM_MODULES_FORMAT_24);
	assert_int_equal(p.mods.n, 42);
	assert_int_equal(p.mods.skipped, 0);

	/* A 22-character name overflows the 20-column pad. */
	m = &p.mods.v[0];
	assert_string_equal(m->name, "bpm_2.4.21-99-default");
	assert_int_equal(m->size, 40428);
	assert_int_equal(m->use_count, 0);
	assert_int_equal(m->flags, LKM_MODFLAG_UNUSED);
	assert_null(m->taints);
	assert_null(m->address);
	assert_int_equal(m->state, LKM_STATE_LIVE);

	m = find(&p, "ipv6");
	assert_int_equal(m->use_count, -1);
	assert_int_equal(m->flags, LKM_MODFLAG_AUTOCLEAN);

	m = find(&p, "usbserial");
	assert_int_equal(m->flags, LKM_MODFLAG_AUTOCLEAN | LKM_MODFLAG_UNUSED);

	m = find(&p, "snd-via82xx");
	assert_true(m->has_use_count);
	assert_int_equal(m->use_count, 3);
	assert_int_equal(m->flags, 0);
	assert_int_equal(m->n_used_by, 0);

	m = find(&p, "snd");
	assert_int_equal(m->n_used_by, 9);
	assert_string_equal(users(m),
			    "snd-pcm-oss,snd-mixer-oss,snd-via82xx,snd-pcm,snd-timer,"
			    "snd-ac97-codec,snd-mpu401-uart,snd-rawmidi,snd-seq-device");
	m = find(&p, "key");
	assert_int_equal(m->flags, LKM_MODFLAG_AUTOCLEAN);
	assert_string_equal(users(m), "ipv6");
	m = find(&p, "reiserfs");
	assert_int_equal(m->size, 200084);
	assert_int_equal(m->use_count, 1);
	done(&p);
}

static void test_24_debian(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, REALDATA "/lkml/proc_modules-2.4.0-test10-debian");
	assert_int_equal(p.mods.n, 17);
	assert_int_equal(p.mods.skipped, 0);
	m = find(&p, "ppp_generic");
	assert_int_equal(m->size, 16288);
	assert_int_equal(m->use_count, 3);
	assert_string_equal(users(m), "ppp_deflate,bsd_comp,ppp_async");
	m = find(&p, "fat");
	assert_string_equal(users(m), "vfat");
	assert_int_equal(m->use_count, 0);
	done(&p);
}

static void test_26_permanent_loading(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, REALDATA "/lkml/proc_modules-2.6.5-mm1-x86_64.rejoined");
	assert_int_equal(p.mods.n, 31);
	assert_int_equal(p.mods.skipped, 0);
	m = find(&p, "libata");
	assert_string_equal(users(m), "sata_via");
	assert_int_equal(m->flags, LKM_MODFLAG_PERMANENT);
	m = find(&p, "powernow_k8");
	assert_int_equal(m->state, LKM_STATE_LOADING);
	assert_string_equal(m->state_word, "Loading");
	assert_int_equal(m->use_count, 2);
	m = find(&p, "snd");
	assert_int_equal(m->n_used_by, 8);
	done(&p);
}

static void test_mailwrapped_lines_are_skipped(void **state)
{
	struct parsed p;

	(void)state;
	/* 34 lines: two modules wrapped over two lines each. The head of a wrapped line
	 * still holds name, size, users and state: it is kept without an address; its
	 * tail ("0x...") is skipped. */
	parse_file(&p, REALDATA "/lkml/proc_modules-2.6.5-mm1-x86_64.mailwrapped");
	assert_int_equal(p.mods.n, 30);
	assert_int_equal(p.mods.skipped, 4);
	assert_null(lkm_modules_find(&p.mods, "snd"));
	assert_string_equal(find(&p, "i2c_core")->address, "");
	assert_string_equal(users(find(&p, "i2c_core")),
			    "w83781d,i2c_sensor,i2c_isa,i2c_dev");
	done(&p);

	parse_file(&p,
		   REALDATA "/lkml/proc_modules-3.15.0-rc6-ubuntu-OE-POE.mailwrapped");
	assert_int_equal(p.mods.format, LKM_MODULES_FORMAT_26);
	assert_int_equal(p.mods.n, 55);
	assert_int_equal(p.mods.skipped, 11);
	/* "snd_hda_codec 144671 5 " lost its users and state to the next lines: a count
	 * alone must not be read as a 2.4 line. */
	assert_null(lkm_modules_find(&p.mods, "snd_hda_codec"));
	assert_string_equal(find(&p, "fglrx")->taints, "POE");
	done(&p);
}

static void test_taints_and_hidden_addresses(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, REALDATA "/lkml/proc_modules-3.15.0-rc6-ubuntu-OE-POE.rejoined");
	assert_int_equal(p.mods.n, 58);
	assert_int_equal(p.mods.skipped, 0);
	m = find(&p, "fglrx");
	assert_int_equal(m->use_count, 147);
	assert_string_equal(m->taints, "POE");
	assert_string_equal(m->address, "0x0000000000000000");
	assert_string_equal(find(&p, "vboxpci")->taints, "OE");
	assert_string_equal(users(find(&p, "amd_iommu_v2")), "fglrx");
	done(&p);
}

static void test_jc_ubuntu(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_file(&p, REALDATA "/jc/modules");
	assert_int_equal(p.mods.n, 92);
	assert_int_equal(p.mods.skipped, 0);
	/* The count (5) and the listed users (3) differ: references are not all modules.
	 */
	m = find(&p, "vsock");
	assert_int_equal(m->use_count, 5);
	assert_string_equal(users(m), "vsock_loopback,vmw_vsock_virtio_transport_common,"
				      "vmw_vsock_vmci_transport");
	assert_string_equal(p.mods.v[0].name, "binfmt_misc");
	assert_string_equal(p.mods.v[0].address, "0xffffffffc0ab4000");
	done(&p);
}

static void test_synthetic_states(void **state)
{
	struct parsed p;
	const struct lkm_module *m;

	(void)state;
	parse_text(
		&p,
		test_text("fat 90112 - - Live 0xffffffffc020a000\n"
			  "going 100 0 - Unloading 0xffffffffc0000000 (OE-)\n"
			  "coming 100 0 - Loading 0xffffffffc0001000 (+)\n"
			  "forced 10 0 [unsafe], Live 0xffffffffc0002000\n"
			  "both 10 1 user,[permanent],[unsafe], Live 0xffffffffc0003000\n"
			  "odd 10 0 - Sleeping 0xffffffffc0004000\n"));
	assert_int_equal(p.mods.n, 6);
	m = find(&p, "fat");
	assert_false(m->has_use_count); /* no CONFIG_MODULE_UNLOAD */
	assert_int_equal(m->n_used_by, 0);
	m = find(&p, "going");
	assert_int_equal(m->state, LKM_STATE_UNLOADING);
	assert_string_equal(m->taints, "OE");
	m = find(&p, "coming");
	assert_int_equal(m->state, LKM_STATE_LOADING);
	assert_string_equal(m->taints, "");
	assert_int_equal(find(&p, "forced")->flags, LKM_MODFLAG_UNSAFE);
	m = find(&p, "both");
	assert_int_equal(m->flags, LKM_MODFLAG_PERMANENT | LKM_MODFLAG_UNSAFE);
	assert_string_equal(users(m), "user");
	m = find(&p, "odd");
	assert_int_equal(m->state, LKM_STATE_UNKNOWN);
	assert_string_equal(m->state_word, "Sleeping");
	done(&p);

	parse_text(&p, test_text("a 1 (deleted)\n"
				 "b 2 (initializing)\n"
				 "c 3 (uninitialized)\n"
				 "d 4 0 (autoclean) (unused)\n"
				 "e 5 -1\n"));
	assert_int_equal(p.mods.format, LKM_MODULES_FORMAT_24);
	assert_int_equal(p.mods.n, 5);
	assert_int_equal(find(&p, "a")->state, LKM_STATE_DELETED);
	assert_false(find(&p, "a")->has_use_count);
	assert_int_equal(find(&p, "b")->state, LKM_STATE_INITIALIZING);
	assert_int_equal(find(&p, "c")->state, LKM_STATE_UNINITIALIZED);
	assert_int_equal(find(&p, "d")->flags,
			 LKM_MODFLAG_AUTOCLEAN | LKM_MODFLAG_UNUSED);
	assert_int_equal(find(&p, "e")->use_count, -1);
	done(&p);
}

static void test_malformed(void **state)
{
	struct parsed p;

	(void)state;
	parse_text(&p, test_text(""));
	assert_int_equal(p.mods.n, 0);
	assert_int_equal(p.mods.format, LKM_MODULES_FORMAT_NONE);
	done(&p);

	parse_text(&p, test_text("ok 1 0 - Live 0x1\n"
				 "huge 99999999999999999999999 0 - Live 0x1\n"
				 "nosize\n"
				 "badsize 12x 0 - Live 0x1\n"
				 "badcount 1 x - Live 0x1\n"
				 "unclosed 1 0 - Live 0x1 (OE\n"
				 "extra 1 0 - Live 0x1 (OE) more\n"
				 "\xff\xfe 1 0 - Live 0x1\n"
				 "trunc 1 0 -"));
	assert_int_equal(p.mods.n, 2);
	assert_int_equal(p.mods.skipped, 7);
	assert_string_equal(p.mods.v[0].name, "ok");
	assert_string_equal(p.mods.v[1].name, "\xff\xfe");
	done(&p);

	parse_text(&p, test_text("a 1 0 [x y\nb 1 0 [x] junk\nc 1 0 (deleted\n"));
	assert_int_equal(p.mods.n, 0);
	assert_int_equal(p.mods.skipped, 3);
	done(&p);
}

static void test_reparse_reuses_arrays(void **state)
{
	struct lkm_modules mods = { 0 };
	char *a = test_slurp(REALDATA "/jc/modules");
	char *b = test_slurp(FIXTURES "/debian61/proc/modules");

	(void)state;
	assert_int_equal(lkm_modules_parse(&mods, a), 0);
	assert_int_equal(mods.n, 92);
	assert_int_equal(lkm_modules_parse(&mods, b), 0);
	assert_int_equal(mods.n, 7);
	assert_string_equal(mods.v[0].name, "demo_permanent");
	lkm_modules_release(&mods);
	free(a);
	free(b);
}

static void test_read_through_sysroot(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_modules mods = { 0 };

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/linux24", &root), 0);
	assert_int_equal(lkm_modules_read(&mods, root), 0);
	assert_int_equal(mods.n, 42);
	lkm_sysroot_free(root);

	/* No /proc/modules: a kernel without loadable-module support. */
	assert_int_equal(lkm_sysroot_new(FIXTURES "/nomodules", &root), 0);
	assert_int_equal(lkm_modules_read(&mods, root), -ENOENT);
	assert_int_equal(mods.n, 0);
	lkm_sysroot_free(root);
	lkm_modules_release(&mods);
}

/* The kernel's one rule for module (and parameter) names: '-' is '_'. */
static void test_name_rule(void **state)
{
	char name[] = "ne2k-pci-x";

	(void)state;
	assert_true(lkm_module_name_eq("ne2k-pci", "ne2k_pci"));
	assert_false(lkm_module_name_eq("ne2k-pci", "ne2k_pc"));
	assert_true(lkm_module_name_cmp("a-b", "a_c") < 0);
	assert_int_equal(lkm_module_name_cmp("snd_pcm", "snd-pcm"), 0);
	assert_true(lkm_module_name_eq_len("fat: msdos", 3, "fat"));
	assert_false(lkm_module_name_eq_len("fat: msdos", 3, "fa"));
	assert_false(lkm_module_name_eq_len("fat: msdos", 2, "fat"));
	assert_true(lkm_module_name_has_prefix("eth0-rx-0", "eth0"));
	assert_true(lkm_module_name_has_prefix("snd_hda_intel", "snd-hda"));
	assert_false(lkm_module_name_has_prefix("eth", "eth0"));
	lkm_module_name_normalize(name);
	assert_string_equal(name, "ne2k_pci_x");
}

/* The module files' suffixes: .ko and its compressed forms, and .o only when asked (the
 * 2.4 kernels' files a person names: insmod ne.o io=0x300). */
static void test_suffixes(void **state)
{
	static const struct {
		const char *name;
		size_t ko, with_o;
	} cases[] = {
		{ "msdos.ko", 3, 3 },	{ "fat.ko.xz", 6, 6 },
		{ "fat.ko.zst", 7, 7 }, { "kernel/fs/fat/fat.ko.gz", 6, 6 },
		{ "ne.o", 0, 2 },	{ "usbcore.o", 0, 2 },
		{ "msdos", 0, 0 },	{ ".ko", 0, 0 },
		{ ".o", 0, 0 },		{ "fat.ko.bak", 0, 0 },
		{ "fat.ko.bz2", 0, 0 }, { "demo.kobj", 0, 0 },
		{ "foo.bar.ko", 3, 3 }, { "x.ko.o", 0, 2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t len = strlen(cases[i].name);

		assert_int_equal(lkm_module_suffix_len(cases[i].name, len, 0),
				 cases[i].ko);
		assert_int_equal(
			lkm_module_suffix_len(cases[i].name, len, LKM_SUFFIX_WITH_O),
			cases[i].with_o);
	}
	/* The LEN bytes only: "fat.ko" within "fat.ko.xz". */
	assert_int_equal(lkm_module_suffix_len("fat.ko.xz", 6, 0), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debian61_capture),
		cmocka_unit_test(test_24_suse),
		cmocka_unit_test(test_24_debian),
		cmocka_unit_test(test_26_permanent_loading),
		cmocka_unit_test(test_mailwrapped_lines_are_skipped),
		cmocka_unit_test(test_taints_and_hidden_addresses),
		cmocka_unit_test(test_jc_ubuntu),
		cmocka_unit_test(test_synthetic_states),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_reparse_reuses_arrays),
		cmocka_unit_test(test_read_through_sysroot),
		cmocka_unit_test(test_name_rule),
		cmocka_unit_test(test_suffixes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
