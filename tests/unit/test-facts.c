// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The facts around a load, on tests/fixtures/facts (see tests/fixtures/SOURCES): CPU
 * aliases against a real modalias, firmware files as the loader looks them up, DKMS's
 * tree and the other kernels' trees, modprobe.d options the kernel would ignore.
 */
#include "config.h"

#include <spawn.h>
#include <sys/wait.h>

#include "testutil.h"

#include "core/cpufeat.h"
#include "core/dkms.h"
#include "core/firmware.h"
#include "core/holders.h"
#include "core/kallsyms.h"
#include "core/keys.h"
#include "core/modfile.h"
#include "core/modopts.h"

#define FACTS FIXTURES "/facts"

extern char **environ;

static struct lkm_sysroot *facts_root(void)
{
	struct lkm_sysroot *root;

	assert_int_equal(lkm_sysroot_new(FACTS, &root), 0);
	return root;
}

/* --- CPU features --- */

static void test_cpu_alias_parse(void **state)
{
	struct lkm_cpu_need n;

	(void)state;
	assert_true(lkm_cpu_need_parse("cpu:type:x86,ven*fam*mod*:feature:*0085*", &n));
	assert_int_equal(n.vendor, LKM_CPU_ANY);
	assert_int_equal(n.family, LKM_CPU_ANY);
	assert_int_equal(n.model, LKM_CPU_ANY);
	assert_int_equal(n.feature, 0x85);
	assert_true(
		lkm_cpu_need_parse("cpu:type:x86,ven0000fam0006mod0055:feature:*", &n));
	assert_int_equal(n.vendor, 0);
	assert_int_equal(n.family, 6);
	assert_int_equal(n.model, 0x55);
	assert_int_equal(n.feature, LKM_CPU_ANY);
	assert_false(lkm_cpu_need_parse("pci:v000010ECd00008029sv*sd*bc*sc*i*", &n));
	assert_false(lkm_cpu_need_parse("cpu:type:x86,ven*fam*mod*:feature:*85*", &n));
	assert_false(lkm_cpu_need_parse("cpu:type:x86,ven*fam*mod*:feature:*0085", &n));
	assert_false(lkm_cpu_need_parse("cpu:type:x86,venZZZZfam*mod*:feature:*", &n));
	assert_string_equal(lkm_cpu_feature_name(0x85), "vmx");
	assert_string_equal(lkm_cpu_feature_name(0xC2), "svm");
	assert_string_equal(lkm_cpu_feature_name(0x99), "aes");
	assert_string_equal(lkm_cpu_feature_name(0x125), "avx2");
	assert_string_equal(lkm_cpu_feature_name(0x1C0), "dtherm");
	assert_null(lkm_cpu_feature_name(0x7D)); /* word 3: Linux's own numbering */
	assert_string_equal(lkm_cpu_vendor_name(2), "AMD");
	assert_null(lkm_cpu_vendor_name(4));
	assert_null(lkm_cpu_vendor_name(-1));
}

/* The N aliases of a module, checked against ROOT's CPU: N_NEEDS needs, all satisfied. */
static void expect_satisfied(struct lkm_sysroot *root, const char *const *aliases,
			     size_t n, size_t n_needs)
{
	struct lkm_cpufeat f;

	assert_int_equal(lkm_cpufeat_check(root, aliases, n, &f), 0);
	assert_int_equal(f.n_needs, n_needs);
	assert_true(f.satisfied);
	lkm_cpufeat_release(&f);
}

