// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The engine (load, unload, set) against a recording fake ops table, on a module tree
 * that tests/fixtures/modroot-make.sh builds into a temporary directory (tiny ELF modules
 * and depmod's indexes; see tests/fixtures/modroot/README.md). Each test writes the parts
 * of that root the kernel would show (proc/modules, proc/sys/kernel/modules_disabled,
 * sys/module/NAME/parameters/PARAM) and compares whole results: the steps in order, the
 * exact calls the fake received, the refusal, errno, reason, details, holders and
 * warnings. Without depmod or a compiler every test is skipped with the script's reason.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <setjmp.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/engine.h"
#include "core/keep.h"
#include "core/ops.h"
#include "core/persist.h"
#include "core/resolve.h"
#include "model/sysroot.h"
#include "shared/strbuf.h"

#define REL    "6.1.0-test"
#define MODDIR "/lib/modules/" REL

extern char **environ;

static char built[] = "/tmp/lkm-engine-XXXXXX";

/* Allocations (realloc, strdup) left before they fail; -1: never fail. */
static long alloc_budget = -1;
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

void *__wrap_realloc(void *p, size_t n)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return __real_strdup(s);
}

/* The password database as the engine sees it: one user, alice, and a count of the
 * lookups (an engine without WHO looks its user up only for a line that names it). */
static int getpwuid_calls;

struct passwd *getpwuid(uid_t uid)
{
	static struct passwd alice = { .pw_name = (char *)"alice" };

	getpwuid_calls++;
	return uid == getuid() ? &alice : NULL;
}

/* Files under that root: rpath, write_file, append_file, run, mkdirs, rm_tree, sys_param.
 */
#include "testroot.h"
static bool have_built;
static char *pristine_conf;  /* the committed etc/modprobe.d/lkmtui.conf */
static char *pristine_local; /* the committed etc/modprobe.d/local.conf */

/* ---- files under the temporary root ---- */

static char *slurp(const char *host_path)
{
	FILE *f = fopen(host_path, "rb");
	char *data;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = calloc(1, (size_t)len + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	return data;
}

/*
 * A module file outside the tree, as a user builds one: "name=msdos", "depends=fat" and a
 * bool parameter in .modinfo, as modpost writes them. The tree's own objects carry no
 * depends field (depmod derives it from symbols), so by-file loads need this one.
 */
static const char own_module_src[] =
	"static const char modinfo[] __attribute__((section(\".modinfo\"), used, "
	"aligned(1))) =\n"
	"\t\"license=GPL\\0\" \"depends=fat\\0\"\n"
	"\t\"parm=quiet:say less\\0\" \"parmtype=quiet:bool\\0\"\n"
	"\t\"parm=label:volume label\\0\" \"parmtype=label:charp\\0\"\n"
	"\t\"name=msdos\\0\" \"vermagic=" REL
	" SMP preempt mod_unload modversions \\0\";\n"
	"char __this_module[64] __attribute__((section(\".gnu.linkonce.this_module\"), "
	"used));\n"
	"int init_module(void) { return 0; }\n";

static int build_own_module(void)
{
	const char *argv[] = { "/bin/sh",
			       "-c",
			       "mkdir -p \"$1/home\" && $0 -c -x c -o "
			       "\"$1/home/msdos.ko\" \"$1/home/msdos.c\"",
			       LKM_TEST_CC,
			       built,
			       NULL };
	char src[4096];
	FILE *f;

	snprintf(src, sizeof(src), "%s/home", built);
	mkdir(src, 0755);
	snprintf(src, sizeof(src), "%s/home/msdos.c", built);
	f = fopen(src, "w");
	if (f == NULL)
		return -1;
	fputs(own_module_src, f);
	if (fclose(f) != 0)
		return -1;
	return run(argv);
}

/* ---- the recording fake ops table ---- */

struct fake_fail {
	const char *module;
	int err;
};

static struct fake {
	char calls[8192];
	struct fake_fail fail[8];
	size_t n_fail;
	bool track_proc;  /* insert/remove edit proc/modules as the kernel would */
	bool write_sysfs; /* write_param writes the sys file */
	const char *kmsg; /* a record appended to dev/kmsg when an insert fails */
} fake;

static void fake_record(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fake_record(const char *fmt, ...)
{
	size_t at = strlen(fake.calls);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fake.calls + at, sizeof(fake.calls) - at, fmt, ap);
	va_end(ap);
	at = strlen(fake.calls);
	snprintf(fake.calls + at, sizeof(fake.calls) - at, "\n");
}

static int fake_result(const char *module)
{
	for (size_t i = 0; i < fake.n_fail; i++)
		if (strcmp(fake.fail[i].module, module) == 0)
			return fake.fail[i].err;
	return 0;
}

/* /proc/modules with msdos loaded on fat. */
static void msdos_on_fat(void)
{
	write_file("/proc/modules",
		   "fat 86016 1 msdos, Live 0xffffffffc0a1c000\n"
		   "msdos 20480 0 - Live 0xffffffffc0a36000\n",
		   0644);
}

/* /proc/modules with fat loaded and nothing using it. */
static void fat_alone(void)
{
	write_file("/proc/modules", "fat 86016 0 - Live 0xffffffffc0a1c000\n", 0644);
}

static void fake_fail(const char *module, int err)
{
	assert_true(fake.n_fail < sizeof(fake.fail) / sizeof(fake.fail[0]));
	fake.fail[fake.n_fail++] = (struct fake_fail){ module, err };
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path;
}

static int fake_insert(void *ctx, const char *path, const char *params)
{
	const char *base = base_name(path);
	char name[128];
	int err;

	assert_ptr_equal(ctx, &fake);
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(base, "."), base);
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	fake_record("insert %s [%s]", base, params);
	err = fake_result(name);
	if (err == 0 && fake.track_proc) {
		char line[256];

		snprintf(line, sizeof(line), "%s 16384 0 - Live 0xffffffffc0000000\n",
			 name);
		append_file("/proc/modules", line);
	}
	if (err < 0 && fake.kmsg)
		append_file("/dev/kmsg", fake.kmsg);
	return err;
}

static int fake_remove(void *ctx, const char *name)
{
	int err;

	assert_ptr_equal(ctx, &fake);
	fake_record("remove %s", name);
	err = fake_result(name);
	if (err == 0 && fake.track_proc) {
		char *text = slurp(rpath("/proc/modules")), *out, *w;
		size_t len = strlen(name);

		assert_non_null(text);
		out = calloc(1, strlen(text) + 1);
		assert_non_null(out);
		w = out;
		for (char *line = text; *line;) {
			size_t n =
				strcspn(line, "\n") + (line[strcspn(line, "\n")] ? 1 : 0);

			if (!(strncmp(line, name, len) == 0 && line[len] == ' ')) {
				memcpy(w, line, n);
				w += n;
			}
			line += n;
		}
		write_file("/proc/modules", out, 0644);
		free(out);
		free(text);
	}
	return err;
}

static int fake_write_param(void *ctx, const char *module, const char *param,
			    const char *value)
{
	int err;

	assert_ptr_equal(ctx, &fake);
	fake_record("write_param %s %s %s", module, param, value);
	err = fake_result(module);
	if (err == 0 && fake.write_sysfs)
		sys_param(module, param, value, 0644);
	return err;
}

static const struct lkm_ops fake_ops = {
	.insert = fake_insert,
	.remove = fake_remove,
	.write_param = fake_write_param,
	.ctx = &fake,
};

/* ---- whole results as text ---- */

static const char *steps_text(const struct lkm_result *r)
{
	static char buf[8192];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct lkm_step *s = &r->steps[i];
		char state[32];

		if (s->err)
			snprintf(state, sizeof(state), "err=%d", s->err);
		else
			snprintf(state, sizeof(state), "%s",
				 s->done ? "done" : "not-done");
		lkm_strbuf_addf(&sb, "%s %s %s %s%s%s%s%s%s %s\n",
				lkm_step_kind_id(s->kind), s->module ? s->module : "-",
				s->path ? base_name(s->path) : "-", s->params ? "[" : "",
				s->params ? s->params : "-", s->params ? "]" : "",
				s->note ? " (" : "", s->note ? s->note : "",
				s->note ? ")" : "", state);
	}
	assert_false(sb.truncated);
	return buf;
}

static const char *lines(char *const *v, size_t n)
{
	static char buf[2][8192];
	static int which;
	struct lkm_strbuf sb;

	which ^= 1;
	lkm_strbuf_init(&sb, buf[which], sizeof(buf[which]));
	for (size_t i = 0; i < n; i++)
		lkm_strbuf_addf(&sb, "%s\n", v[i]);
	assert_false(sb.truncated);
	return buf[which];
}

#define details(r)    lines((r)->details, (r)->n_details)
#define warnings(r)   lines((r)->warnings, (r)->n_warnings)
#define holders(r)    lines((r)->holders, (r)->n_holders)
#define kmsg_lines(r) lines((r)->log.lines, (r)->log.n)

/* ---- per-test state ---- */

struct t {
	struct lkm_sysroot *root;
	struct lkm_resolver *resolver;
	struct lkm_engine e;
	struct lkm_result res;
	const struct engine_case *row; /* a row of engine_cases, or NULL */
};

