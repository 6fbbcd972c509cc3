// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The other files lkmtui keeps (src/core/persist.h): modules-load.d's line, the block's
 * lines, compared whole; bad places (a symbolic link, a directory where the file should
 * be, a read-only /etc, a write that fails part way) leaving every old file whole; and
 * the initramfs comparison (src/core/initramfs.h) on archives written here.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "core/initramfs.h"
#include "core/persist.h"
#include "core/resolve.h"
#include "model/sysroot.h"
#include "testfiles.h"

#define BOOT_HEADER                                                                      \
	"# Modules lkmtui load --persist keeps loaded at boot (systemd-modules-load "    \
	"reads this\n# directory). One name a line; lkmtui unload --persist removes "    \
	"its line.\n"

static int setup(void **state)
{
	static const char *const dirs[] = { "/etc",  "/run",	  "/boot",
					    "/proc", "/proc/sys", "/proc/sys/kernel",
					    NULL };

	if (fx_setup(state, "/tmp/lkm-keep-XXXXXX", dirs) < 0)
		return -1;
	write_file(at(*state, "/proc/sys/kernel/osrelease"), "6.1.0-test\n", 0644);
	return 0;
}

/* modules-load.d: created with its header, idempotent, removed keeping other lines. */
static void test_boot(void **state)
{
	struct fx *f = *state;
	struct lkm_persist_result r;

	assert_int_equal(lkm_persist_boot(f->root, "ne2k-pci", 1, &r), 0);
	assert_true(r.created && r.changed);
	expect_file(at(f, LKM_BOOT_FILE), BOOT_HEADER "ne2k_pci\n");
	assert_int_equal(lkm_persist_boot(f->root, "ne2k_pci", 1, &r), 0);
	assert_false(r.changed);
	write_file(at(f, LKM_BOOT_FILE), "; theirs\nloop\nne2k-pci\n# ne2k_pci\nfat",
		   0644);
	assert_int_equal(lkm_persist_has(f->root, LKM_HAS_BOOT, "ne2k_pci"), 1);
	assert_int_equal(lkm_persist_boot(f->root, "ne2k_pci", 0, &r), 0);
	assert_true(r.changed);
	assert_int_equal(r.replaced, 1);
	expect_file(at(f, LKM_BOOT_FILE), "; theirs\nloop\n# ne2k_pci\nfat");
	assert_int_equal(lkm_persist_boot(f->root, "vfat", 1, &r), 0);
	expect_file(at(f, LKM_BOOT_FILE), "; theirs\nloop\n# ne2k_pci\nfat\nvfat\n");
	assert_int_equal(lkm_persist_has(f->root, LKM_HAS_BOOT, "ne2k_pci"), 0);
	/* Removing from no file creates none, nor its directory; without /run at all
	 * (a root with no /run: nothing to remove is no failure). */
	assert_int_equal(lkm_persist_block(f->root, "fat", 0, 0, &r), 0);
	assert_null(slurp(at(f, LKM_BLOCK_RUN_FILE)));
	rm_tree(at(f, "/run"));
	assert_int_equal(lkm_persist_block(f->root, "fat", 0, 0, &r), 0);
	assert_false(r.changed);
	assert_int_equal(access(at(f, "/run"), F_OK), -1);
}

/* The block's two lines beside the options, each kind edited alone. */
static void test_block_beside_options(void **state)
{
	struct fx *f = *state;
	struct lkm_persist_result r;
	const char *v[] = { "debug=1" };
	struct lkm_params p;

	mkdir(at(f, "/etc/modprobe.d"), 0755);
	write_file(at(f, LKM_PERSIST_FILE), "# mine\noptions fat codepage=850\n", 0644);
	assert_int_equal(lkm_persist_block(f->root, "fat", 1, 1, &r), 0);
	assert_int_equal(lkm_params_parse(v, 1, &p), 0);
	assert_int_equal(lkm_persist_options(f->root, "fat", &p, &r), 0);
	lkm_params_release(&p);
	expect_file(at(f, LKM_PERSIST_FILE), "# mine\noptions fat debug=1\n"
					     "blacklist fat\ninstall fat /bin/false\n");
	assert_int_equal(lkm_persist_has(f->root, LKM_HAS_BLOCK_ETC, "fat"), 1);
	assert_int_equal(lkm_persist_has(f->root, LKM_HAS_BLOCK_RUN, "fat"), 0);
	assert_int_equal(lkm_persist_block(f->root, "fat", 0, 1, &r), 0);
	expect_file(at(f, LKM_PERSIST_FILE), "# mine\noptions fat debug=1\n");
}