/* The fixture's modalias is a real AMD CPU (family 0x1A) without vmx or svm. */
static void test_cpu_check(void **state)
{
	static const char *const kvm_intel[] = {
		"cpu:type:x86,ven*fam*mod*:feature:*0085*"
	};
	static const char *const aesni[] = { "crypto-aes", "aes",
					     "cpu:type:x86,ven*fam*mod*:feature:*0099*" };
	static const char *const sha1[] = { "cpu:type:x86,ven*fam*mod*:feature:*0089*",
					    "cpu:type:x86,ven*fam*mod*:feature:*009C*",
					    "cpu:type:x86,ven*fam*mod*:feature:*0125*" };
	static const char *const coretemp[] = {
		"cpu:type:x86,ven0000fam*mod*:feature:*01C0*"
	};
	static const char *const plain[] = { "fs-vfat" };
	struct lkm_sysroot *root = facts_root(), *empty;
	struct lkm_cpufeat f;

	(void)state;
	assert_int_equal(lkm_cpufeat_check(root, kvm_intel, 1, &f), 0);
	assert_true(f.known);
	assert_int_equal(f.cpu.vendor, 2);
	assert_int_equal(f.cpu.family, 0x1A);
	assert_int_equal(f.cpu.model, 2);
	assert_true(lkm_cpu_has(&f.cpu, 0x99));
	assert_false(lkm_cpu_has(&f.cpu, 0x85));
	assert_int_equal(f.n_needs, 1);
	assert_false(f.needs[0].met);
	assert_false(f.satisfied);
	lkm_cpufeat_release(&f);

	expect_satisfied(root, aesni, 3, 1);
	/* One alias met is enough, as for modprobe. */
	expect_satisfied(root, sha1, 3, 3);

	/* Intel-only: the vendor does not match, whatever the features. */
	assert_int_equal(lkm_cpufeat_check(root, coretemp, 1, &f), 0);
	assert_false(f.needs[0].met);
	assert_false(f.satisfied);
	lkm_cpufeat_release(&f);

	expect_satisfied(root, plain, 1, 0);
	lkm_sysroot_free(root);

	/* No modalias to read: nothing can be said, nothing is refused. */
	assert_int_equal(lkm_sysroot_new(FIXTURES "/linux24", &empty), 0);
	assert_int_equal(lkm_cpufeat_check(empty, kvm_intel, 1, &f), 0);
	assert_false(f.known);
	assert_true(f.satisfied);
	lkm_cpufeat_release(&f);
	lkm_sysroot_free(empty);
}

static void test_cpu_id_parse(void **state)
{
	struct lkm_cpu_id id;

	(void)state;
	assert_int_equal(
		lkm_cpu_id_parse("cpu:type:x86,ven0000fam0006mod003F:feature:,0085,"
				 "0000,00C2\n",
				 &id),
		0);
	assert_int_equal(id.n_features, 3);
	assert_int_equal(id.features[0], 0);
	assert_true(lkm_cpu_has(&id, 0x85));
	assert_true(lkm_cpu_has(&id, 0xC2));
	lkm_cpu_id_release(&id);
	assert_int_equal(lkm_cpu_id_parse("cpu:type:x86,ven*fam*mod*:feature:", &id),
			 -EINVAL);
	assert_int_equal(
		lkm_cpu_id_parse("cpu:type:x86,ven0000fam0006mod003F:feature:,00", &id),
		-EINVAL);
	assert_int_equal(lkm_cpu_id_parse("cpu:type:arm64:feature:,0001", &id), -EINVAL);
}

/* --- firmware --- */

static void test_firmware(void **state)
{
	static const char *const names[] = {
		"lkmlab/present.bin",
		"lkmlab/small.bin",
		"rtl_nic/rtl8168h-2.fw",
		"lkmlab/new.bin",
		"lkmlab/rel.bin",
		"lkmlab/x.bin",
		"iwl/iwlwifi-cc-a0-*.ucode",
		"../etc/passwd",
		"rtl_nic/rtl8125a-3.fw",
	};
	static const char *const found[] = {
		"/lib/firmware/lkmlab/present.bin",
		"/lib/firmware/lkmlab/small.bin.zst",
		"/lib/firmware/rtl_nic/rtl8168h-2.fw.xz",
		"/lib/firmware/updates/lkmlab/new.bin",
		"/lib/firmware/6.1.0-57-amd64/lkmlab/rel.bin",
		NULL,
		"/lib/firmware/iwl/iwlwifi-cc-a0-72.ucode",
		NULL,
		NULL,
	};
	static const char *const package[] = {
		NULL, NULL, "firmware-realtek", NULL, NULL, NULL,
		NULL, NULL, "firmware-realtek",
	};
	struct lkm_sysroot *root = facts_root();
	struct lkm_firmware fw;

	(void)state;
	assert_int_equal(lkm_firmware_check(root, "6.1.0-57-amd64", names, 9, &fw), 0);
	assert_int_equal(fw.n, 9);
	assert_int_equal(fw.n_missing, 3);
	for (size_t i = 0; i < fw.n; i++) {
		assert_string_equal(fw.v[i].name, names[i]);
		if (found[i])
			assert_string_equal(fw.v[i].found, found[i]);
		else
			assert_null(fw.v[i].found);
		if (package[i])
			assert_string_equal(fw.v[i].package, package[i]);
		else
			assert_null(fw.v[i].package);
	}
	lkm_firmware_release(&fw);

	/* Another release: its own directory is not searched. */
	assert_int_equal(
		lkm_firmware_check(root, "6.12.117+deb12-amd64", names + 4, 1, &fw), 0);
	assert_int_equal(fw.n_missing, 1);
	lkm_firmware_release(&fw);
	assert_int_equal(lkm_firmware_check(root, NULL, NULL, 0, &fw), 0);
	assert_int_equal(fw.n, 0);
	lkm_firmware_release(&fw);
	lkm_sysroot_free(root);
}