static int group_setup(void **state)
{
	int rc = testroot_build("engine");

	(void)state;
	if (rc <= 0)
		return rc;
	if (build_own_module() != 0)
		return -1;
	pristine_conf = slurp(FIXTURES "/modroot/etc/modprobe.d/lkmtui.conf");
	pristine_local = slurp(FIXTURES "/modroot/etc/modprobe.d/local.conf");
	if (pristine_conf == NULL || pristine_local == NULL)
		return -1;
	have_built = true;
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	free(pristine_conf);
	free(pristine_local);
	rm_tree(built);
	return 0;
}

static int setup(void **state)
{
	const struct engine_case *row = *state; /* cmocka's initial state */
	struct t *t;

	if (!have_built) {
		*state = NULL;
		return 0;
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return -1;
	memset(&fake, 0, sizeof(fake));
	fake.track_proc = true;
	fake.write_sysfs = true;
	testroot_reset();
	write_file("/etc/modprobe.d/lkmtui.conf", pristine_conf, 0644);
	write_file("/etc/modprobe.d/local.conf", pristine_local, 0644);
	unlink(rpath("/etc/modprobe.d/engine-test.conf"));
	rm_tree(rpath("/etc/modules-load.d"));
	rm_tree(rpath("/run"));
	mkdirs("/run");
	if (testroot_engine(&t->root, &t->resolver, &fake_ops, &t->e) < 0)
		return -1;
	t->res.log.fd = -1;
	t->row = row;
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct t *t = *state;

	if (t == NULL)
		return 0;
	lkm_result_release(&t->res);
	lkm_resolver_free(t->resolver);
	lkm_sysroot_free(t->root);
	free(t);
	return 0;
}

/* modprobe.d as a test writes it: libkmod reads its configuration when the resolver
 * opens. */
static void modprobe_conf(struct t *t, const char *text)
{
	write_file("/etc/modprobe.d/engine-test.conf", text, 0644);
	lkm_resolver_free(t->resolver);
	assert_int_equal(lkm_resolver_new(t->root, NULL, &t->resolver), 0);
	t->e.resolver = t->resolver;
}

#define T()                                                                              \
	struct t *t = *state;                                                            \
	struct lkm_result *res;                                                          \
	do {                                                                             \
		if (t == NULL)                                                           \
			skip();                                                          \
		res = &t->res;                                                           \
	} while (0)

#define P(...)	((const char *const[]){ __VA_ARGS__ })
#define NP(...) (sizeof(P(__VA_ARGS__)) / sizeof(const char *))

/* The refusal, errno and reason in one assertion each; whole strings. */
static void assert_refused(const struct lkm_result *res, enum lkm_refusal why, int err,
			   const char *reason)
{
	assert_int_equal(res->refusal, why);
	assert_int_equal(res->err, err);
	if (reason == NULL)
		assert_null(res->reason);
	else
		assert_string_equal(res->reason, reason);
	assert_int_equal(res->failed, res->n_steps);
}

static void assert_done(const struct lkm_result *res)
{
	assert_int_equal(res->refusal, LKM_REFUSE_NONE);
	assert_int_equal(res->err, 0);
	assert_null(res->reason);
	assert_int_equal(res->failed, res->n_steps);
}

/* The header lkmtui writes at the top of its --persist file (LKM_PERSIST_FILE). */
#define PERSIST_HEADER                                                                   \
	"# Module options written by lkmtui --persist. modprobe applies them "           \
	"whenever it loads the\n"                                                        \
	"# module; lkmtui replaces a module's line when you persist new values and "     \
	"keeps every other line.\n"

/* One of lkmtui's files under the root without its header comment lines; "(none)" when
 * it does not exist. */
static const char *kept(const char *path)
{
	static char buf[4096];
	char *text = slurp(rpath(path)), *p = text;

	if (text == NULL)
		return "(none)";
	while (*p == '#')
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p);
	snprintf(buf, sizeof(buf), "%s", p);
	free(text);
	return buf;
}

static const char *persisted(void)
{
	static char buf[4096];
	char *text = slurp(rpath(LKM_PERSIST_FILE));

	assert_non_null(text);
	snprintf(buf, sizeof(buf), "%s", text);
	free(text);
	return buf;
}

/* ---- load by name ---- */

static void test_load_with_deps(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), 0);
	assert_string_equal(steps_text(res),
			    "insert fat fat.ko [] (needed by msdos) done\n"
			    "insert msdos msdos.ko [] done\n");
	assert_string_equal(fake.calls, "insert fat.ko []\n"
					"insert msdos.ko []\n");
	assert_done(res);
	assert_string_equal(res->target, "msdos");
	assert_string_equal(res->module, "msdos");
	assert_string_equal(res->path, rpath(MODDIR "/kernel/fs/fat/msdos.ko"));
	assert_string_equal(details(res), "");
	assert_string_equal(warnings(res), "");
	assert_string_equal(kmsg_lines(res), "");
	assert_null(res->bad_param);
	/* The fake kernel now lists both, as a real one would. */
	{
		char *now = slurp(rpath("/proc/modules"));

		assert_string_equal(now, "fat 16384 0 - Live 0xffffffffc0000000\n"
					 "msdos 16384 0 - Live 0xffffffffc0000000\n");
		free(now);
	}
}

/*
 * Memory running out anywhere in a load fails the load with -ENOMEM: never a success with
 * a step missing from the plan (a dependency left out, and the load reported done). Every
 * allocation is made to fail in turn, until the load has all it needs.
 */
static void test_load_out_of_memory(void **state)
{
	/* modprobe's order: the dependencies (with their own softdeps), then the softdeps
	 * pre of the module itself. */
	const char *full = "insert fat fat.ko [codepage=850] (needed by msdos) not-done\n"
			   "insert pcspkr pcspkr.ko [] (softdep pre of msdos) not-done\n"
			   "insert msdos msdos.ko [] not-done\n";
	long budget;
	int err = -ENOMEM;

	T();
	modprobe_conf(t, "softdep msdos pre: pcspkr\noptions fat codepage=850\n");
	for (budget = 0; budget < 100000 && err == -ENOMEM; budget++) {
		lkm_result_release(res);
		alloc_budget = budget;
		err = load_words(&t->e, "msdos", NULL, 0, LKM_DRY_RUN, res);
		alloc_budget = -1;
		if (err != -ENOMEM)
			assert_int_equal(err, 0);
		else
			assert_int_equal(res->err, -ENOMEM);
	}
	assert_true(budget > 3);
	assert_string_equal(steps_text(res), full);
	assert_done(res);
	assert_string_equal(fake.calls, "");
}

/* ---- load by file ---- */

static void test_load_file_alone(void **state)
{
	const char *path;

	T();
	path = rpath(MODDIR "/kernel/fs/fat/msdos.ko");
	assert_int_equal(load_words(&t->e, path, NULL, 0, 0, res), 0);
	assert_string_equal(steps_text(res), "insert msdos msdos.ko [] done\n");
	assert_string_equal(fake.calls, "insert msdos.ko []\n");
	assert_done(res);
	assert_string_equal(res->target, path);
	assert_string_equal(res->path, path);
	assert_string_equal(res->module, "msdos");
}

/* insmod ignores modprobe.d: a file gets the user's parameters only. */
static void test_load_file_no_modprobe_options(void **state)
{
	T();
	assert_int_equal(load_words(&t->e,
				    rpath(MODDIR "/kernel/drivers/net/ethernet/8390/"
						 "ne2k-pci.ko"),
				    P("debug=1"), 1, 0, res),
			 0);
	assert_string_equal(steps_text(res),
			    "insert ne2k_pci ne2k-pci.ko [debug=1] done\n");
	assert_done(res);
}

static void test_load_file_with_deps(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, rpath("/home/msdos.ko"), P("quiet"), 1,
				    LKM_WITH_DEPS, res),
			 0);
	assert_string_equal(steps_text(res),
			    "insert fat fat.ko [] (needed by msdos) done\n"
			    "insert msdos msdos.ko [quiet] done\n");
	assert_string_equal(fake.calls, "insert fat.ko []\n"
					"insert msdos.ko [quiet]\n");
	assert_string_equal(res->steps[1].path, rpath("/home/msdos.ko"));
	assert_done(res);
}

/* --with-deps meets the same block as a load by name: nothing is inserted. */
static void test_load_file_with_deps_blocked(void **state)
{
	T();
	modprobe_conf(t, "install fat /bin/false\n");
	assert_int_equal(
		load_words(&t->e, rpath("/home/msdos.ko"), NULL, 0, LKM_WITH_DEPS, res),
		-EPERM);
	assert_refused(
		res, LKM_REFUSE_BLOCKED, -EPERM,
		"fat is blocked by /etc/modprobe.d/engine-test.conf:1; msdos needs fat");
	assert_string_equal(fake.calls, "");
}

static void test_load_file_deps_not_asked(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, rpath("/home/msdos.ko"), NULL, 0, 0, res), 0);
	assert_string_equal(fake.calls, "insert msdos.ko []\n");
	assert_done(res);
}

static void test_load_file_missing(void **state)
{
	char reason[4200];

	T();
	snprintf(reason, sizeof(reason), "cannot open %s: No such file or directory",
		 rpath("/home/nothere.ko"));
	assert_int_equal(load_words(&t->e, rpath("/home/nothere.ko"), NULL, 0, 0, res),
			 -ENOENT);
	assert_refused(res, LKM_REFUSE_NOT_FOUND, -ENOENT, reason);
	assert_string_equal(res->path, rpath("/home/nothere.ko"));
	assert_null(res->module);
	assert_string_equal(steps_text(res), "");
	assert_string_equal(fake.calls, "");
}