/* A symbolic link, for the file or its directory: refused, the link and what it points
 * to untouched. */
static void test_symlinks_refused(void **state)
{
	struct fx *f = *state;
	struct lkm_persist_result r;
	char target[128];

	mkdir(at(f, "/elsewhere"), 0755);
	write_file(at(f, "/elsewhere/lkmtui.conf"), "loop\n", 0644);
	assert_int_equal(symlink("../elsewhere", at(f, "/etc/modules-load.d")), 0);
	assert_int_equal(lkm_persist_boot(f->root, "vfat", 1, &r), -ELOOP);
	assert_int_equal(r.link, 1);
	expect_file(at(f, "/elsewhere/lkmtui.conf"), "loop\n");
	assert_int_equal(unlink(at(f, "/etc/modules-load.d")), 0);
	mkdir(at(f, "/etc/modules-load.d"), 0755);
	assert_int_equal(symlink("../../elsewhere/lkmtui.conf", at(f, LKM_BOOT_FILE)), 0);
	assert_int_equal(lkm_persist_boot(f->root, "vfat", 1, &r), -ELOOP);
	assert_int_equal(r.link, 2);
	expect_file(at(f, "/elsewhere/lkmtui.conf"), "loop\n");
	assert_int_equal(readlink(at(f, LKM_BOOT_FILE), target, sizeof(target) - 1),
			 (ssize_t)strlen("../../elsewhere/lkmtui.conf"));
}

/* A directory where the file should be, and a file where the directory should be. */
static void test_wrong_types(void **state)
{
	struct fx *f = *state;
	struct lkm_persist_result r;

	mkdir(at(f, "/etc/modules-load.d"), 0755);
	mkdir(at(f, LKM_BOOT_FILE), 0755);
	write_file(at(f, "/etc/modules-load.d/lkmtui.conf/keep"), "x\n", 0644);
	assert_int_equal(lkm_persist_boot(f->root, "vfat", 1, &r), -EISDIR);
	expect_file(at(f, "/etc/modules-load.d/lkmtui.conf/keep"), "x\n");
	write_file(at(f, "/run/modprobe.d"), "not a directory\n", 0644);
	assert_int_equal(lkm_persist_block(f->root, "vfat", 1, 0, &r), -ENOTDIR);
	expect_file(at(f, "/run/modprobe.d"), "not a directory\n");
}

/* A write that fails part way (a file size limit, as a full disk does): the old file
 * whole, no temporary file. */
static void test_boot_write_fails(void **state)
{
	struct fx *f = *state;
	const char *old = "loop\nfat\n";
	pid_t pid;
	int status;

	mkdir(at(f, "/etc/modules-load.d"), 0755);
	write_file(at(f, LKM_BOOT_FILE), old, 0644);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit lim = { .rlim_cur = 10, .rlim_max = 10 };

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(100);
		_exit(-lkm_persist_boot(f->root, "a_module_name_longer", 1, NULL));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), EFBIG);
	expect_file(at(f, LKM_BOOT_FILE), old);
	assert_int_equal(temp_files(at(f, "/etc/modules-load.d")), 0);
}

/* A read-only /etc: a read-only bind mount in a child's own mount namespace (needs
 * CAP_SYS_ADMIN; skipped without it). */
static int read_only_child(struct fx *f)
{
	struct lkm_persist_result r;
	int err;

	if (unshare(CLONE_NEWNS) < 0 ||
	    mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount(at(f, "/etc"), at(f, "/etc"), NULL, MS_BIND, NULL) < 0 ||
	    mount(NULL, at(f, "/etc"), NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) < 0)
		return 77;
	err = lkm_persist_boot(f->root, "vfat", 1, &r);
	if (err != -EROFS)
		return 10;
	err = lkm_persist_block(f->root, "vfat", 1, 1, &r);
	return err == -EROFS ? 0 : 11;
}

static void test_read_only_etc(void **state)
{
	struct fx *f = *state;
	pid_t pid;
	int status;

	mkdir(at(f, "/etc/modules-load.d"), 0755);
	mkdir(at(f, "/etc/modprobe.d"), 0755);
	write_file(at(f, LKM_BOOT_FILE), "loop\n", 0644);
	write_file(at(f, LKM_PERSIST_FILE), "options fat codepage=850\n", 0644);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(read_only_child(f));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		fprintf(stderr,
			"# cannot bind-mount read-only here (no CAP_SYS_ADMIN)\n");
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
	expect_file(at(f, LKM_BOOT_FILE), "loop\n");
	expect_file(at(f, LKM_PERSIST_FILE), "options fat codepage=850\n");
}

/* ---- the initramfs ---- */