static void test_firmware_log_line(void **state)
{
	char name[64];
	int err = 0;

	(void)state;
	assert_true(lkm_firmware_log_line(
		"demo_fw: Direct firmware load for lkmlab/x.bin failed with error -2",
		name, sizeof(name), &err));
	assert_string_equal(name, "lkmlab/x.bin");
	assert_int_equal(err, -2);
	assert_true(
		lkm_firmware_log_line("(NULL device *): Direct firmware load for a b.fw "
				      "failed with error -12",
				      name, sizeof(name), &err));
	assert_string_equal(name, "a b.fw");
	assert_int_equal(err, -12);
	assert_false(lkm_firmware_log_line("firmware: failed to load lkmlab/x.bin (-2)",
					   name, sizeof(name), &err));
	assert_false(
		lkm_firmware_log_line("Direct firmware load for  failed with error -2",
				      name, sizeof(name), &err));
	assert_false(
		lkm_firmware_log_line("Direct firmware load for x failed with error 0",
				      name, sizeof(name), &err));
}

/* --- DKMS --- */

static void test_dkms_upgrade(void **state)
{
	static const char *const tail[] = {
		"DKMS (dkms-3.0.10) make.log for demo_dkms/1.0 for kernel 6.1.0-57-amd64 "
		"(x86_64)",
		"Mon Dec  7 09:12:44 UTC 2026",
		"Building module:",
		"Cleaning build area...",
		"make -j2 KERNELRELEASE=6.1.0-57-amd64 -C "
		"/lib/modules/6.1.0-57-amd64/build "
		"M=/var/lib/dkms/demo_dkms/1.0/build...",
		"make: *** /lib/modules/6.1.0-57-amd64/build: No such file or directory. "
		" Stop.",
	};
	struct lkm_sysroot *root = facts_root();
	struct lkm_dkms d;
	const struct lkm_dkms_pkg *p;

	(void)state;
	/* Upgraded to -57: built and installed for -56 only, the build for -57 failed for
	 * want of headers. */
	assert_int_equal(lkm_dkms_query(root, "demo-dkms", "6.1.0-57-amd64", &d), 0);
	assert_false(d.headers);
	assert_int_equal(d.n_pkgs, 1);
	p = &d.pkgs[0];
	assert_string_equal(p->package, "demo_dkms");
	assert_string_equal(p->version, "1.0");
	assert_int_equal(p->state, LKM_DKMS_INSTALLED);
	assert_string_equal(lkm_dkms_state_id(p->state), "installed");
	assert_int_equal(p->n_builds, 1);
	assert_string_equal(p->builds[0].kernel, "6.1.0-56-amd64");
	assert_string_equal(p->builds[0].arch, "x86_64");
	assert_true(p->builds[0].installed);
	assert_false(p->for_release);
	assert_string_equal(p->failed_log, "/var/lib/dkms/demo_dkms/1.0/build/make.log");
	assert_int_equal(p->n_tail, 6);
	for (size_t i = 0; i < p->n_tail; i++)
		assert_string_equal(p->log_tail[i], tail[i]);
	assert_int_equal(d.n_kernels, 1);
	assert_string_equal(d.kernels[0], "6.1.0-56-amd64");
	lkm_dkms_release(&d);

	/* On -56 itself: built for it, headers there, no other kernel has it. */
	assert_int_equal(lkm_dkms_query(root, "demo_dkms", "6.1.0-56-amd64", &d), 0);
	assert_true(d.headers);
	assert_int_equal(d.n_pkgs, 1);
	assert_true(d.pkgs[0].for_release);
	assert_int_equal(d.n_kernels, 0);
	lkm_dkms_release(&d);
	lkm_sysroot_free(root);
}