static void test_load_file_not_elf(void **state)
{
	T();
	write_file("/home/junk.ko", "not an ELF file\n", 0644);
	assert_int_equal(load_words(&t->e, rpath("/home/junk.ko"), NULL, 0, 0, res),
			 -ENOEXEC);
	assert_refused(res, LKM_REFUSE_BAD_FILE, -ENOEXEC,
		       "not an ELF file: it starts with 6e 6f 74 20, not 7f 45 4c 46");
	assert_string_equal(fake.calls, "");
}

/* ---- parameters checked before anything is inserted ---- */

/* ---- the blacklist, install commands, names that are not modules ---- */

/* local.conf's "install floppy /bin/true": the administrator's block, with its line. */
static void test_load_install_command(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, "floppy", NULL, 0, 0, res), -EPERM);
	assert_refused(res, LKM_REFUSE_BLOCKED, -EPERM,
		       "floppy is blocked by /etc/modprobe.d/local.conf:4");
	assert_string_equal(details(res),
			    "install floppy /bin/true (/etc/modprobe.d/local.conf:4)\n");
	assert_string_equal(steps_text(res),
			    "run-command floppy floppy.ko [] not-done\n");
	assert_string_equal(res->rule.kind, "install");
	assert_string_equal(res->rule.module, "floppy");
	assert_string_equal(res->rule.command, "/bin/true");
	assert_string_equal(res->rule.origin, "/etc/modprobe.d/local.conf:4");
	assert_string_equal(fake.calls, "");
}

/* The security case: a block on a dependency stops the whole load, as modprobe's failed
 * install command does; nothing is inserted, not even what comes before it. */
static void test_load_blocked_dependency(void **state)
{
	T();
	modprobe_conf(t, "# CVE mitigation\n\ninstall fat /bin/false\n");
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -EPERM);
	assert_refused(
		res, LKM_REFUSE_BLOCKED, -EPERM,
		"fat is blocked by /etc/modprobe.d/engine-test.conf:3; msdos needs fat");
	assert_string_equal(steps_text(res),
			    "run-command fat fat.ko [] (needed by msdos) not-done\n"
			    "insert msdos msdos.ko [] not-done\n");
	assert_string_equal(
		details(res),
		"install fat /bin/false (/etc/modprobe.d/engine-test.conf:3)\n");
	assert_string_equal(res->module, "msdos");
	assert_string_equal(res->rule.module, "fat");
	assert_string_equal(fake.calls, "");
}

/* A built-in alias (crc32c -> crc32c_generic) is the same refusal. */
static void test_load_builtin_alias(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, "crc32c", NULL, 0, 0, res), -EEXIST);
	assert_int_equal(res->refusal, LKM_REFUSE_BUILTIN);
	assert_string_equal(res->module, "crc32c_generic");
	assert_string_equal(fake.calls, "");
}

static void test_load_already_loaded(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(load_words(&t->e, "ne2k-pci",
				    P("debug=1", "full_duplex=0", "bogus=3"), 3, 0, res),
			 -EEXIST);
	assert_refused(res, LKM_REFUSE_ALREADY_LOADED, -EEXIST,
		       "ne2k_pci is already loaded: the kernel keeps the values it was "
		       "loaded with");
	assert_string_equal(
		details(res),
		"state: live, use count 0\n"
		"debug: 2 now, 1 requested (writable: lkmtui set can change it)\n"
		"full_duplex: 1 now, 0 requested (read-only: unload and load again to "
		"change it)\n"
		"bogus: not in /sys (requested 3)\n");
	/* The same as data, for the explainer's fix. */
	assert_int_equal(res->n_now, 3);
	assert_string_equal(res->now[0].name, "debug");
	assert_string_equal(res->now[0].requested, "1");
	assert_string_equal(res->now[0].current, "2");
	assert_true(res->now[0].writable);
	assert_string_equal(res->now[1].name, "full_duplex");
	assert_string_equal(res->now[1].current, "1");
	assert_false(res->now[1].writable);
	assert_string_equal(res->now[2].requested, "3");
	assert_null(res->now[2].current);
	assert_false(res->now[2].writable);
	assert_false(res->names_file);
	assert_string_equal(steps_text(res), "");
	assert_string_equal(fake.calls, "");
}

/* ---- the system's state ---- */

static void test_load_not_privileged(void **state)
{
	T();
	t->e.privileged = false;
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -EPERM);
	assert_int_equal(res->refusal, LKM_REFUSE_NOT_PERMITTED);
	assert_int_equal(res->err, -EPERM);
	assert_string_equal(res->reason, "changing the kernel's modules needs root "
					 "(CAP_SYS_MODULE), and uid 1000 has not");
	/* The plan is there to show; none of it was done. */
	assert_string_equal(steps_text(res),
			    "insert fat fat.ko [] (needed by msdos) not-done\n"
			    "insert msdos msdos.ko [] not-done\n");
	assert_string_equal(fake.calls, "");
}

/* Without WHO the refusal names this process's user, looked up then and only then. */
static void test_load_not_privileged_names_user(void **state)
{
	char want[256];
	T();
	t->e.privileged = false;
	t->e.who = NULL;
	getpwuid_calls = 0;
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, LKM_DRY_RUN, res), 0);
	assert_int_equal(getpwuid_calls, 0);
	lkm_result_release(res);
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -EPERM);
	assert_int_equal(getpwuid_calls, 1);
	snprintf(want, sizeof(want),
		 "changing the kernel's modules needs root (CAP_SYS_MODULE), and alice "
		 "(uid %u) has not",
		 (unsigned)getuid());
	assert_string_equal(res->reason, want);
}

static void test_load_dry_run_not_privileged(void **state)
{
	T();
	t->e.privileged = false;
	assert_int_equal(load_words(&t->e, "ne2k_pci", P("debug=1"), 1,
				    LKM_DRY_RUN | LKM_PERSIST, res),
			 0);
	assert_string_equal(steps_text(res),
			    "insert 8390 8390.ko [] (needed by ne2k_pci) not-done\n"
			    "insert ne2k_pci ne2k-pci.ko [debug=2 full_duplex=1 debug=1] "
			    "(with the options modprobe.d gives it) not-done\n"
			    "persist ne2k_pci lkmtui.conf - not-done\n"
			    "load-at-boot ne2k_pci lkmtui.conf - not-done\n");
	assert_string_equal(res->steps[2].path, LKM_PERSIST_FILE);
	assert_string_equal(res->steps[3].path, LKM_BOOT_FILE);
	assert_string_equal(fake.calls, "");
	assert_done(res);
	assert_string_equal(persisted(), pristine_conf);
}

static void test_load_modules_disabled(void **state)
{
	T();
	write_file("/proc/sys/kernel/modules_disabled", "1\n", 0644);
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -EPERM);
	assert_refused(res, LKM_REFUSE_MODULES_DISABLED, -EPERM,
		       "module loading and unloading are disabled until the next boot "
		       "(/proc/sys/kernel/modules_disabled is 1)");
	assert_string_equal(steps_text(res), "");
	assert_string_equal(fake.calls, "");
}

static void test_load_no_module_support(void **state)
{
	T();
	/* A kernel's /proc without /proc/modules (a root with no /proc at all is an
	 * image: test_load_image). */
	write_file("/proc/devices", "Character devices:\n  1 mem\n\nBlock devices:\n",
		   0644);
	assert_int_equal(unlink(rpath("/proc/modules")), 0);
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -ENOSYS);
	assert_refused(res, LKM_REFUSE_NO_MODULE_SUPPORT, -ENOSYS,
		       "this kernel has no loadable-module support (no /proc/modules)");
	assert_string_equal(fake.calls, "");
	unlink(rpath("/proc/devices"));
}

/*
 * A system image (no kernel's /proc under the root at all): nothing is loaded there, and
 * a load is planned against its tree. Fixed: earlier, "this kernel has no loadable-module
 * support".
 */
static void test_load_image(void **state)
{
	T();
	unlink(rpath("/proc/devices"));
	assert_int_equal(unlink(rpath("/proc/modules")), 0);
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, LKM_DRY_RUN, res), 0);
	assert_int_equal(res->refusal, LKM_REFUSE_NONE);
	assert_int_equal(res->n_steps, 2);
	assert_string_equal(res->steps[0].module, "fat");
	assert_string_equal(res->steps[1].module, "msdos");
}

/* ---- failures the kernel reports ---- */

static void test_load_fails_mid_chain(void **state)
{
	T();
	fake_fail("msdos", -ENOENT);
	fake.kmsg = "3,200,1,-;msdos: Unknown symbol fat_add_entries (err -2)\n";
	assert_int_equal(load_words(&t->e, "msdos", NULL, 0, 0, res), -ENOENT);
	assert_string_equal(steps_text(res),
			    "insert fat fat.ko [] (needed by msdos) done\n"
			    "insert msdos msdos.ko [] err=-2\n");
	assert_string_equal(fake.calls, "insert fat.ko []\n"
					"insert msdos.ko []\n");
	assert_int_equal(res->refusal, LKM_REFUSE_NONE);
	assert_int_equal(res->err, -ENOENT);
	assert_int_equal(res->failed, 1);
	assert_null(res->reason);
	assert_string_equal(res->module, "msdos");
	assert_string_equal(kmsg_lines(res),
			    "msdos: Unknown symbol fat_add_entries (err -2)\n");
}

