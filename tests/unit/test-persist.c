// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --persist: lkmtui.conf edits compared whole, each refusal, and failed writes (a full
 * tmpfs when the test may mount one, a file size limit always) leaving the old file and
 * no temporary file behind.
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
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/persist.h"
#include "testfiles.h"
#include "model/sysroot.h"

#define HEADER                                                                           \
	"# Module options written by lkmtui --persist. modprobe applies them whenever "  \
	"it loads the\n"                                                                 \
	"# module; lkmtui replaces a module's line when you persist new values and "     \
	"keeps every other line.\n"

/* lkm_persist_line and lkm_persist_options on the words ARGS, split as the engine splits
 * them. */
static int line_of(const char *module, const char *const *args, size_t n,
		   struct lkm_persist_result *r, char **line)
{
	struct lkm_params p;
	int err;

	assert_int_equal(lkm_params_parse(args, n, &p), 0);
	err = lkm_persist_line(module, &p, r, line);
	lkm_params_release(&p);
	return err;
}

static int persist_words(const struct lkm_sysroot *root, const char *module,
			 const char *const *args, size_t n, struct lkm_persist_result *r)
{
	struct lkm_params p;
	int err;

	assert_int_equal(lkm_params_parse(args, n, &p), 0);
	err = lkm_persist_options(root, module, &p, r);
	lkm_params_release(&p);
	return err;
}

static int setup(void **state)
{
	static const char *const dirs[] = { "/etc", NULL };

	return fx_setup(state, "/tmp/lkm-persist-XXXXXX", dirs);
}

static const char *moddir(struct fx *f)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s/etc/modprobe.d", f->dir);
	return buf;
}

/* ---- the line ---- */

static void test_line(void **state)
{
	const char *p[] = { "debug=2", "name=a b",	 "flag",
			    "empty=",  "io=0x300,0x320", "x=y=z" };
	struct lkm_persist_result r;
	char *line;

	(void)state;
	assert_int_equal(line_of("ne2k-pci", p, 6, &r, &line), 0);
	assert_string_equal(line, "options ne2k_pci debug=2 name=\"a b\" flag empty= "
				  "io=0x300,0x320 x=y=z");
	free(line);
	assert_int_equal(line_of("fat", NULL, 0, NULL, &line), 0);
	assert_string_equal(line, "options fat");
	free(line);
}

struct refusal_case {
	const char *param;
	enum lkm_persist_refusal why;
};

static void test_refusals(void **state)
{
	static const struct refusal_case cases[] = {
		{ "", LKM_PERSIST_EMPTY },
		{ "=1", LKM_PERSIST_BAD_NAME },
		{ "a b=1", LKM_PERSIST_BAD_NAME },
		{ "-x=1", LKM_PERSIST_BAD_NAME },
		{ "x/y=1", LKM_PERSIST_BAD_NAME },
		{ "x=a\nb", LKM_PERSIST_NEWLINE },
		{ "x=a\rb", LKM_PERSIST_NEWLINE },
		{ "x=a#b", LKM_PERSIST_HASH },
		{ "x=a\tb", LKM_PERSIST_CONTROL },
		{ "x=\x01", LKM_PERSIST_CONTROL },
		{ "x=\x1b[2J", LKM_PERSIST_CONTROL },
		{ "x=\x7f", LKM_PERSIST_CONTROL },
		{ "x=a\"b", LKM_PERSIST_QUOTE },
		{ "x=a\\", LKM_PERSIST_BACKSLASH },
	};
	struct fx *f = *state;
	struct lkm_persist_result r;
	char *line;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *p[] = { "ok=1", cases[i].param };

		memset(&r, 0x55, sizeof(r));
		assert_int_equal(persist_words(f->root, "fat", p, 2, &r), -EINVAL);
		assert_int_equal(r.refusal, cases[i].why);
		assert_int_equal(r.bad, 1);
		assert_int_equal(line_of("fat", p, 2, &r, &line), -EINVAL);
		assert_null(line);
		assert_true(strlen(lkm_persist_refusal_text(r.refusal)) > 10);
	}
	/* A refused write creates nothing, not even the directory. */
	assert_int_equal(access(moddir(f), F_OK), -1);

	static const char *const bad_modules[] = {
		"",
		"fat fs",
		"../fat",
		"fat\n", /* 56 characters: one more than MODULE_NAME_LEN holds */
		"a_module_name_that_is_longer_than_the_kernel_allows_it_x",
	};
	for (size_t i = 0; i < sizeof(bad_modules) / sizeof(*bad_modules); i++) {
		const char *p[] = { "x=1" };

		assert_int_equal(persist_words(f->root, bad_modules[i], p, 1, &r),
				 -EINVAL);
		assert_int_equal(r.refusal, LKM_PERSIST_BAD_MODULE);
		assert_int_equal(r.bad, (size_t)-1);
	}
	assert_int_equal(access(moddir(f), F_OK), -1);
	assert_true(strlen(lkm_persist_refusal_text(LKM_PERSIST_OK)) > 0);
	assert_true(strlen(lkm_persist_refusal_text((enum lkm_persist_refusal)99)) > 0);
}