static void test_dkms_states(void **state)
{
	struct lkm_sysroot *root = facts_root();
	struct lkm_dkms d;

	(void)state;
	/* zfs's package builds spl and zfs (dkms.conf), for no kernel yet. */
	assert_int_equal(lkm_dkms_query(root, "spl", "6.1.0-57-amd64", &d), 0);
	assert_int_equal(d.n_pkgs, 1);
	assert_string_equal(d.pkgs[0].package, "zfs");
	assert_string_equal(d.pkgs[0].version, "2.1.11");
	assert_int_equal(d.pkgs[0].state, LKM_DKMS_ADDED);
	assert_int_equal(d.pkgs[0].n_builds, 0);
	assert_null(d.pkgs[0].failed_log);
	lkm_dkms_release(&d);
	assert_int_equal(lkm_dkms_query(root, "zfs", "6.1.0-57-amd64", &d), 0);
	assert_int_equal(d.n_pkgs, 1);
	lkm_dkms_release(&d);

	/* Its source link points nowhere. */
	assert_int_equal(lkm_dkms_query(root, "gone", "6.1.0-57-amd64", &d), 0);
	assert_int_equal(d.n_pkgs, 1);
	assert_int_equal(d.pkgs[0].state, LKM_DKMS_BROKEN);
	lkm_dkms_release(&d);

	/* Not DKMS's: only a sibling flavour's tree has it. */
	assert_int_equal(lkm_dkms_query(root, "virtio_cloudonly", "6.1.0-57-amd64", &d),
			 0);
	assert_int_equal(d.n_pkgs, 0);
	assert_int_equal(d.n_kernels, 1);
	assert_string_equal(d.kernels[0], "6.1.0-56-cloud-amd64");
	lkm_dkms_release(&d);

	assert_int_equal(lkm_dkms_query(root, "nothing_anywhere", NULL, &d), 0);
	assert_int_equal(d.n_pkgs, 0);
	assert_int_equal(d.n_kernels, 0);
	assert_false(d.headers);
	lkm_dkms_release(&d);
	lkm_sysroot_free(root);
}

/* --- modprobe.d options --- */

/* tests/fixtures/ko/params-module.c, compiled here (io, irq, name, descr_only, list). */
static struct lkm_modfile *params_module(void)
{
	static char out[] = "/tmp/lkm-facts-XXXXXX";
	char path[64];
	char *argv[] = { "cc", "-c", "-fno-toplevel-reorder",
			 "-o", path, FIXTURES "/ko/params-module.c",
			 NULL };
	struct lkm_modfile *mf;
	pid_t pid;
	int status;