/* The chain stops at the failing step: what comes after is neither tried nor done. */
static void test_load_fails_first_of_chain(void **state)
{
	T();
	fake_fail("btbcm", -ENOEXEC);
	assert_int_equal(load_words(&t->e, "btusb", NULL, 0, LKM_PERSIST, res), -ENOEXEC);
	assert_string_equal(steps_text(res),
			    "insert bluetooth bluetooth.ko [] (needed by btusb) done\n"
			    "insert btintel btintel.ko [] (needed by btusb) done\n"
			    "insert btbcm btbcm.ko [] (needed by btusb) err=-8\n"
			    "insert btrtl btrtl.ko [] (needed by btusb) not-done\n"
			    "insert btusb btusb.ko [enable_autosuspend=0] "
			    "(with the options modprobe.d gives it) not-done\n");
	assert_string_equal(fake.calls, "insert bluetooth.ko []\n"
					"insert btintel.ko []\n"
					"insert btbcm.ko []\n");
	assert_int_equal(res->failed, 2);
	assert_string_equal(res->module, "btbcm");
	assert_string_equal(res->path,
			    rpath(MODDIR "/kernel/drivers/bluetooth/btbcm.ko"));
	/* Nothing persisted for a load that failed. */
	assert_string_equal(persisted(), pristine_conf);
}

static void test_load_persist(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, "ne2k_pci", P("debug=1", "full_duplex=0,1"), 2,
				    LKM_PERSIST, res),
			 0);
	assert_string_equal(
		steps_text(res),
		"insert 8390 8390.ko [] (needed by ne2k_pci) done\n"
		"insert ne2k_pci ne2k-pci.ko [debug=2 full_duplex=1 debug=1 "
		"full_duplex=0,1] (with the options modprobe.d gives it) done\n"
		"persist ne2k_pci lkmtui.conf - done\n"
		"load-at-boot ne2k_pci lkmtui.conf - done\n");
	assert_string_equal(res->steps[2].path, rpath(LKM_PERSIST_FILE));
	assert_string_equal(res->steps[3].path, rpath(LKM_BOOT_FILE));
	assert_done(res);
	assert_string_equal(kept(LKM_BOOT_FILE), "ne2k_pci\n");
	/* Only what the user gave is persisted; local.conf's options stay where they are.
	 */
	assert_string_equal(persisted(),
			    PERSIST_HEADER "options btusb enable_autosuspend=0\n"
					   "options ne2k_pci debug=1 full_duplex=0,1\n");
}

/* The same module's earlier line is replaced where it stands. */
static void test_load_persist_replaces(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, "btusb", P("enable_autosuspend=1"), 1,
				    LKM_NO_DEPS | LKM_PERSIST, res),
			 0);
	assert_string_equal(persisted(),
			    PERSIST_HEADER "options btusb enable_autosuspend=1\n");
	assert_done(res);
}

/* The module is in; the options file cannot be written: say so, keep what was done. */
static void test_load_persist_fails(void **state)
{
	char reason[4200];

	T();
	assert_int_equal(unlink(rpath(LKM_PERSIST_FILE)), 0);
	mkdirs(LKM_PERSIST_FILE);
	snprintf(reason, sizeof(reason),
		 "could not write %s: it is a directory; lkmtui left it alone",
		 rpath(LKM_PERSIST_FILE));
	assert_int_equal(load_words(&t->e, "btusb", P("enable_autosuspend=1"), 1,
				    LKM_NO_DEPS | LKM_PERSIST, res),
			 -EISDIR);
	assert_string_equal(
		steps_text(res),
		"insert btusb btusb.ko [enable_autosuspend=0 enable_autosuspend=1] "
		"(with the options modprobe.d gives it) done\n"
		"persist btusb lkmtui.conf - err=-21\n");
	assert_string_equal(
		fake.calls,
		"insert btusb.ko [enable_autosuspend=0 enable_autosuspend=1]\n");
	assert_refused(res, LKM_REFUSE_PERSIST, -EISDIR, reason);
	rm_tree(rpath(LKM_PERSIST_FILE));
}

/*
 * A value the options file cannot hold ('#' starts a comment there) is refused before
 * anything is inserted, as --dry-run would have to tell: not after the module is in.
 */
static void test_load_persist_refused_first(void **state)
{
	T();
	assert_int_equal(load_words(&t->e, rpath("/home/msdos.ko"), P("label=a#b"), 1,
				    LKM_PERSIST, res),
			 -EINVAL);
	assert_int_equal(res->refusal, LKM_REFUSE_PERSIST);
	assert_string_equal(fake.calls, "");
	assert_string_equal(persisted(), pristine_conf);
}

/* ---- unload ---- */

static void test_unload_plain(void **state)
{
	T();
	msdos_on_fat();
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", 0, res), 0);
	assert_string_equal(steps_text(res), "remove msdos - - done\n");
	assert_string_equal(fake.calls, "remove msdos\n");
	assert_done(res);
	assert_string_equal(res->module, "msdos");
	{
		char *now = slurp(rpath("/proc/modules"));

		assert_string_equal(now, "fat 86016 1 msdos, Live 0xffffffffc0a1c000\n");
		free(now);
	}
}

/* Kind and module of each step: the order alone. */
static const char *plan_text(const struct lkm_result *r)
{
	static char buf[4096];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (size_t i = 0; i < r->n_steps; i++)
		lkm_strbuf_addf(&sb, "%s %s\n", lkm_step_kind_id(r->steps[i].kind),
				r->steps[i].module);
	assert_false(sb.truncated);
	return buf;
}

static const char proc_btusb_stack[] =
	"btusb 65536 0 - Live 0xffffffffc0b40000\n"
	"btrtl 16384 1 btusb, Live 0xffffffffc0b38000\n"
	"btbcm 16384 1 btusb, Live 0xffffffffc0b34000\n"
	"btintel 45056 1 btusb, Live 0xffffffffc0b30000\n"
	"bluetooth 913408 4 btusb,btintel,btbcm,btrtl, Live 0xffffffffc0c00000\n";

/* btusb's stack: the helpers go, then bluetooth once none of them holds it. */
/* local.conf without its "remove btusb" line, for the tests about the order of removal.
 */
static void without_remove_rule(struct t *t)
{
	char *text = strdup(pristine_local), *line = strstr(text, "remove btusb");

	assert_non_null(line);
	*line = '\0';
	write_file("/etc/modprobe.d/local.conf", text, 0644);
	free(text);
	modprobe_conf(t, "");
}

/* local.conf's "remove btusb /sbin/modprobe -r ...": modprobe -r would run it; lkmtui
 * refuses before removing anything, naming the rule. */
static void test_unload_remove_command(void **state)
{
	T();
	write_file("/proc/modules", proc_btusb_stack, 0644);
	assert_int_equal(lkm_engine_unload(&t->e, "btusb", 0, res), -EPERM);
	assert_refused(
		res, LKM_REFUSE_REMOVE_COMMAND, -EPERM,
		"modprobe.d runs a command instead of removing btusb; lkmtui runs no "
		"shell commands");
	assert_string_equal(details(res),
			    "remove btusb /sbin/modprobe -r --ignore-remove btusb "
			    "&& /bin/echo btusb removed "
			    "(/etc/modprobe.d/local.conf:5)\n");
	assert_string_equal(fake.calls, "");
}

/* A block on a module the stack would remove: nothing is removed, not even the top. */
static void test_unload_stack_blocked_dependency(void **state)
{
	T();
	modprobe_conf(t, "remove fat /bin/false\n");
	msdos_on_fat();
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", LKM_STACK, res), -EPERM);
	assert_refused(
		res, LKM_REFUSE_BLOCKED, -EPERM,
		"fat is blocked by /etc/modprobe.d/engine-test.conf:1; unloading msdos "
		"would remove it");
	assert_string_equal(steps_text(res),
			    "remove msdos - - not-done\n"
			    "run-command fat - - (was used by msdos only) not-done\n");
	assert_string_equal(fake.calls, "");
	/* Without --stack, fat is not part of the plan: msdos goes. */
	lkm_result_release(res);
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", 0, res), 0);
	assert_string_equal(fake.calls, "remove msdos\n");
}

static void test_unload_stack_diamond(void **state)
{
	T();
	without_remove_rule(t);
	write_file("/proc/modules", proc_btusb_stack, 0644);
	assert_int_equal(lkm_engine_unload(&t->e, "btusb", LKM_STACK, res), 0);
	assert_string_equal(plan_text(res), "remove btusb\n"
					    "remove btrtl\n"
					    "remove btbcm\n"
					    "remove btintel\n"
					    "remove bluetooth\n");
	assert_string_equal(fake.calls, "remove btusb\n"
					"remove btrtl\n"
					"remove btbcm\n"
					"remove btintel\n"
					"remove bluetooth\n");
	assert_done(res);
}

/* The note of a dependency names who used it: all four for bluetooth, not just btusb. */
static void test_unload_stack_diamond_note(void **state)
{
	T();
	without_remove_rule(t);
	write_file("/proc/modules", proc_btusb_stack, 0644);
	assert_int_equal(lkm_engine_unload(&t->e, "btusb", LKM_STACK | LKM_DRY_RUN, res),
			 0);
	assert_string_equal(
		steps_text(res),
		"remove btusb - - not-done\n"
		"remove btrtl - - (was used by btusb only) not-done\n"
		"remove btbcm - - (was used by btusb only) not-done\n"
		"remove btintel - - (was used by btusb only) not-done\n"
		"remove bluetooth - - (was used by btusb, btintel, btbcm, btrtl only) "
		"not-done\n");
	assert_string_equal(fake.calls, "");
}