/* ---- writing ---- */

static void test_new_file(void **state)
{
	struct fx *f = *state;
	const char *p[] = { "io=0x300", "irq=11" };
	struct lkm_persist_result r;
	struct stat st;

	/* Neither /etc/modprobe.d nor the file exists yet. */
	assert_int_equal(persist_words(f->root, "ne2k-pci", p, 2, &r), 0);
	assert_string_equal(r.path, f->conf);
	assert_int_equal(r.created, 1);
	assert_int_equal(r.replaced, 0);
	expect_file(f->conf, HEADER "options ne2k_pci io=0x300 irq=11\n");
	assert_int_equal(stat(f->conf, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_int_equal(temp_files(moddir(f)), 0);

	/* Again: now it replaces its own line. */
	p[1] = "irq=7";
	assert_int_equal(persist_words(f->root, "ne2k_pci", p, 2, &r), 0);
	assert_int_equal(r.created, 0);
	assert_int_equal(r.replaced, 1);
	expect_file(f->conf, HEADER "options ne2k_pci io=0x300 irq=7\n");
}

/* Everything that is not this module's options line stays byte for byte. */
static const char busy[] = "# lkmtui.conf edited by hand too\n"
			   "\n"
			   "options fat codepage=437   \n"
			   "  options ne2k-pci debug=1\n"
			   "blacklist pcspkr\n"
			   "options ne2k_pci_extra x=1\n"
			   "install floppy /bin/true \\\n"
			   "   --and-more\n"
			   "#options ne2k_pci commented=1\n"
			   "options btusb enable_autosuspend=0 \\\n"
			   "\tmore=1\n"
			   "options\tne2k_pci\tfull_duplex=1 \\\n"
			   "  debug=3\n"
			   "softdep msdos pre: fat\n"
			   "options vfat utf8=1";

static void test_replace_keeps_others(void **state)
{
	struct fx *f = *state;
	const char *p[] = { "debug=2", "name=a b" };
	struct lkm_persist_result r;
	struct stat st;
	char **v;

	assert_int_equal(mkdir(moddir(f), 0755), 0);
	write_file(f->conf, busy, 0600);
	assert_int_equal(persist_words(f->root, "ne2k-pci", p, 2, &r), 0);
	assert_int_equal(r.created, 0);
	assert_int_equal(r.replaced, 2);
	expect_file(f->conf, "# lkmtui.conf edited by hand too\n"
			     "\n"
			     "options fat codepage=437   \n"
			     "options ne2k_pci debug=2 name=\"a b\"\n"
			     "blacklist pcspkr\n"
			     "options ne2k_pci_extra x=1\n"
			     "install floppy /bin/true \\\n"
			     "   --and-more\n"
			     "#options ne2k_pci commented=1\n"
			     "options btusb enable_autosuspend=0 \\\n"
			     "\tmore=1\n"
			     "softdep msdos pre: fat\n"
			     "options vfat utf8=1");
	/* The file's own mode is kept. */
	assert_int_equal(stat(f->conf, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(temp_files(moddir(f)), 0);

	/* The reader gives the values back unquoted; a continued line is one line. */
	assert_int_equal(lkm_persist_read(f->root, "ne2k_pci", &v), 2);
	assert_string_equal(v[0], "debug=2");
	assert_string_equal(v[1], "name=a b");
	assert_null(v[2]);
	lkm_strv_freev(v);
	assert_int_equal(lkm_persist_read(f->root, "btusb", &v), 2);
	assert_string_equal(v[0], "enable_autosuspend=0");
	assert_string_equal(v[1], "more=1");
	lkm_strv_freev(v);
	assert_int_equal(lkm_persist_read(f->root, "floppy", &v), 0);
	assert_null(v[0]);
	lkm_strv_freev(v);
}

static void test_append_and_remove(void **state)
{
	struct fx *f = *state;
	const char *p[] = { "enable_autosuspend=1" };
	struct lkm_persist_result r;

	assert_int_equal(mkdir(moddir(f), 0755), 0);
	/* No final newline: one is added before the new line, nothing else changes. */
	write_file(f->conf, "# mine\noptions fat codepage=850", 0644);
	assert_int_equal(persist_words(f->root, "btusb", p, 1, &r), 0);
	assert_int_equal(r.replaced, 0);
	expect_file(
		f->conf,
		"# mine\noptions fat codepage=850\noptions btusb enable_autosuspend=1\n");

	/* No parameters: the module's line goes, the rest stays. */
	assert_int_equal(persist_words(f->root, "fat", NULL, 0, &r), 0);
	assert_int_equal(r.replaced, 1);
	expect_file(f->conf, "# mine\noptions btusb enable_autosuspend=1\n");
	assert_int_equal(persist_words(f->root, "fat", NULL, 0, &r), 0);
	assert_int_equal(r.replaced, 0);
	expect_file(f->conf, "# mine\noptions btusb enable_autosuspend=1\n");
	assert_int_equal(temp_files(moddir(f)), 0);
}

/* Found by fuzz-persist: a last line ending in '\' would join the appended line to it,
 * and modprobe (and lkmtui) would read the new options as the other module's. */
static void test_append_after_continuation(void **state)
{
	struct fx *f = *state;
	const char *p[] = { "debug=2" };
	char **v;

	assert_int_equal(mkdir(moddir(f), 0755), 0);
	write_file(f->conf, "options x a=1\\", 0644);
	assert_int_equal(persist_words(f->root, "m", p, 1, NULL), 0);
	expect_file(f->conf, "options x a=1\\\n\noptions m debug=2\n");
	assert_int_equal(lkm_persist_read(f->root, "m", &v), 1);
	assert_string_equal(v[0], "debug=2");
	lkm_strv_freev(v);
	write_file(f->conf, "options x a=1 \\\n", 0644);
	assert_int_equal(persist_words(f->root, "m", p, 1, NULL), 0);
	expect_file(f->conf, "options x a=1 \\\n\noptions m debug=2\n");
	assert_int_equal(temp_files(moddir(f)), 0);
}

static void test_read(void **state)
{
	struct lkm_sysroot *fx;
	struct fx *f = *state;
	char **v;

	/* The committed fixture root's lkmtui.conf. */
	assert_int_equal(lkm_sysroot_new(FIXTURES "/modroot", &fx), 0);
	assert_int_equal(lkm_persist_read(fx, "btusb", &v), 1);
	assert_string_equal(v[0], "enable_autosuspend=0");
	assert_null(v[1]);
	lkm_strv_freev(v);
	assert_int_equal(lkm_persist_read(fx, "fat", &v), 0);
	assert_null(v[0]);
	lkm_strv_freev(v);
	assert_int_equal(lkm_persist_read(fx, "bad name", &v), -EINVAL);
	lkm_sysroot_free(fx);

	/* No file at all. */
	assert_int_equal(lkm_persist_read(f->root, "btusb", &v), 0);
	assert_null(v[0]);
	lkm_strv_freev(v);
}

/* ---- failed writes ---- */

static const char before[] = "# keep me\noptions fat codepage=437\n";

/*
 * In a child: a file size limit below the new content's size makes the temporary file's
 * write fail (EFBIG) part way through, the way a full disk does.
 */
static void test_write_fails_fsize(void **state)
{
	struct fx *f = *state;
	pid_t pid;
	int status;

	assert_int_equal(mkdir(moddir(f), 0755), 0);
	write_file(f->conf, before, 0644);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit lim = { .rlim_cur = 40, .rlim_max = 40 };
		const char *p[] = { "value=0123456789012345678901234567890123456789" };

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(100);
		_exit(-persist_words(f->root, "vfat", p, 1, NULL));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), EFBIG);
	expect_file(f->conf, before);
	assert_int_equal(temp_files(moddir(f)), 0);
}

/* The child's verdicts. */
enum {
	FULL_OK = 0,
	FULL_SKIP = 77,
	FULL_WRONG_ERR = 10,
	FULL_CHANGED,
	FULL_TEMP_LEFT,
	FULL_SETUP
};

static int full_disk_child(void)
{
	char dir[] = "/tmp/lkm-full-XXXXXX", path[256], filler[4096];
	const char *p[] = { "value=0123456789" };
	struct lkm_sysroot *root;
	int fd, err, verdict = FULL_OK;
	char *now;

	if (unshare(CLONE_NEWNS) < 0 ||
	    mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return FULL_SKIP;
	if (mkdtemp(dir) == NULL)
		return FULL_SETUP;
	if (mount("tmpfs", dir, "tmpfs", 0, "size=16k") < 0) {
		rmdir(dir);
		return FULL_SKIP;
	}
	snprintf(path, sizeof(path), "%s/etc", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/etc/modprobe.d", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/etc/modprobe.d/lkmtui.conf", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, before, strlen(before)) != (ssize_t)strlen(before))
		return FULL_SETUP;
	close(fd);
	/* Fill the rest of the file system. */
	snprintf(path, sizeof(path), "%s/filler", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	memset(filler, 'x', sizeof(filler));
	while (fd >= 0 && write(fd, filler, sizeof(filler)) > 0)
		;
	if (fd >= 0)
		close(fd);

	if (lkm_sysroot_new(dir, &root) < 0)
		return FULL_SETUP;
	err = persist_words(root, "vfat", p, 1, NULL);
	if (err != -ENOSPC)
		verdict = FULL_WRONG_ERR;
	snprintf(path, sizeof(path), "%s/etc/modprobe.d/lkmtui.conf", dir);
	now = slurp(path);
	if (verdict == FULL_OK && (now == NULL || strcmp(now, before) != 0))
		verdict = FULL_CHANGED;
	free(now);
	snprintf(path, sizeof(path), "%s/etc/modprobe.d", dir);
	if (verdict == FULL_OK && temp_files(path) != 0)
		verdict = FULL_TEMP_LEFT;
	lkm_sysroot_free(root);
	umount2(dir, MNT_DETACH);
	rmdir(dir);
	return verdict;
}

/* A real full disk: a 16 KiB tmpfs, in a child's own mount namespace (needs
 * CAP_SYS_ADMIN; skipped without it). */
static void test_write_fails_enospc(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(full_disk_child());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == FULL_SKIP) {
		fprintf(stderr,
			"# cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN); "
			"the RLIMIT_FSIZE test covers the failed write\n");
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), FULL_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line),
		cmocka_unit_test_setup_teardown(test_refusals, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_new_file, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_replace_keeps_others, setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_append_and_remove, setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_append_after_continuation, setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_read, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_write_fails_fsize, setup,
						fx_teardown),
		cmocka_unit_test(test_write_fails_enospc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