	if (mkdtemp(out) == NULL)
		return NULL;
	snprintf(path, sizeof(path), "%s/params-module.ko", out);
	if (posix_spawnp(&pid, "cc", NULL, NULL, argv, environ) != 0 ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return NULL;
	if (lkm_modfile_open(path, &mf, NULL) < 0)
		mf = NULL;
	unlink(path);
	rmdir(out);
	return mf;
}

static void test_ignored_options(void **state)
{
	static const struct {
		const char *file;
		unsigned line;
		const char *word;
		bool comment, applied;
	} want[] = {
		{ "/etc/modprobe.d/local.conf", 3, "nosuchparam=1", false, false },
		{ "/lib/modprobe.d/vendor.conf", 1, "#", true, false },
		{ "/lib/modprobe.d/vendor.conf", 1, "was:", true, false },
		{ "/lib/modprobe.d/vendor.conf", 1, "io=0x280", true, true },
		{ "/lib/modprobe.d/vendor.conf", 2, "bogus", false, false },
	};
	struct lkm_sysroot *root = facts_root();
	struct lkm_modfile *mf = params_module();
	struct lkm_modopts o;

	(void)state;
	if (mf == NULL) {
		lkm_sysroot_free(root);
		skip();
	}
	assert_int_equal(lkm_modopts_ignored(root, "params-module", mf, NULL, &o), 0);
	assert_int_equal(o.n, 5);
	for (size_t i = 0; i < o.n; i++) {
		assert_string_equal(o.v[i].file, want[i].file);
		assert_int_equal(o.v[i].line, want[i].line);
		assert_string_equal(o.v[i].word, want[i].word);
		assert_int_equal(o.v[i].comment, want[i].comment);
		assert_int_equal(o.v[i].applied, want[i].applied);
	}
	lkm_modopts_release(&o);
	lkm_modfile_free(mf);

	/* Without the module's file only the comment can be told. */
	assert_int_equal(
		lkm_modopts_ignored(root, "zram", NULL, "/nonexistent/zram.ko", &o), 0);
	assert_int_equal(o.n, 1);
	assert_string_equal(o.v[0].file, "/etc/modprobe.d/local.conf");
	assert_int_equal(o.v[0].line, 2);
	assert_string_equal(o.v[0].word, "#32");
	assert_true(o.v[0].comment);
	lkm_modopts_release(&o);

	assert_int_equal(lkm_modopts_ignored(root, "floppy", NULL, NULL, &o), 0);
	assert_int_equal(o.n, 0);
	lkm_modopts_release(&o);
	lkm_sysroot_free(root);
}

/* --- majors under another name --- */

static void test_foreign_majors(void **state)
{
	/* As .rodata holds them: strings end to end, each ended by a NUL. */
	static const char file[] =
		"\0demo_frontend\0lkmlab-frontend\0rtc_x\0mem\0demo_chr";
	static const char inside[] = "\0xlkmlab-frontend\0lkmlab-frontendx\0";
	struct lkm_sysroot *root = facts_root();
	struct lkm_foreign_major *v;
	struct lkm_holders h;
	size_t n;

	(void)state;
	/* mem is no dynamic major, demo_chr is a loaded module's own, rtc is not alone.
	 */
	assert_int_equal(lkm_holders_foreign_majors(root, "demo_frontend", file,
						    sizeof(file), &v, &n),
			 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].kind, 'c');
	assert_int_equal(v[0].major, 240);
	assert_string_equal(v[0].name, "lkmlab-frontend");
	lkm_foreign_majors_free(v, n);
	/* Only inside longer strings: not registered by this file. */
	assert_int_equal(lkm_holders_foreign_majors(root, "demo_frontend", inside,
						    sizeof(inside), &v, &n),
			 0);
	assert_int_equal(n, 0);
	lkm_foreign_majors_free(v, n);

	/* Process 4242 holds two fds on /dev/null (char 1:3): counted once the caller
	 * names major 1 as the module's. */
	assert_int_equal(lkm_holders_query(root, "demo_frontend", &h), 0);
	assert_int_equal(h.n_procs, 0);
	lkm_holders_release(&h);
	assert_int_equal(lkm_holders_query_with(
				 root, "demo_frontend",
				 &(struct lkm_foreign_major){ 'c', 1, NULL }, 1, &h),
			 0);
	assert_int_equal(h.n_procs, 1);
	assert_int_equal(h.procs[0].pid, 4242);
	assert_string_equal(h.procs[0].comm, "sleep");
	assert_string_equal(h.procs[0].file, "/dev/null");
	lkm_holders_release(&h);
	lkm_sysroot_free(root);
}

/* --- GPL-only exports and the kernel's keys: captures from the 6.1 guest --- */