/*
 * A dependency reached both directly and through a longer path (snd is used by
 * snd_hda_intel and by snd_timer, which goes only after snd_pcm): modprobe -r
 * snd_hda_intel removes the whole stack, snd and soundcore included. Deciding to keep
 * snd while snd_timer is still to be removed is too early.
 */
static void test_unload_stack_deep(void **state)
{
	T();
	write_file("/proc/modules",
		   "snd_hda_intel 57344 0 - Live 0xffffffffc0e00000\n"
		   "snd_intel_dspcfg 32768 1 snd_hda_intel, Live 0xffffffffc0de0000\n"
		   "snd_hda_codec 184320 1 snd_hda_intel, Live 0xffffffffc0d00000\n"
		   "snd_hda_core 118784 2 snd_hda_intel,snd_hda_codec, Live "
		   "0xffffffffc0ca0000\n"
		   "snd_pcm 159744 3 snd_hda_intel,snd_hda_codec,snd_hda_core, Live "
		   "0xffffffffc0c60000\n"
		   "snd_timer 49152 1 snd_pcm, Live 0xffffffffc0c40000\n"
		   "snd 126976 5 "
		   "snd_hda_intel,snd_hda_codec,snd_hda_core,snd_pcm,snd_timer, Live "
		   "0xffffffffc0c10000\n"
		   "soundcore 16384 1 snd, Live 0xffffffffc0c00000\n",
		   0644);
	assert_int_equal(lkm_engine_unload(&t->e, "snd_hda_intel", LKM_STACK, res), 0);
	assert_string_equal(plan_text(res), "remove snd_hda_intel\n"
					    "remove snd_intel_dspcfg\n"
					    "remove snd_hda_codec\n"
					    "remove snd_hda_core\n"
					    "remove snd_pcm\n"
					    "remove snd_timer\n"
					    "remove snd\n"
					    "remove soundcore\n");
	assert_string_equal(fake.calls, "remove snd_hda_intel\n"
					"remove snd_intel_dspcfg\n"
					"remove snd_hda_codec\n"
					"remove snd_hda_core\n"
					"remove snd_pcm\n"
					"remove snd_timer\n"
					"remove snd\n"
					"remove soundcore\n");
	assert_done(res);
}

/* A dependency with more references than its module users (a mount of a fat volume). */
static void test_unload_stack_keeps_referenced(void **state)
{
	T();
	write_file("/proc/modules",
		   "fat 86016 2 msdos, Live 0xffffffffc0a1c000\n"
		   "msdos 20480 0 - Live 0xffffffffc0a36000\n",
		   0644);
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", LKM_STACK, res), 0);
	assert_string_equal(steps_text(res),
			    "remove msdos - - done\n"
			    "keep fat - - (still in use (use count 1)) not-done\n");
	assert_string_equal(fake.calls, "remove msdos\n");
}

static void test_unload_fails(void **state)
{
	T();
	msdos_on_fat();
	fake_fail("msdos", -EAGAIN);
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", LKM_STACK, res), -EAGAIN);
	assert_string_equal(steps_text(res),
			    "remove msdos - - err=-11\n"
			    "remove fat - - (was used by msdos only) not-done\n");
	assert_string_equal(fake.calls, "remove msdos\n");
	assert_int_equal(res->refusal, LKM_REFUSE_NONE);
	assert_int_equal(res->err, -EAGAIN);
	assert_int_equal(res->failed, 0);
	assert_null(res->reason);
}

static void test_unload_not_privileged(void **state)
{
	T();
	write_file("/proc/modules", "msdos 20480 0 - Live 0xffffffffc0a36000\n", 0644);
	t->e.privileged = false;
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", 0, res), -EPERM);
	assert_int_equal(res->refusal, LKM_REFUSE_NOT_PERMITTED);
	assert_string_equal(fake.calls, "");
}

static void test_unload_modules_disabled(void **state)
{
	T();
	write_file("/proc/modules", "msdos 20480 0 - Live 0xffffffffc0a36000\n", 0644);
	write_file("/proc/sys/kernel/modules_disabled", "1\n", 0644);
	assert_int_equal(lkm_engine_unload(&t->e, "msdos", 0, res), -EPERM);
	assert_int_equal(res->refusal, LKM_REFUSE_MODULES_DISABLED);
	assert_string_equal(fake.calls, "");
}

/* ---- set ---- */

static void test_set_writable(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(set_word(&t->e, "ne2k-pci", "debug=1", 0, res), 0);
	assert_string_equal(steps_text(res),
			    "write-parameter ne2k_pci - [debug=1] done\n");
	assert_string_equal(fake.calls, "write_param ne2k_pci debug 1\n");
	assert_string_equal(details(res), "debug: 2 before\ndebug: 1 after\n");
	assert_done(res);
	assert_string_equal(res->module, "ne2k_pci");
	assert_string_equal(persisted(), pristine_conf);
}

static void test_set_kernel_refuses(void **state)
{
	T();
	ne2k_loaded();
	fake_fail("ne2k_pci", -EINVAL);
	assert_int_equal(set_word(&t->e, "ne2k_pci", "debug=7", 0, res), -EINVAL);
	assert_string_equal(steps_text(res),
			    "write-parameter ne2k_pci - [debug=7] err=-22\n");
	assert_string_equal(fake.calls, "write_param ne2k_pci debug 7\n");
	assert_int_equal(res->refusal, LKM_REFUSE_NONE);
	assert_int_equal(res->err, -EINVAL);
	assert_int_equal(res->failed, 0);
	assert_string_equal(details(res), "debug: 2 before\n");
}

static void test_set_dry_run(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(
		set_word(&t->e, "ne2k_pci", "debug=1", LKM_DRY_RUN | LKM_PERSIST, res),
		0);
	assert_string_equal(steps_text(res),
			    "write-parameter ne2k_pci - [debug=1] not-done\n"
			    "persist ne2k_pci lkmtui.conf - not-done\n");
	assert_string_equal(fake.calls, "");
	assert_string_equal(persisted(), pristine_conf);
}

/* --persist keeps the module's other persisted options and replaces this one. */
static void test_set_persist_merges(void **state)
{
	T();
	ne2k_loaded();
	append_file(LKM_PERSIST_FILE, "options ne2k-pci debug=2 full_duplex=1\n"
				      "# a comment after it\n");
	assert_int_equal(set_word(&t->e, "ne2k_pci", "debug=1", LKM_PERSIST, res), 0);
	assert_string_equal(steps_text(res), "write-parameter ne2k_pci - [debug=1] done\n"
					     "persist ne2k_pci lkmtui.conf - done\n");
	assert_string_equal(fake.calls, "write_param ne2k_pci debug 1\n");
	assert_done(res);
	assert_string_equal(persisted(),
			    PERSIST_HEADER "options btusb enable_autosuspend=0\n"
					   "options ne2k_pci full_duplex=1 debug=1\n"
					   "# a comment after it\n");
}

/*
 * modules_disabled stops init_module and delete_module only: the kernel's sysfs parameter
 * store (kernel/params.c, param_attr_store) never looks at it, so set still works.
 */
static void test_set_modules_disabled(void **state)
{
	T();
	ne2k_loaded();
	write_file("/proc/sys/kernel/modules_disabled", "1\n", 0644);
	assert_int_equal(set_word(&t->e, "ne2k_pci", "debug=1", 0, res), 0);
	assert_string_equal(fake.calls, "write_param ne2k_pci debug 1\n");
	assert_done(res);
}

/* ---- what outlives a reboot: unload --persist, block, unblock ---- */

static void test_unload_persist(void **state)
{
	T();
	ne2k_loaded();
	append_file(LKM_PERSIST_FILE, "options ne2k_pci debug=1\n");
	mkdirs("/etc/modules-load.d");
	write_file(LKM_BOOT_FILE, "# mine\nloop\nne2k-pci\n", 0644);
	assert_int_equal(lkm_engine_unload(&t->e, "ne2k_pci", LKM_PERSIST, res), 0);
	assert_string_equal(steps_text(res), "remove ne2k_pci - - done\n"
					     "forget ne2k_pci lkmtui.conf - done\n"
					     "not-at-boot ne2k_pci lkmtui.conf - done\n");
	assert_string_equal(persisted(), pristine_conf);
	assert_string_equal(kept(LKM_BOOT_FILE), "loop\n");
	assert_done(res);
}

/* load --persist of a module running as asked: the files, nothing inserted. Another
 * value is still the already-loaded refusal, nothing written. */
static void test_load_persist_already_running(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(
		load_words(&t->e, "ne2k_pci", P("debug=0x2"), 1, LKM_PERSIST, res), 0);
	assert_string_equal(
		steps_text(res),
		"already-loaded ne2k_pci ne2k-pci.ko - (running with the values "
		"asked) not-done\n"
		"persist ne2k_pci lkmtui.conf - done\n"
		"load-at-boot ne2k_pci lkmtui.conf - done\n");
	assert_string_equal(fake.calls, "");
	assert_string_equal(kept(LKM_BOOT_FILE), "ne2k_pci\n");
	lkm_result_release(res);
	assert_int_equal(load_words(&t->e, "ne2k_pci", P("debug=1"), 1, LKM_PERSIST, res),
			 -EEXIST);
	assert_int_equal(res->refusal, LKM_REFUSE_ALREADY_LOADED);
	assert_string_equal(kept(LKM_BOOT_FILE), "ne2k_pci\n");
}

