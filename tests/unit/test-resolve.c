// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Resolution through libkmod on the fixture module tree. tests/fixtures/modroot-make.sh
 * builds it into a temporary directory first (tiny ELF objects + the system's depmod; see
 * tests/fixtures/modroot/README.md); without depmod or a compiler the tests that need the
 * indexes are skipped with the script's reason.
 */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/resolve.h"
#include "model/sysroot.h"
#include "shared/strbuf.h"

#define REL "6.1.0-test"

static char built[] = "/tmp/lkm-modroot-XXXXXX";
static int have_built;
static struct lkm_sysroot *root;
static struct lkm_resolver *res;

static int run_make(const char *out)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		const char *argv[] = { "/bin/sh", FIXTURES "/modroot-make.sh", out,
				       NULL };

		setenv("CC", LKM_TEST_CC, 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int group_setup(void **state)
{
	int rc;

	(void)state;
	if (mkdtemp(built) == NULL)
		return -1;
	rc = run_make(built);
	if (rc == 77) {
		fprintf(stderr, "# modroot-make.sh skipped: resolver tests on indexes "
				"are skipped\n");
		return 0;
	}
	if (rc != 0)
		return -1;
	have_built = 1;
	if (lkm_sysroot_new(built, &root) < 0 || lkm_resolver_new(root, NULL, &res) < 0)
		return -1;
	return 0;
}

static int rm_tree(const char *dir)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execl("/bin/rm", "rm", "-rf", "--", dir, (char *)NULL);
		_exit(127);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	lkm_resolver_free(res);
	lkm_sysroot_free(root);
	return rm_tree(built);
}

#define NEED_BUILT()                                                                     \
	do {                                                                             \
		if (!have_built)                                                         \
			skip();                                                          \
	} while (0)

/* The names of LIST joined by spaces, to compare whole lists in one assertion. */
static const char *names(const struct lkm_modlist *list)
{
	static char buf[1024];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (size_t i = 0; i < list->n; i++) {
		lkm_strbuf_sep(&sb, " ");
		lkm_strbuf_add(&sb, list->v[i].name);
	}
	assert_false(sb.truncated);
	return buf;
}

static const char *strv_join(char **v)
{
	static char buf[2048];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (size_t i = 0; v[i]; i++) {
		lkm_strbuf_sep(&sb, " ");
		lkm_strbuf_add(&sb, v[i]);
	}
	assert_false(sb.truncated);
	return buf;
}

static const char *modpath(const char *rel)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/lib/modules/" REL "/%s", built, rel);
	return buf;
}

/*
 * lkm_resolve_lookup answers NAME with the modules WANT (names joined by spaces); of the
 * first, its path (PATH under the module directory; "-": none; NULL: not checked) and its
 * builtin, blacklisted and by_alias flags (-1: not checked).
 */
static void expect_lookup(const char *name, const char *want, const char *path,
			  int builtin, int blacklisted, int by_alias)
{
	struct lkm_modlist l;

	assert_int_equal(lkm_resolve_lookup(res, name, &l), 0);
	assert_string_equal(names(&l), want);
	if (path && strcmp(path, "-") == 0)
		assert_null(l.v[0].path);
	else if (path)
		assert_string_equal(l.v[0].path, modpath(path));
	if (builtin >= 0)
		assert_int_equal(l.v[0].builtin, builtin);
	if (blacklisted >= 0)
		assert_int_equal(l.v[0].blacklisted, blacklisted);
	if (by_alias >= 0)
		assert_int_equal(l.v[0].by_alias, by_alias);
	lkm_modlist_release(&l);
}

/* ---- the release rule ---- */

static void test_release_live(void **state)
{
	struct lkm_sysroot *live;
	struct utsname u;
	char rel[256];

	(void)state;
	assert_int_equal(uname(&u), 0);
	assert_int_equal(lkm_sysroot_new("/", &live), 0);
	assert_int_equal(lkm_resolve_release(live, rel, sizeof(rel)), 0);
	assert_string_equal(rel, u.release);
	lkm_sysroot_free(live);
}