/* Appends one newc entry to BUF at *LEN. */
static void cpio_add(char *buf, size_t *len, const char *name, const char *data,
		     unsigned mode)
{
	size_t n = strlen(name) + 1, size = data ? strlen(data) : 0;

	*len += (size_t)sprintf(buf + *len,
				"070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX"
				"%08X",
				0u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u, n, 0u);
	memcpy(buf + *len, name, n);
	*len += n;
	while (*len % 4)
		buf[(*len)++] = '\0';
	if (size) {
		memcpy(buf + *len, data, size);
		*len += size;
		while (*len % 4)
			buf[(*len)++] = '\0';
	}
}

/* An initramfs as Debian's: an uncompressed early segment, then a gzip'd main one
 * holding CONF as etc/modprobe.d/lkmtui.conf (NULL: other modprobe.d files only). */
static void write_initramfs(struct fx *f, const char *conf)
{
	static char early[4096], main_[8192];
	size_t elen = 0, mlen = 0;
	gzFile gz;
	int fd;

	cpio_add(early, &elen, "kernel/x86/microcode/GenuineIntel.bin", "ucode", 0100644);
	cpio_add(early, &elen, "TRAILER!!!", NULL, 0);
	cpio_add(main_, &mlen, "etc", NULL, 040755);
	cpio_add(main_, &mlen, "etc/modprobe.d", NULL, 040755);
	cpio_add(main_, &mlen, "etc/modprobe.d/alsa-base.conf", "options snd x=1\n",
		 0100644);
	if (conf)
		cpio_add(main_, &mlen, "etc/modprobe.d/lkmtui.conf", conf, 0100644);
	cpio_add(main_, &mlen, "TRAILER!!!", NULL, 0);
	fd = open(at(f, "/boot/initrd.img-6.1.0-test"), O_WRONLY | O_CREAT | O_TRUNC,
		  0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, early, elen), (ssize_t)elen);
	close(fd);
	gz = gzopen(at(f, "/boot/initrd.img-6.1.0-test"), "ab");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, main_, (unsigned)mlen), (int)mlen);
	gzclose(gz);
}

static enum lkm_initramfs_verdict verdict(struct fx *f, const char *file)
{
	struct lkm_initramfs_state st;

	assert_int_equal(lkm_initramfs_check(f->root, file, &st), 0);
	if (st.verdict != LKM_INITRAMFS_CURRENT)
		assert_string_equal(st.path, "/boot/initrd.img-6.1.0-test");
	return st.verdict;
}

static void test_initramfs(void **state)
{
	struct fx *f = *state;
	const char *conf = "options fat codepage=850\n";

	mkdir(at(f, "/etc/modprobe.d"), 0755);
	write_file(at(f, LKM_PERSIST_FILE), conf, 0644);
	/* No initramfs: nothing to say. */
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_CURRENT);
	write_initramfs(f, conf);
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_CURRENT);
	write_initramfs(f, "options fat codepage=437\n");
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_STALE);
	/* It copies modprobe.d but not this file yet. */
	write_initramfs(f, NULL);
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_STALE);
	/* It holds no modules-load.d: what the boot reads of it is /etc's. */
	mkdir(at(f, "/etc/modules-load.d"), 0755);
	write_file(at(f, LKM_BOOT_FILE), "fat\n", 0644);
	assert_int_equal(verdict(f, LKM_BOOT_FILE), LKM_INITRAMFS_CURRENT);
}

/* An archive that cannot be read: judged by its age. */
static void test_initramfs_unreadable(void **state)
{
	struct fx *f = *state;
	struct timeval old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	struct timeval later[2] = { { 4000000000, 0 }, { 4000000000, 0 } };

	mkdir(at(f, "/etc/modprobe.d"), 0755);
	write_file(at(f, LKM_PERSIST_FILE), "options fat codepage=850\n", 0644);
	write_file(at(f, "/boot/initrd.img-6.1.0-test"), "BZh91AY&SY not one we read",
		   0644);
	assert_int_equal(utimes(at(f, "/boot/initrd.img-6.1.0-test"), later), 0);
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_CURRENT);
	assert_int_equal(utimes(at(f, "/boot/initrd.img-6.1.0-test"), old), 0);
	assert_int_equal(verdict(f, LKM_PERSIST_FILE), LKM_INITRAMFS_OLDER);
}

int main(void)
{
#define K(t) cmocka_unit_test_setup_teardown(t, setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		K(test_boot),
		K(test_block_beside_options),
		K(test_symlinks_refused),
		K(test_wrong_types),
		K(test_boot_write_fails),
		K(test_read_only_etc),
		K(test_initramfs),
		K(test_initramfs_unreadable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