/* Not loaded: the files are what --persist is about; nothing there, nothing written. */
static void test_unload_persist_not_loaded(void **state)
{
	T();
	assert_int_equal(lkm_engine_unload(&t->e, "ne2k_pci", LKM_PERSIST, res), 0);
	assert_string_equal(
		steps_text(res),
		"forget ne2k_pci lkmtui.conf - (nothing to do: the file already "
		"says so) done\n"
		"not-at-boot ne2k_pci lkmtui.conf - (nothing to do: the file "
		"already says so) done\n");
	assert_string_equal(warnings(res), "ne2k_pci is not loaded\n");
	assert_true(res->steps[0].unchanged && res->steps[1].unchanged);
	assert_string_equal(kept(LKM_BOOT_FILE), "(none)");
	assert_string_equal(persisted(), pristine_conf);
}

/* Loaded and free: blocked in /run, unloaded, out of modules-load.d; a later load by
 * name meets the block. */
static void test_block_unloads(void **state)
{
	T();
	ne2k_loaded();
	mkdirs("/etc/modules-load.d");
	write_file(LKM_BOOT_FILE, "ne2k_pci\n", 0644);
	assert_int_equal(lkm_engine_block(&t->e, "ne2k-pci", 0, res), 0);
	assert_string_equal(steps_text(res), "block ne2k_pci lkmtui-block.conf - done\n"
					     "remove ne2k_pci - - done\n"
					     "not-at-boot ne2k_pci lkmtui.conf - done\n");
	assert_string_equal(res->steps[0].path, rpath(LKM_BLOCK_RUN_FILE));
	assert_string_equal(kept(LKM_BLOCK_RUN_FILE),
			    "blacklist ne2k_pci\ninstall ne2k_pci /bin/false\n");
	assert_string_equal(kept(LKM_BOOT_FILE), "");
	assert_string_equal(persisted(), pristine_conf);
	assert_string_equal(fake.calls, "remove ne2k_pci\n");
	assert_done(res);
	lkm_result_release(res);
	modprobe_conf(t, "");
	assert_int_equal(load_words(&t->e, "ne2k_pci", NULL, 0, 0, res), -EPERM);
	assert_int_equal(res->refusal, LKM_REFUSE_BLOCKED);
	assert_string_equal(res->rule.module, "ne2k_pci");
}

/* Held: the block is in place, the module stays, and the result says who holds it. */
static void test_block_in_use(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(lkm_engine_block(&t->e, "8390", 0, res), 0);
	assert_string_equal(steps_text(res), "block 8390 lkmtui-block.conf - done\n");
	assert_string_equal(
		warnings(res),
		"8390 stays loaded until the next boot: in use by ne2k_pci\n");
	assert_string_equal(holders(res), "ne2k_pci\n");
	assert_string_equal(fake.calls, "");
}

/* --persist: in /etc/modprobe.d; a load that needs it as a dependency meets the block.
 * unblock without --persist leaves it there and says so; with it, the lines go. */
static void test_block_persist_dependency(void **state)
{
	T();
	assert_int_equal(lkm_engine_block(&t->e, "8390", LKM_PERSIST, res), 0);
	assert_string_equal(steps_text(res), "block 8390 lkmtui.conf - done\n");
	assert_string_equal(persisted() + strlen(pristine_conf),
			    "blacklist 8390\ninstall 8390 /bin/false\n");
	assert_string_equal(kept(LKM_BLOCK_RUN_FILE), "(none)");
	lkm_result_release(res);
	modprobe_conf(t, "");
	assert_int_equal(load_words(&t->e, "ne2k_pci", NULL, 0, 0, res), -EPERM);
	assert_int_equal(res->refusal, LKM_REFUSE_BLOCKED);
	assert_string_equal(res->rule.module, "8390");
	assert_string_equal(fake.calls, "");
	lkm_result_release(res);
	assert_int_equal(lkm_engine_unblock(&t->e, "8390", 0, res), 0);
	assert_string_equal(steps_text(res),
			    "unblock 8390 lkmtui-block.conf - (nothing to do: the file "
			    "already says so) done\n");
	assert_string_equal(
		warnings(res),
		"8390 is still blocked in /etc/modprobe.d/lkmtui.conf: lkmtui "
		"unblock --persist 8390 removes that block\n");
	lkm_result_release(res);
	assert_int_equal(lkm_engine_unblock(&t->e, "8390", LKM_PERSIST, res), 0);
	assert_string_equal(steps_text(res),
			    "unblock 8390 lkmtui-block.conf - (nothing to do: the file "
			    "already says so) done\n"
			    "unblock 8390 lkmtui.conf - done\n");
	assert_string_equal(persisted(), pristine_conf);
}

static void test_block_dry_run(void **state)
{
	T();
	ne2k_loaded();
	assert_int_equal(lkm_engine_block(&t->e, "ne2k_pci", LKM_DRY_RUN, res), 0);
	assert_string_equal(steps_text(res),
			    "block ne2k_pci lkmtui-block.conf - not-done\n"
			    "remove ne2k_pci - - not-done\n");
	assert_string_equal(kept(LKM_BLOCK_RUN_FILE), "(none)");
	assert_string_equal(fake.calls, "");
}

static void test_block_bad_name(void **state)
{
	T();
	assert_int_equal(lkm_engine_block(&t->e, "a b", 0, res), -EINVAL);
	assert_int_equal(res->refusal, LKM_REFUSE_PERSIST);
	assert_int_equal(res->n_steps, 0);
	assert_string_equal(kept(LKM_BLOCK_RUN_FILE), "(none)");
}

/* ==== one operation and its whole result: the table ==== */

enum op { OP_LOAD, OP_UNLOAD, OP_SET };

/*
 * One operation on the system as setup leaves it with the changes below, and its result:
 * assert_done, or assert_refused with why, err and reason and no call to the kernel; then
 * each text that is not NULL compared whole. Each row is a test of its own, named by
 * .name, so a failure names its row.
 */
struct engine_case {
	const char *name;
	/* the system before */
	void (*prepare)(void);	  /* fat_alone, msdos_on_fat, ne2k_loaded */
	const char *proc_modules; /* /proc/modules */
	const char *conf;	  /* modprobe_conf() */
	/* the operation */
	enum op op;
	const char *target;
	const char *const *words; /* load's parameters */
	size_t n_words;
	const char *assignment; /* set's */
	unsigned flags;
	/* the result: err 0 is done, else refused */
	int err;
	enum lkm_refusal why;
	const char *reason;
	const char *steps, *calls, *details, *holders, *warnings, *module, *target_is,
		*kmsg;
	const char *bad_param; /* the parameter the refusal names */
};

#define LOAD(target_)		      .op = OP_LOAD, .target = (target_)
#define LOAD_WITH(target_, words_, n) LOAD(target_), .words = (words_), .n_words = (n)
#define UNLOAD(module)		      .op = OP_UNLOAD, .target = (module)
#define SET(module, assignment_)                                                         \
	.op = OP_SET, .target = (module), .assignment = (assignment_)
#define REFUSED(why_, err_, reason_) .why = (why_), .err = (err_), .reason = (reason_)