static void test_release_osrelease(void **state)
{
	struct lkm_sysroot *fx;
	char rel[256];

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/modroot", &fx), 0);
	assert_int_equal(lkm_resolve_release(fx, rel, sizeof(rel)), 0);
	assert_string_equal(rel, REL);
	assert_int_equal(lkm_resolve_release(fx, rel, 5), -ENAMETOOLONG);
	lkm_sysroot_free(fx);
}

static void test_release_single_dir(void **state)
{
	char dir[] = "/tmp/lkm-rel-XXXXXX", path[256], rel[256];
	struct lkm_sysroot *r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* No lib/modules at all. */
	assert_int_equal(lkm_sysroot_new(dir, &r), 0);
	assert_int_equal(lkm_resolve_release(r, rel, sizeof(rel)), -ENOENT);
	snprintf(path, sizeof(path), "%s/lib", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/lib/modules", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(lkm_resolve_release(r, rel, sizeof(rel)), -ENOENT);
	/* A stray file is not a release. */
	snprintf(path, sizeof(path), "%s/lib/modules/README", dir);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof(path), "%s/lib/modules/6.12.9-amd64", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(lkm_resolve_release(r, rel, sizeof(rel)), 0);
	assert_string_equal(rel, "6.12.9-amd64");
	snprintf(path, sizeof(path), "%s/lib/modules/6.1.0-28-amd64", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(lkm_resolve_release(r, rel, sizeof(rel)), -ENOTUNIQ);
	lkm_sysroot_free(r);
	rm_tree(dir);
}

/* The committed tree alone: depmod never ran, yet modules.builtin answers. */
static void test_without_indexes(void **state)
{
	struct lkm_sysroot *fx;
	struct lkm_resolver *r;
	struct lkm_modlist l;
	char **v;

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/modroot", &fx), 0);
	assert_int_equal(lkm_resolver_new(fx, NULL, &r), 0);
	assert_string_equal(lkm_resolver_release(r), REL);
	assert_string_equal(lkm_resolver_moddir(r), FIXTURES "/modroot/lib/modules/" REL);
	assert_non_null(lkm_resolver_kmod(r));
	assert_int_equal(lkm_resolver_has_moddep(r), 0);
	assert_int_equal(lkm_resolve_lookup(r, "fat", &l), -ENOENT);
	assert_int_equal(lkm_resolve_deps(r, "fat", &l), -ENOENT);
	assert_int_equal(lkm_resolve_is_builtin(r, "unix"), 1);
	assert_int_equal(lkm_resolve_names(r, 0, &v), 0);
	assert_null(v[0]);
	lkm_strv_freev(v);
	assert_int_equal(lkm_resolve_names(r, LKM_NAMES_BUILTIN, &v), 3);
	assert_string_equal(strv_join(v), "crc32c_generic ext4 unix");
	lkm_strv_freev(v);
	lkm_resolver_free(r);
	lkm_sysroot_free(fx);
}

static void test_opened(void **state)
{
	char want[4096];

	(void)state;
	NEED_BUILT();
	snprintf(want, sizeof(want), "%s/lib/modules/" REL, built);
	assert_string_equal(lkm_resolver_release(res), REL);
	assert_string_equal(lkm_resolver_moddir(res), want);
	assert_int_equal(lkm_resolver_has_moddep(res), LKM_MODDEP_TEXT | LKM_MODDEP_BIN);
}

/* ---- lookups ---- */

static void test_lookup_by_name(void **state)
{
	struct lkm_modlist l;

	(void)state;
	NEED_BUILT();
	assert_int_equal(lkm_resolve_lookup(res, "fat", &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].name, "fat");
	assert_string_equal(l.v[0].path, modpath("kernel/fs/fat/fat.ko"));
	assert_int_equal(l.v[0].builtin, 0);
	assert_int_equal(l.v[0].blacklisted, 0);
	assert_int_equal(l.v[0].by_alias, 0);
	lkm_modlist_release(&l);

	/* The file has '-', the module '_'; either spelling is the name, not an alias. */
	expect_lookup("ne2k-pci", "ne2k_pci",
		      "kernel/drivers/net/ethernet/8390/ne2k-pci.ko", -1, -1, 0);
	expect_lookup("ne2k_pci", "ne2k_pci", NULL, -1, -1, 0);

	assert_int_equal(lkm_resolve_lookup(res, "nosuchmodule", &l), -ENOENT);
	assert_int_equal(l.n, 0);
	assert_int_equal(lkm_resolve_lookup(res, "", &l), -EINVAL);
}

static void test_lookup_alias(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_lookup("fs-vfat", "vfat", "kernel/fs/fat/vfat.ko", -1, -1, 1);
	/* A modalias as udev asks for it, matched against ne2k-pci's wildcard alias. */
	expect_lookup("pci:v000010ECd00008029sv00001AF4sd00001100bc02sc00i00", "ne2k_pci",
		      NULL, -1, -1, 1);
	/* modprobe.d "alias eth-ne2k ne2k_pci". */
	expect_lookup("eth-ne2k", "ne2k_pci",
		      "kernel/drivers/net/ethernet/8390/ne2k-pci.ko", -1, -1, 1);
}

/* One alias, two drivers; one of them blacklisted, which modprobe would skip for an
 * alias. */
static void test_lookup_alias_several(void **state)
{
	struct lkm_modlist l;

	(void)state;
	NEED_BUILT();
	assert_int_equal(lkm_resolve_lookup(res, "platform:pcspkr", &l), 0);
	assert_string_equal(names(&l), "pcspkr snd_pcsp");
	assert_int_equal(l.v[0].blacklisted, 1);
	assert_int_equal(l.v[0].by_alias, 1);
	assert_int_equal(l.v[1].blacklisted, 0);
	assert_int_equal(l.v[1].by_alias, 1);
	assert_string_equal(l.v[1].path,
			    modpath("kernel/sound/drivers/pcsp/snd-pcsp.ko"));
	lkm_modlist_release(&l);
}

/* The blacklist applies to aliases only: by its own name floppy still loads. */
static void test_lookup_blacklisted(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_lookup("block-major-2-0", "floppy", NULL, -1, 1, 1);
	expect_lookup("floppy", "floppy", NULL, -1, 1, 0);
}

/* kmod's testsuite "alias mod-simple deaddood": modprobe.d aliases win over module names,
 * and this one points at no module. */
static void test_lookup_alias_to_nothing(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_lookup("mod-simple", "deaddood", "-", 0, -1, 1);
}

static void test_lookup_builtin(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_lookup("unix", "unix", "-", 1, -1, 0);
	/* A built-in alias (modules.builtin.modinfo -> modules.builtin.alias.bin). */
	expect_lookup("crc32c", "crc32c_generic", "-", 1, -1, 1);

	assert_int_equal(lkm_resolve_is_builtin(res, "ext4"), 1);
	assert_int_equal(lkm_resolve_is_builtin(res, "crc32c-generic"), 1);
	assert_int_equal(lkm_resolve_is_builtin(res, "fat"), 0);
	assert_int_equal(lkm_resolve_is_builtin(res, "crc32c"), 0);
}

/* ---- dependencies ---- */

/* FN (lkm_resolve_deps, lkm_resolve_symbol) answers NAME with the modules WANT, their
 * names joined by spaces. */
static void expect_names(int (*fn)(struct lkm_resolver *, const char *,
				   struct lkm_modlist *),
			 const char *name, const char *want)
{
	struct lkm_modlist l;

	assert_int_equal(fn(res, name, &l), 0);
	assert_string_equal(names(&l), want);
	lkm_modlist_release(&l);
}

static void expect_deps(const char *name, const char *want)
{
	expect_names(lkm_resolve_deps, name, want);
}

static void test_deps(void **state)
{
	struct lkm_modlist l;

	(void)state;
	NEED_BUILT();
	expect_deps("msdos", "fat msdos");
	expect_deps("vfat", "fat vfat");
	expect_deps("fat", "fat");
	expect_deps("ne2k-pci", "8390 ne2k_pci");
	/* The diamond: bluetooth once, first. */
	expect_deps("btusb", "bluetooth btintel btbcm btrtl btusb");
	expect_deps("btintel", "bluetooth btintel");
	expect_deps("mod-foo", "mod_foo_a mod_foo_b mod_foo_c mod_foo");
	/* A dependency of a blacklisted module, and a blacklisted module itself, still
	 * load. */
	expect_deps("floppy", "floppy");

	assert_int_equal(lkm_resolve_deps(res, "msdos", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].path, modpath("kernel/fs/fat/fat.ko"));
	assert_string_equal(l.v[1].path, modpath("kernel/fs/fat/msdos.ko"));
	assert_int_equal(l.v[0].by_alias, 0);
	lkm_modlist_release(&l);

	assert_int_equal(lkm_resolve_deps(res, "ext4", &l), 0);
	assert_string_equal(names(&l), "ext4");
	assert_int_equal(l.v[0].builtin, 1);
	assert_null(l.v[0].path);
	lkm_modlist_release(&l);

	/* Names only: an alias is not a module name. */
	assert_int_equal(lkm_resolve_deps(res, "fs-vfat", &l), -ENOENT);
	assert_int_equal(lkm_resolve_deps(res, "nosuchmodule", &l), -ENOENT);
	assert_int_equal(lkm_resolve_deps(res, "deaddood", &l), -ENOENT);
	assert_int_equal(l.n, 0);
}

/* ---- modprobe.d ---- */

/* expect_modconf's mark for a text it does not check. */
static const char any[] = "(not checked)";

static void expect_text(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else if (want != any)
		assert_string_equal(got, want);
}

/* lkm_resolve_modconf's answer for NAME: options, install and remove commands (NULL:
 * none; any: not checked), blacklisted and the number of softdeps pre and post (-1: not
 * checked). */
static void expect_modconf(const char *name, const char *options, int blacklisted,
			   const char *install, const char *remove, int n_pre, int n_post)
{
	struct lkm_modconf c;

	assert_int_equal(lkm_resolve_modconf(res, name, &c), 0);
	expect_text(c.options, options);
	if (blacklisted >= 0)
		assert_int_equal(c.blacklisted, blacklisted);
	expect_text(c.install, install);
	expect_text(c.remove, remove);
	if (n_pre >= 0)
		assert_int_equal(c.pre.n, n_pre);
	if (n_post >= 0)
		assert_int_equal(c.post.n, n_post);
	lkm_modconf_release(&c);
}

static void test_modconf_options_commands(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_modconf("ne2k-pci", "debug=2 full_duplex=1", 0, NULL, NULL, 0, 0);
	/* lkmtui.conf (the --persist file) is read like any other modprobe.d file. */
	expect_modconf(
		"btusb", "enable_autosuspend=0", -1, NULL,
		"/sbin/modprobe -r --ignore-remove btusb && /bin/echo btusb removed", -1,
		-1);
	expect_modconf("floppy", NULL, 1, "/bin/true", NULL, -1, -1);
	expect_modconf("mod-loop-b", any, -1,
		       "$MODPROBE --ignore-install mod-loop-b && { $MODPROBE --quiet "
		       "mod-loop-a ; }",
		       any, -1, -1);
	expect_modconf("fat", NULL, 0, NULL, NULL, 0, 0);
}

static void test_modconf_softdeps(void **state)
{
	struct lkm_modconf c;

	(void)state;
	NEED_BUILT();
	/* kmod's multi-softdep files: two lines in one file and one in a second. libkmod
	 * takes the first matching line only, as modprobe does; the rest are counted. */
	assert_int_equal(lkm_resolve_modconf(res, "mod-softdep-a", &c), 0);
	assert_string_equal(names(&c.pre), "mod_foo_a");
	assert_int_equal(c.post.n, 0);
	assert_int_equal(c.softdeps_ignored, 2);
	assert_string_equal(c.pre.v[0].path, modpath("kernel/mod-foo-a.ko"));
	lkm_modconf_release(&c);
	assert_int_equal(lkm_resolve_modconf(res, "mod-softdep-b", &c), 0);
	assert_string_equal(names(&c.pre), "mod_foo_a");
	assert_int_equal(c.post.n, 0);
	assert_int_equal(c.softdeps_ignored, 1);
	lkm_modconf_release(&c);
	/* From the module's own .modinfo via modules.softdep, resolved to a built-in
	 * alias. */
	assert_int_equal(lkm_resolve_modconf(res, "btrfs", &c), 0);
	assert_string_equal(names(&c.pre), "crc32c_generic");
	assert_int_equal(c.pre.v[0].builtin, 1);
	assert_int_equal(c.post.n, 0);
	assert_int_equal(c.softdeps_ignored, 0);
	lkm_modconf_release(&c);
}

static void test_blacklist(void **state)
{
	char **v;

	(void)state;
	NEED_BUILT();
	assert_int_equal(lkm_resolve_blacklist(res, &v), 2);
	assert_string_equal(strv_join(v), "floppy pcspkr");
	lkm_strv_freev(v);
}

/* ---- symbols ---- */

static void test_symbol(void **state)
{
	struct lkm_modlist l;

	(void)state;
	NEED_BUILT();
	assert_int_equal(lkm_resolve_symbol(res, "fat_add_entries", &l), 0);
	assert_string_equal(names(&l), "fat");
	assert_string_equal(l.v[0].path, modpath("kernel/fs/fat/fat.ko"));
	lkm_modlist_release(&l);
	expect_names(lkm_resolve_symbol, "ei_open", "8390");
	expect_names(lkm_resolve_symbol, "bt_err", "bluetooth");
	/* Exported by the kernel itself, or by nobody: depmod doesn't say which. */
	assert_int_equal(lkm_resolve_symbol(res, "printk", &l), -ENOENT);
	assert_int_equal(lkm_resolve_symbol(res, "", &l), -EINVAL);
}

/* ---- names ---- */

static void expect_suggest(const char *name, const char *want)
{
	char **v;
	int n = lkm_resolve_suggest(res, name, &v);

	assert_true(n >= 0);
	assert_string_equal(strv_join(v), want);
	lkm_strv_freev(v);
}

static void test_suggest(void **state)
{
	(void)state;
	NEED_BUILT();
	expect_suggest("msdso", "msdos"); /* a transposition */
	expect_suggest("vfta", "vfat");
	expect_suggest("btusbb", "btusb");
	expect_suggest("bluetoth", "bluetooth");
	expect_suggest("ne2k", "ne2k_pci"); /* a prefix */
	expect_suggest("ne2k-pc", "ne2k_pci");
	expect_suggest("ext3", "ext4"); /* built in */
	expect_suggest("mod-foo-d", "mod_foo_a mod_foo_b mod_foo_c mod_foo mod_loop_a");
	expect_suggest("fat", "vfat"); /* itself is not a suggestion */
	expect_suggest("zzzzzzzz", "");
}

static void test_names(void **state)
{
	char **v;

	(void)state;
	NEED_BUILT();
	assert_int_equal(lkm_resolve_names(res, 0, &v), 23);
	assert_string_equal(
		strv_join(v),
		"8390 bluetooth btbcm btintel btrfs btrtl btusb fat floppy mod_foo "
		"mod_foo_a mod_foo_b mod_foo_c mod_loop_a mod_loop_b mod_simple "
		"mod_softdep_a mod_softdep_b msdos ne2k_pci pcspkr snd_pcsp vfat");
	lkm_strv_freev(v);
	assert_int_equal(lkm_resolve_names(res, LKM_NAMES_BUILTIN, &v), 26);
	assert_string_equal(
		strv_join(v),
		"8390 bluetooth btbcm btintel btrfs btrtl btusb crc32c_generic ext4 fat "
		"floppy mod_foo mod_foo_a mod_foo_b mod_foo_c mod_loop_a mod_loop_b "
		"mod_simple mod_softdep_a mod_softdep_b msdos ne2k_pci pcspkr snd_pcsp "
		"unix vfat");
	lkm_strv_freev(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_live),
		cmocka_unit_test(test_release_osrelease),
		cmocka_unit_test(test_release_single_dir),
		cmocka_unit_test(test_without_indexes),
		cmocka_unit_test(test_opened),
		cmocka_unit_test(test_lookup_by_name),
		cmocka_unit_test(test_lookup_alias),
		cmocka_unit_test(test_lookup_alias_several),
		cmocka_unit_test(test_lookup_blacklisted),
		cmocka_unit_test(test_lookup_alias_to_nothing),
		cmocka_unit_test(test_lookup_builtin),
		cmocka_unit_test(test_deps),
		cmocka_unit_test(test_modconf_options_commands),
		cmocka_unit_test(test_modconf_softdeps),
		cmocka_unit_test(test_blacklist),
		cmocka_unit_test(test_symbol),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