static void test_gpl_only(void **state)
{
	static const char *const syms[] = { "_printk",
					    "platform_device_register_full",
					    "request_firmware",
					    "sysfs_create_group",
					    "kobject_uevent",
					    "not_exported_at_all",
					    "demo_frontend_helper" };
	struct lkm_sysroot *root = facts_root(), *other;
	struct lkm_gpl_exports g;

	(void)state;
	assert_int_equal(lkm_kallsyms_gpl_only(root, syms, 7, &g), 0);
	assert_true(g.known);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.symbols[0], "kobject_uevent");
	assert_string_equal(g.symbols[1], "platform_device_register_full");
	assert_string_equal(g.symbols[2], "sysfs_create_group");
	lkm_gpl_exports_release(&g);
	/* No kallsyms: nothing known. */
	assert_int_equal(lkm_sysroot_new(FIXTURES "/facts-guest", &other), 0);
	assert_int_equal(lkm_kallsyms_gpl_only(other, syms, 7, &g), 0);
	assert_false(g.known);
	assert_int_equal(g.n, 0);
	lkm_gpl_exports_release(&g);
	lkm_sysroot_free(other);
	lkm_sysroot_free(root);
}

static void test_kernel_keys(void **state)
{
	static const char *const rings[] = { ".blacklist: empty", ".platform: empty",
					     ".secondary_trusted_keys: 2",
					     ".builtin_trusted_keys: 1",
					     ".machine: empty" };
	struct lkm_sysroot *root = facts_root(), *guest;
	struct lkm_kernel_keys k;
	const struct lkm_kernel_key *key;

	(void)state;
	assert_int_equal(lkm_kernel_keys_read(root, &k), 0);
	assert_true(k.known);
	assert_false(k.mok_pending);
	assert_int_equal(k.n, 1);
	assert_string_equal(k.v[0].name, "Build time autogenerated kernel key");
	assert_string_equal(k.v[0].id, "35ec5eb42ea9fd1caf03b977c56ef26a3720f629");
	assert_int_equal(k.n_keyrings, 5);
	for (size_t i = 0; i < k.n_keyrings; i++)
		assert_string_equal(k.keyrings[i], rings[i]);
	key = lkm_kernel_keys_find(&k, "Build time autogenerated kernel key");
	assert_ptr_equal(key, &k.v[0]);
	assert_null(lkm_kernel_keys_find(&k, "lkmtui test signing key"));
	assert_null(lkm_kernel_keys_find(&k, NULL));
	lkm_kernel_keys_release(&k);

	/* The same keys, and a MokNew variable: an enrolment waits for the reboot. */
	assert_int_equal(lkm_sysroot_new(FIXTURES "/facts-guest", &guest), 0);
	assert_int_equal(lkm_kernel_keys_read(guest, &k), 0);
	assert_true(k.mok_pending);
	assert_int_equal(k.n, 1);
	lkm_kernel_keys_release(&k);
	lkm_sysroot_free(guest);
	lkm_sysroot_free(root);
}

/* TCG's -cpu max in the lab's qemu: an AMD-like CPU with svm and no vmx. */
static void test_cpu_guest(void **state)
{
	static const char *const kvm_intel[] = {
		"cpu:type:x86,ven*fam*mod*:feature:*0085*"
	};
	static const char *const kvm_amd[] = {
		"cpu:type:x86,ven*fam*mod*:feature:*00C2*"
	};
	struct lkm_sysroot *guest;
	struct lkm_cpufeat f;

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/facts-guest", &guest), 0);
	assert_int_equal(lkm_cpufeat_check(guest, kvm_intel, 1, &f), 0);
	assert_true(f.known);
	assert_false(f.satisfied);
	assert_true(lkm_cpu_has(&f.cpu, 4 * 32 + 31)); /* hypervisor */
	lkm_cpufeat_release(&f);
	assert_int_equal(lkm_cpufeat_check(guest, kvm_amd, 1, &f), 0);
	assert_true(f.satisfied);
	lkm_cpufeat_release(&f);
	lkm_sysroot_free(guest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpu_alias_parse),
		cmocka_unit_test(test_cpu_check),
		cmocka_unit_test(test_cpu_id_parse),
		cmocka_unit_test(test_firmware),
		cmocka_unit_test(test_firmware_log_line),
		cmocka_unit_test(test_dkms_upgrade),
		cmocka_unit_test(test_dkms_states),
		cmocka_unit_test(test_ignored_options),
		cmocka_unit_test(test_foreign_majors),
		cmocka_unit_test(test_gpl_only),
		cmocka_unit_test(test_kernel_keys),
		cmocka_unit_test(test_cpu_guest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