static const struct engine_case engine_cases[] = {
	{ .name = "test_load_dep_already_loaded",
	  .prepare = fat_alone,
	  LOAD("msdos"),
	  .steps = "already-loaded fat fat.ko - (needed by msdos) not-done\n"
		   "insert msdos msdos.ko [] done\n",
	  .calls = "insert msdos.ko []\n" },
	/* btusb: a diamond (every helper needs bluetooth), each module once, deepest
	   first. */
	{ .name = "test_load_diamond",
	  LOAD_WITH("btusb", P("enable_autosuspend=1"), 1),
	  .steps = "insert bluetooth bluetooth.ko [] (needed by btusb) done\n"
		   "insert btintel btintel.ko [] (needed by btusb) done\n"
		   "insert btbcm btbcm.ko [] (needed by btusb) done\n"
		   "insert btrtl btrtl.ko [] (needed by btusb) done\n"
		   "insert btusb btusb.ko [enable_autosuspend=0 enable_autosuspend=1] "
		   "(with the options modprobe.d gives it) done\n",
	  .calls = "insert bluetooth.ko []\n"
		   "insert btintel.ko []\n"
		   "insert btbcm.ko []\n"
		   "insert btrtl.ko []\n"
		   "insert btusb.ko [enable_autosuspend=0 enable_autosuspend=1]\n" },
	/* btrfs's softdep pre: crc32c is built in (crc32c_generic): nothing to insert for
	   it. */
	{ .name = "test_load_softdep_builtin",
	  LOAD("btrfs"),
	  .steps = "built-in crc32c_generic - - (softdep pre of btrfs) not-done\n"
		   "insert btrfs btrfs.ko [] done\n",
	  .calls = "insert btrfs.ko []\n" },
	{ .name = "test_load_no_deps",
	  LOAD("msdos"),
	  .flags = LKM_NO_DEPS,
	  .steps = "insert msdos msdos.ko [] done\n",
	  .calls = "insert msdos.ko []\n" },
	/* modprobe.d's options first, the user's after them: the kernel keeps the last
	   value. */
	{ .name = "test_load_options_merged",
	  LOAD_WITH("ne2k-pci", P("debug=1"), 1),
	  .steps = "insert 8390 8390.ko [] (needed by ne2k_pci) done\n"
		   "insert ne2k_pci ne2k-pci.ko [debug=2 full_duplex=1 debug=1] (with "
		   "the options modprobe.d gives it) done\n",
	  .calls = "insert 8390.ko []\n"
		   "insert ne2k-pci.ko [debug=2 full_duplex=1 debug=1]\n",
	  .module = "ne2k_pci" },
	/* Through local.conf's "alias eth-ne2k ne2k_pci": the same module and options. */
	{ .name = "test_load_by_alias",
	  LOAD_WITH("eth-ne2k", P("full_duplex=0,1"), 1),
	  .steps = "insert 8390 8390.ko [] (needed by ne2k_pci) done\n"
		   "insert ne2k_pci ne2k-pci.ko [debug=2 full_duplex=1 full_duplex=0,1] "
		   "(with the options modprobe.d gives it) done\n",
	  .module = "ne2k_pci",
	  .target_is = "eth-ne2k" },
	{ .name = "test_load_value_with_blank",
	  LOAD_WITH("btusb", P("enable_autosuspend"), 1),
	  .flags = LKM_NO_DEPS,
	  .calls = "insert btusb.ko [enable_autosuspend=0 enable_autosuspend]\n" },
	/* A dependency gets its own modprobe.d options, as modprobe gives them. */
	{ .name = "test_load_dep_options",
	  .conf = "options fat codepage=850\n",
	  LOAD("vfat"),
	  .steps = "insert fat fat.ko [codepage=850] (needed by vfat) done\n"
		   "insert vfat vfat.ko [] done\n",
	  .calls = "insert fat.ko [codepage=850]\n"
		   "insert vfat.ko []\n" },
	{ .name = "test_load_softdeps",
	  .conf = "softdep mod-loop-a pre: mod-foo-a post: mod-foo-c\n",
	  LOAD("mod-loop-a"),
	  .steps = "insert mod_foo_a mod-foo-a.ko [] (softdep pre of mod_loop_a) done\n"
		   "insert mod_loop_a mod-loop-a.ko [] done\n"
		   "insert mod_foo_c mod-foo-c.ko [] (softdep post of mod_loop_a) done\n",
	  .calls = "insert mod-foo-a.ko []\n"
		   "insert mod-loop-a.ko []\n"
		   "insert mod-foo-c.ko []\n" },
	/* --no-deps leaves softdeps out too. */
	{ .name = "test_load_softdeps_no_deps",
	  .conf = "softdep mod-loop-a pre: mod-foo-a post: mod-foo-c\n",
	  LOAD("mod-loop-a"),
	  .flags = LKM_NO_DEPS,
	  .calls = "insert mod-loop-a.ko []\n" },
	/* kmod's bogus.conf: "alias mod-simple deaddood", a module that is not there. */
	{ .name = "test_load_alias_to_nothing",
	  LOAD("mod-simple"),
	  REFUSED(LKM_REFUSE_NOT_FOUND, -ENOENT,
		  "deaddood is named in modprobe.d but no module file exists") },
	{ .name = "test_load_unknown_param_none_declared",
	  LOAD_WITH("msdos", P("bogus"), 1),
	  REFUSED(LKM_REFUSE_UNKNOWN_PARAM, -EINVAL,
		  "msdos has no parameter 'bogus': it declares none"),
	  .details = "" },
	{ .name = "test_load_invalid_array_element",
	  LOAD_WITH("ne2k_pci", P("full_duplex=1,x"), 1),
	  REFUSED(LKM_REFUSE_INVALID_PARAM, -EINVAL,
		  "full_duplex: element 'x': 'x' is not a number (int)") },
	{ .name = "test_load_param_with_quote",
	  LOAD_WITH("ne2k_pci", P("debug=\"1"), 1),
	  REFUSED(LKM_REFUSE_MALFORMED_PARAM, -EINVAL,
		  "the value of debug holds a double quote, which the kernel cannot be "
		  "given") },
	/* By its own name, a blacklisted module loads: modprobe does the same. Say so. */
	{ .name = "test_load_blacklisted_by_name",
	  LOAD("pcspkr"),
	  .steps = "insert pcspkr pcspkr.ko [] done\n",
	  .calls = "insert pcspkr.ko []\n",
	  .warnings = "pcspkr is blacklisted in modprobe.d: that stops it being loaded "
		      "through an alias (hardware detection) only; an explicit load like "
		      "this one, and a load as a dependency, still work\n" },
	/* platform:pcspkr names pcspkr (blacklisted: skipped) and snd-pcsp (loaded). */
	{ .name = "test_load_blacklisted_by_alias",
	  LOAD("platform:pcspkr"),
	  .steps = "blacklisted pcspkr pcspkr.ko - (blacklisted in modprobe.d, and "
		   "reached through an alias) not-done\n"
		   "insert snd_pcsp snd-pcsp.ko [] done\n",
	  .calls = "insert snd-pcsp.ko []\n",
	  .warnings = "",
	  .module = "snd_pcsp" },
	/* Blocked, but already loaded: modprobe runs nothing for a loaded module, nor
	 * does lkmtui. */
	{ .name = "test_load_blocked_dependency_loaded",
	  .prepare = fat_alone,
	  .conf = "install fat /bin/false\n",
	  LOAD("msdos"),
	  .steps = "already-loaded fat fat.ko - (needed by msdos) not-done\n"
		   "insert msdos msdos.ko [] done\n" },
	/* Any other command is not a block: install-command, with the rule and its line.
	 * A pattern matches as libkmod matches it ('-' is '_', fnmatch). */
	{ .name = "test_load_install_command_dependency",
	  .conf = "install f[a]t /sbin/modprobe --ignore-install fat \\\n"
		  "  && echo loaded\n",
	  LOAD("vfat"),
	  REFUSED(LKM_REFUSE_INSTALL_COMMAND, -EPERM,
		  "modprobe.d runs a command instead of loading fat, which vfat needs; "
		  "lkmtui runs no shell commands"),
	  .details = "install fat /sbin/modprobe --ignore-install fat   && echo loaded "
		     "(/etc/modprobe.d/engine-test.conf:1)\n" },
	/* A block anywhere wins over another command met first: the admin's word. */
	{ .name = "test_load_block_named_first",
	  .conf = "install fat /bin/echo fat\n"
		  "install msdos /usr/bin/false\n",
	  LOAD("msdos"),
	  REFUSED(LKM_REFUSE_BLOCKED, -EPERM,
		  "msdos is blocked by /etc/modprobe.d/engine-test.conf:2") },
	/* An alias with several matches loads each, as modprobe does; a shared dependency
	 * once. */
	{ .name = "test_load_alias_several",
	  .conf = "alias fatfs msdos\n"
		  "alias fatfs vfat\n",
	  LOAD("fatfs"),
	  .steps = "insert fat fat.ko [] (needed by msdos) done\n"
		   "insert msdos msdos.ko [] done\n"
		   "insert vfat vfat.ko [] (fatfs names it too) done\n",
	  .calls = "insert fat.ko []\n"
		   "insert msdos.ko []\n"
		   "insert vfat.ko []\n",
	  .module = "msdos" },
	{ .name = "test_load_not_found",
	  LOAD("msdoss"),
	  REFUSED(LKM_REFUSE_NOT_FOUND, -ENOENT,
		  "no module, alias or file is called msdoss"),
	  .details = "msdos\n" },
	{ .name = "test_load_builtin",
	  LOAD("ext4"),
	  REFUSED(LKM_REFUSE_BUILTIN, -EEXIST,
		  "ext4 is built into the kernel: it is always there, and its parameters "
		  "are set on the kernel command line (ext4.NAME=VALUE)") },
	{ .name = "test_load_already_loaded_no_params",
	  .prepare = msdos_on_fat,
	  LOAD("msdos"),
	  REFUSED(LKM_REFUSE_ALREADY_LOADED, -EEXIST, "msdos is already loaded"),
	  .details = "state: live, use count 0\n" },
	{ .name = "test_load_dry_run",
	  .prepare = fat_alone,
	  LOAD("vfat"),
	  .flags = LKM_DRY_RUN,
	  .steps = "already-loaded fat fat.ko - (needed by vfat) not-done\n"
		   "insert vfat vfat.ko [] not-done\n",
	  .calls = "",
	  .kmsg = "" },
	{ .name = "test_unload_not_loaded",
	  .prepare = fat_alone,
	  UNLOAD("vfat"),
	  REFUSED(LKM_REFUSE_NOT_LOADED, -ENOENT, "vfat is not loaded"),
	  .details = "fat\n" },
	{ .name = "test_unload_builtin",
	  UNLOAD("ext4"),
	  REFUSED(LKM_REFUSE_BUILTIN, -EPERM,
		  "ext4 is built into the kernel: it cannot be unloaded") },
	{ .name = "test_unload_in_use",
	  .proc_modules = "fat 86016 2 msdos,vfat, Live 0xffffffffc0a1c000\n"
			  "msdos 20480 0 - Live 0xffffffffc0a36000\n"
			  "vfat 24576 0 - Live 0xffffffffc0a40000\n",
	  UNLOAD("fat"),
	  .flags = LKM_STACK,
	  REFUSED(LKM_REFUSE_IN_USE, -EBUSY, "fat is in use by 2 modules"),
	  .steps = "",
	  .holders = "msdos\n"
		     "vfat\n" },
	/* A use count with no module users: mounts or open devices hold it. */
	{ .name = "test_unload_in_use_by_references",
	  .proc_modules = "fat 86016 3 - Live 0xffffffffc0a1c000\n",
	  UNLOAD("fat"),
	  REFUSED(LKM_REFUSE_IN_USE, -EBUSY,
		  "fat is in use (3 references: open devices, mounts or another "
		  "subsystem)"),
	  .holders = "" },
	{ .name = "test_unload_permanent",
	  .proc_modules =
		  "demo_permanent 12288 0 [permanent], Live 0xffffffffc0a00000 (OE)\n",
	  UNLOAD("demo_permanent"),
	  REFUSED(LKM_REFUSE_PERMANENT, -EBUSY,
		  "demo_permanent is permanent: it was built without an exit function, "
		  "so the kernel cannot unload it") },
	/* A name given with '-' is the kernel's '_' name. */
	{ .name = "test_unload_dash_name",
	  .proc_modules = "ne2k_pci 16384 0 - Live 0xffffffffc0a10000\n",
	  UNLOAD("ne2k-pci"),
	  .calls = "remove ne2k_pci\n",
	  .module = "ne2k_pci" },
	{ .name = "test_unload_stack",
	  .prepare = msdos_on_fat,
	  UNLOAD("msdos"),
	  .flags = LKM_STACK,
	  .steps = "remove msdos - - done\n"
		   "remove fat - - (was used by msdos only) done\n",
	  .calls = "remove msdos\n"
		   "remove fat\n" },
	{ .name = "test_unload_stack_keeps_shared",
	  .proc_modules = "fat 86016 2 msdos,vfat, Live 0xffffffffc0a1c000\n"
			  "msdos 20480 0 - Live 0xffffffffc0a36000\n"
			  "vfat 24576 0 - Live 0xffffffffc0a40000\n",
	  UNLOAD("msdos"),
	  .flags = LKM_STACK,
	  .steps = "remove msdos - - done\n"
		   "keep fat - - (still used by vfat) not-done\n",
	  .calls = "remove msdos\n" },
	/* modprobe -r's order: softdeps post first, the module, its softdeps pre last; a
	 * softdep something else holds stays. */
	{ .name = "test_unload_stack_softdeps",
	  .proc_modules = "mod_foo_c 16384 0 - Live 0xffffffffc0000000\n"
			  "mod_loop_a 16384 0 - Live 0xffffffffc0000000\n"
			  "mod_foo_a 16384 0 - Live 0xffffffffc0000000\n"
			  "mod_foo_b 16384 1 - Live 0xffffffffc0000000\n",
	  .conf = "softdep mod-loop-a pre: mod-foo-a mod-foo-b post: mod-foo-c\n",
	  UNLOAD("mod-loop-a"),
	  .flags = LKM_STACK,
	  .steps = "remove mod_foo_c - - (softdep post of mod_loop_a) done\n"
		   "remove mod_loop_a - - done\n"
		   "remove mod_foo_a - - (softdep pre of mod_loop_a) done\n",
	  .calls = "remove mod_foo_c\n"
		   "remove mod_loop_a\n"
		   "remove mod_foo_a\n" },
	{ .name = "test_set_read_only",
	  .prepare = ne2k_loaded,
	  SET("ne2k_pci", "full_duplex=0"),
	  REFUSED(LKM_REFUSE_READ_ONLY_PARAM, -EPERM,
		  "full_duplex is read-only (mode 0444): the module takes it only at "
		  "load time"),
	  .steps = "",
	  .details = "full_duplex: 1 now\n" },
	{ .name = "test_set_invalid",
	  .prepare = ne2k_loaded,
	  SET("ne2k_pci", "debug=two"),
	  REFUSED(LKM_REFUSE_INVALID_PARAM, -EINVAL,
		  "debug: 'two' is not a number (int)"),
	  .steps = "",
	  .details = "debug: 2 now\n" },
	{ .name = "test_set_not_loaded",
	  SET("ne2k_pci", "debug=1"),
	  REFUSED(LKM_REFUSE_NOT_LOADED, -ENOENT, "ne2k_pci is not loaded") },
	{ .name = "test_load_unknown_param",
	  LOAD_WITH("ne2k_pci", P("debug=1", "bogus=1"), 2),
	  REFUSED(LKM_REFUSE_UNKNOWN_PARAM, -EINVAL, "ne2k_pci has no parameter 'bogus'"),
	  .steps = "",
	  .details = "debug (int): debug level (1-2)\n"
		     "full_duplex (array of int): full duplex setting(s) (1)\n",
	  .bad_param = "bogus" },
	{ .name = "test_load_invalid_param",
	  LOAD_WITH("ne2k_pci", P("debug=eleven"), 1),
	  REFUSED(LKM_REFUSE_INVALID_PARAM, -EINVAL,
		  "debug: 'eleven' is not a number (int)"),
	  .details = "debug (int): debug level (1-2)\n",
	  .bad_param = "debug" },
	{ .name = "test_load_malformed_param",
	  LOAD_WITH("ne2k_pci", P("=5"), 1),
	  REFUSED(LKM_REFUSE_MALFORMED_PARAM, -EINVAL,
		  "'=5' has no parameter name before '='"),
	  .bad_param = "=5" },
	{ .name = "test_set_unknown",
	  .prepare = ne2k_loaded,
	  SET("ne2k_pci", "irq=7"),
	  REFUSED(LKM_REFUSE_UNKNOWN_PARAM, -ENOENT,
		  "ne2k_pci has no parameter 'irq' in /sys/module/ne2k_pci/parameters"),
	  .details = "debug = 2 (writable)\n"
		     "full_duplex = 1 (read-only)\n",
	  .bad_param = "irq" },
	{ .name = "test_set_malformed",
	  .prepare = ne2k_loaded,
	  SET("ne2k_pci", "debug"),
	  REFUSED(LKM_REFUSE_MALFORMED_PARAM, -EINVAL,
		  "give the new value as NAME=VALUE"),
	  .bad_param = "debug" },
};

static void test_engine_case(void **state)
{
	const struct engine_case *c;
	int err = 0;
	T();
	c = t->row;
	if (c->prepare)
		c->prepare();
	if (c->proc_modules)
		write_file("/proc/modules", c->proc_modules, 0644);
	if (c->conf)
		modprobe_conf(t, c->conf);
	switch (c->op) {
	case OP_LOAD:
		err = load_words(&t->e, c->target, c->words, c->n_words, c->flags, res);
		break;
	case OP_UNLOAD: err = lkm_engine_unload(&t->e, c->target, c->flags, res); break;
	case OP_SET:
		err = set_word(&t->e, c->target, c->assignment, c->flags, res);
		break;
	}
	assert_int_equal(err, c->err);
	if (c->err)
		assert_refused(res, c->why, c->err, c->reason);
	else
		assert_done(res);
	if (c->steps)
		assert_string_equal(steps_text(res), c->steps);
	if (c->calls || c->err)
		assert_string_equal(fake.calls, c->calls ? c->calls : "");
	if (c->details)
		assert_string_equal(details(res), c->details);
	if (c->holders)
		assert_string_equal(holders(res), c->holders);
	if (c->warnings)
		assert_string_equal(warnings(res), c->warnings);
	if (c->module)
		assert_string_equal(res->module, c->module);
	if (c->target_is)
		assert_string_equal(res->target, c->target_is);
	if (c->kmsg)
		assert_string_equal(kmsg_lines(res), c->kmsg);
	if (c->bad_param)
		assert_string_equal(res->bad_param, c->bad_param);
}

#define E(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest named[] = {
		E(test_load_with_deps),
		E(test_load_file_alone),
		E(test_load_file_no_modprobe_options),
		E(test_load_file_with_deps),
		E(test_load_file_with_deps_blocked),
		E(test_load_file_deps_not_asked),
		E(test_load_file_missing),
		E(test_load_file_not_elf),
		E(test_load_install_command),
		E(test_load_blocked_dependency),
		E(test_load_out_of_memory),
		E(test_load_builtin_alias),
		E(test_load_already_loaded),
		E(test_load_not_privileged),
		E(test_load_not_privileged_names_user),
		E(test_load_dry_run_not_privileged),
		E(test_load_modules_disabled),
		E(test_load_no_module_support),
		E(test_load_image),
		E(test_load_fails_mid_chain),
		E(test_load_fails_first_of_chain),
		E(test_load_persist),
		E(test_load_persist_replaces),
		E(test_load_persist_fails),
		E(test_load_persist_refused_first),
		E(test_load_persist_already_running),
		E(test_unload_persist),
		E(test_unload_persist_not_loaded),
		E(test_block_unloads),
		E(test_block_in_use),
		E(test_block_persist_dependency),
		E(test_block_dry_run),
		E(test_block_bad_name),
		E(test_unload_plain),
		E(test_unload_remove_command),
		E(test_unload_stack_blocked_dependency),
		E(test_unload_stack_diamond),
		E(test_unload_stack_diamond_note),
		E(test_unload_stack_deep),
		E(test_unload_stack_keeps_referenced),
		E(test_unload_fails),
		E(test_unload_not_privileged),
		E(test_unload_modules_disabled),
		E(test_set_writable),
		E(test_set_kernel_refuses),
		E(test_set_dry_run),
		E(test_set_persist_merges),
		E(test_set_modules_disabled),
	};
	struct CMUnitTest tests[sizeof(named) / sizeof(named[0]) +
				sizeof(engine_cases) / sizeof(engine_cases[0])];
	size_t n = sizeof(named) / sizeof(named[0]);

	memcpy(tests, named, sizeof(named));
	for (size_t i = 0; i < sizeof(engine_cases) / sizeof(engine_cases[0]); i++)
		tests[n++] = test_row(engine_cases[i].name, test_engine_case, setup,
				      teardown, &engine_cases[i]);
	return _cmocka_run_group_tests("tests", tests, n, group_setup, group_teardown);
}
