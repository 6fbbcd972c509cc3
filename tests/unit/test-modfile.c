// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Module files: real .ko files from kmod's testsuite (tests/fixtures/ko/SOURCES),
 * compressed copies made here, objects compiled here from the .c files in
 * tests/fixtures/ko/, and damaged copies made here. Expected values were read with kmod's
 * modinfo, `modprobe --dump-modversions`, `readelf -S`, `readelf -p .modinfo`, `nm -u`.
 */
#include "config.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <lzma.h>
#include <setjmp.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cmocka.h>

#include "core/decompress.h"
#include "core/modfile.h"

#define KO FIXTURES "/ko"

extern char **environ;

static char tmpdir[] = "/tmp/lkm-modfile-XXXXXX";

struct blob {
	unsigned char *p;
	size_t n;
};

static struct blob load(const char *path)
{
	struct blob b;
	struct stat st;
	int fd = open(path, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	b.n = (size_t)st.st_size;
	b.p = malloc(b.n ? b.n : 1);
	assert_non_null(b.p);
	assert_int_equal(read(fd, b.p, b.n), (ssize_t)b.n);
	close(fd);
	return b;
}

static const char *tmp_path(const char *name)
{
	static char path[4][512];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", tmpdir, name);
	return p;
}

static const char *save(const char *name, const void *data, size_t n)
{
	const char *path = tmp_path(name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

static struct lkm_modfile *open_ok(const char *path)
{
	struct lkm_modfile *mf = NULL;
	struct lkm_modfile_error why = { 0 };
	int err = lkm_modfile_open(path, &mf, &why);

	if (err < 0)
		print_error("%s: %d %s\n", path, err, why.reason);
	assert_int_equal(err, 0);
	assert_non_null(mf);
	return mf;
}

/* An open that answered R, MF and WHY failed with ERR and exactly the reason WANT. */
static void check_failed(int r, const struct lkm_modfile *mf,
			 const struct lkm_modfile_error *why, int err, const char *want)
{
	if (r != err || strcmp(why->reason, want) != 0)
		print_error("REASON\t%s\t%s\n", want, why->reason);
	assert_int_equal(r, err);
	assert_int_equal(why->err, err);
	assert_null(mf);
	assert_string_equal(why->reason, want);
}

/* Opens BYTES from memory expecting ERR and exactly the reason WANT. */
static void mem_fails(const void *bytes, size_t n, int err, const char *want)
{
	struct lkm_modfile *mf = (void *)1;
	struct lkm_modfile_error why = { 0 };
	int r = lkm_modfile_open_mem(bytes, n, &mf, &why);

	check_failed(r, mf, &why, err, want);
}

static void path_fails(const char *path, int err, const char *want)
{
	struct lkm_modfile *mf = (void *)1;
	struct lkm_modfile_error why = { 0 };
	int r = lkm_modfile_open(path, &mf, &why);

	check_failed(r, mf, &why, err, want);
}

static size_t count_info(const struct lkm_modfile *mf, const char *key)
{
	size_t pos = 0, n = 0;

	while (lkm_modfile_info_next(mf, key, &pos, NULL))
		n++;
	return n;
}

/* Runs cc with ARGV (NULL-terminated, argv[0] "cc"); false when there is no compiler. */
static bool run_cc(char *const argv[])
{
	pid_t pid;
	int status;

	if (posix_spawnp(&pid, "cc", NULL, NULL, argv, environ) != 0)
		return false;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* --- the ELF64 little-endian fixture, patched in place for the damaged cases --- */

static Elf64_Shdr *shdr(struct blob *b, size_t i)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)b->p;

	assert_true(eh->e_shoff + (i + 1) * sizeof(Elf64_Shdr) <= b->n);
	return (Elf64_Shdr *)(b->p + eh->e_shoff + i * sizeof(Elf64_Shdr));
}

static size_t section_index(struct blob *b, const char *name)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)b->p;
	Elf64_Shdr *str = shdr(b, eh->e_shstrndx);
	size_t i;

	for (i = 1; i < eh->e_shnum; i++)
		if (strcmp((char *)b->p + str->sh_offset + shdr(b, i)->sh_name, name) ==
		    0)
			return i;
	fail_msg("no section %s", name);
	return 0;
}

/* The section header of NAME. */
static Elf64_Shdr *section(struct blob *b, const char *name)
{
	return shdr(b, section_index(b, name));
}

/* --- real modules --- */

/* WANT, or NULL for none. */
static void expect_text(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

/* A parameter as .modinfo declares it: NAME, TYPE and DESCRIPTION (NULL: none). */
static void check_param(const struct lkm_modfile_param *p, const char *name,
			const char *type, const char *description)
{
	assert_string_equal(p->name, name);
	expect_text(p->type, type);
	expect_text(p->description, description);
}

/* A __versions entry: SYMBOL and its CRC. */
static void check_version(const struct lkm_modfile_version *v, const char *symbol,
			  uint64_t crc)
{
	assert_string_equal(v->symbol, symbol);
	assert_int_equal(v->crc, crc);
}

static void test_x86_64(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-simple.ko");
	const struct lkm_modfile_version *v;
	const char *const *names;
	const struct lkm_modfile_param *params;
	struct blob file = load(KO "/mod-simple.ko");
	const void *data;
	size_t n;

	assert_string_equal(lkm_modfile_path(mf), KO "/mod-simple.ko");
	assert_string_equal(lkm_modfile_compression(mf), "none");
	data = lkm_modfile_data(mf, &n);
	assert_int_equal(n, file.n);
	assert_memory_equal(data, file.p, n);
	assert_int_equal(lkm_modfile_elf_class(mf), 64);
	assert_false(lkm_modfile_big_endian(mf));
	assert_int_equal(lkm_modfile_machine(mf), EM_X86_64);
	assert_string_equal(lkm_modfile_machine_name(mf), "x86-64");
	assert_int_equal(lkm_modfile_type(mf), ET_REL);
	assert_string_equal(lkm_modfile_type_name(mf), "relocatable");
	assert_true(lkm_modfile_is_module(mf));
	assert_int_equal(lkm_modfile_section_count(mf), 19);
	assert_string_equal(lkm_modfile_section_name(mf, 0), "");
	assert_string_equal(lkm_modfile_section_name(mf, 6), ".modinfo");
	assert_string_equal(lkm_modfile_section_name(mf, 9), "__versions");
	assert_string_equal(lkm_modfile_section_name(mf, 11),
			    ".gnu.linkonce.this_module");
	assert_null(lkm_modfile_section_name(mf, 19));
	assert_true(lkm_modfile_has_modinfo(mf));
	assert_true(lkm_modfile_has_this_module(mf));
	assert_true(lkm_modfile_has_versions(mf));
	assert_true(lkm_modfile_has_section(mf, ".symtab"));
	assert_false(lkm_modfile_has_section(mf, ".nope"));

	assert_int_equal(lkm_modfile_info_count(mf), 4);
	assert_string_equal(lkm_modfile_info(mf, "license"), "LGPL");
	assert_string_equal(lkm_modfile_info(mf, "author"),
			    "Lucas De Marchi <lucas.demarchi@intel.com>");
	assert_string_equal(lkm_modfile_info(mf, "depends"), "");
	assert_string_equal(lkm_modfile_info(mf, "vermagic"),
			    "4.0.3-1-ARCH SMP preempt mod_unload modversions ");
	assert_null(lkm_modfile_info(mf, "srcversion"));
	assert_int_equal(lkm_modfile_depends(mf, &names), 0);
	assert_null(names);
	assert_int_equal(lkm_modfile_params(mf, &params), 0);

	assert_int_equal(lkm_modfile_versions(mf, &v), 2);
	check_version(&v[0], "module_layout", 0xf3600c71);
	check_version(&v[1], "__fentry__", 0xbdfb6dbb);
	assert_int_equal(lkm_modfile_undefined(mf, &names), 1);
	assert_string_equal(names[0], "__fentry__");
	assert_false(lkm_modfile_signature(mf)->present);
	lkm_modfile_free(mf);
	free(file.p);
}

static void test_i386(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-simple-i386.ko");
	const struct lkm_modfile_version *v;
	const char *const *names;

	assert_int_equal(lkm_modfile_elf_class(mf), 32);
	assert_false(lkm_modfile_big_endian(mf));
	assert_int_equal(lkm_modfile_machine(mf), EM_386);
	assert_string_equal(lkm_modfile_machine_name(mf), "i386");
	assert_true(lkm_modfile_is_module(mf));
	assert_int_equal(lkm_modfile_section_count(mf), 15);
	assert_false(lkm_modfile_has_versions(mf));
	assert_string_equal(lkm_modfile_info(mf, "vermagic"),
			    "3.19.0 SMP mod_unload 686 ");
	assert_string_equal(lkm_modfile_info(mf, "license"), "LGPL");
	assert_int_equal(lkm_modfile_versions(mf, &v), 0);
	assert_int_equal(lkm_modfile_undefined(mf, &names), 0);
	lkm_modfile_free(mf);
}

static void test_sparc64(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-simple-sparc64.ko");
	struct blob file = load(KO "/mod-simple-sparc64.ko");
	const struct lkm_modfile_version *v;
	const char *const *names;
	size_t n;
	const void *data = lkm_modfile_data(mf, &n);

	assert_int_equal(lkm_modfile_elf_class(mf), 64);
	assert_true(lkm_modfile_big_endian(mf));
	assert_int_equal(lkm_modfile_machine(mf), EM_SPARCV9);
	assert_string_equal(lkm_modfile_machine_name(mf), "SPARC v9");
	assert_true(lkm_modfile_is_module(mf));
	assert_true(lkm_modfile_has_versions(mf)); /* present, but 0 bytes */
	assert_int_equal(lkm_modfile_versions(mf, &v), 0);
	assert_string_equal(lkm_modfile_info(mf, "srcversion"),
			    "84C5336E000C5A4C187E5B4");
	assert_string_equal(lkm_modfile_info(mf, "vermagic"),
			    "3.19.0 SMP mod_unload modversions ");
	assert_int_equal(lkm_modfile_undefined(mf, &names), 1);
	assert_string_equal(names[0], "current_thread_info_reg");
	/* libelf converted the foreign byte order without touching the bytes we hand out
	 */
	assert_int_equal(n, file.n);
	assert_memory_equal(data, file.p, n);
	lkm_modfile_free(mf);
	free(file.p);
}

static void test_depends_and_versions(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-foo.ko");
	static const char *const want_undef[] = { "print_fooA", "print_fooB",
						  "print_fooC" };
	const struct lkm_modfile_version *v;
	const char *const *names;
	size_t n, i, j;

	assert_int_equal(lkm_modfile_depends(mf, &names), 3);
	assert_string_equal(names[0], "mod-foo-c");
	assert_string_equal(names[1], "mod-foo-b");
	assert_string_equal(names[2], "mod-foo-a");
	assert_string_equal(lkm_modfile_info(mf, "depends"),
			    "mod-foo-c,mod-foo-b,mod-foo-a");
	assert_int_equal(lkm_modfile_versions(mf, &v), 4);
	check_version(&v[0], "module_layout", 0xf3600c71);
	check_version(&v[1], "print_fooC", 0x165ead62);
	check_version(&v[2], "print_fooB", 0xd7d072a2);
	check_version(&v[3], "print_fooA", 0x4e3214a3);
	/* nm -u sorts; the table's order is the file's */
	n = lkm_modfile_undefined(mf, &names);
	assert_int_equal(n, 3);
	for (i = 0; i < 3; i++) {
		for (j = 0; j < n && strcmp(names[j], want_undef[i]) != 0; j++)
			;
		assert_true(j < n);
	}
	lkm_modfile_free(mf);
}

static void test_repeated_aliases(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-fake-hpsa.ko");
	const char *const *names;
	const char *value, *key;
	size_t pos = 0, n = 0;

	assert_int_equal(count_info(mf, "alias"), 16);
	assert_string_equal(lkm_modfile_info(mf, "alias"),
			    "pci:v0000103Cd*sv*sd*bc01sc04i*");
	while ((value = lkm_modfile_info_next(mf, "alias", &pos, &key))) {
		assert_string_equal(key, "alias");
		n++;
		if (n == 16)
			assert_string_equal(
				value,
				"pci:v0000103Cd0000323Asv0000103Csd00003241bc*sc*i*");
	}
	assert_null(lkm_modfile_info_next(mf, "alias", &pos, NULL));
	/* key NULL walks everything: 16 aliases, license, author, depends, vermagic */
	assert_int_equal(count_info(mf, NULL), 20);
	assert_int_equal(lkm_modfile_info_count(mf), 20);
	assert_int_equal(lkm_modfile_depends(mf, &names), 1);
	assert_string_equal(names[0], "mod-fake-scsi-mod");
	lkm_modfile_free(mf);
}

static void test_name_retpoline(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-weakdep.ko");
	const char *const *names;

	assert_int_equal(lkm_modfile_section_count(mf), 45);
	assert_string_equal(lkm_modfile_info(mf, "name"), "mod_weakdep");
	assert_string_equal(lkm_modfile_info(mf, "retpoline"), "Y");
	assert_string_equal(lkm_modfile_info(mf, "weakdep"), "mod-simple");
	assert_string_equal(lkm_modfile_info(mf, "srcversion"),
			    "FC648EAA2748F187A5EFD45");
	assert_string_equal(lkm_modfile_info(mf, "author"),
			    "Jose Ignacio Tornos Martinez <jtornosm@redhat.com>");
	assert_string_equal(lkm_modfile_info(mf, "vermagic"),
			    "6.10.3-6-MANJARO SMP preempt mod_unload ");
	assert_false(lkm_modfile_has_versions(mf));
	assert_int_equal(lkm_modfile_undefined(mf, &names), 2);
	assert_string_equal(names[0], "__fentry__");
	assert_string_equal(names[1], "__x86_return_thunk");
	lkm_modfile_free(mf);
}

static void test_signed(void **state)
{
	struct lkm_modfile *mf = open_ok(KO "/mod-simple-signed.ko");
	struct lkm_modfile *plain = open_ok(KO "/mod-simple.ko");
	const struct lkm_modfile_signature *sig = lkm_modfile_signature(mf);
	struct blob file = load(KO "/mod-simple-signed.ko");
	const struct lkm_modfile_version *v;
	struct lkm_modfile_error why;
	size_t n;

	assert_true(sig->present);
	assert_int_equal(sig->id_type, 2);
	assert_int_equal(sig->sig_len, 397);
	/* as kmod's modinfo prints them */
	assert_non_null(sig->signer);
	assert_string_equal(sig->signer, "lkmtui test signing key");
	assert_string_equal(sig->key_id, "1A:2B:3C:4D");
	assert_string_equal(sig->hash_algo, "sha256");
	/* the whole file is handed out, signature and all; the ELF parts match the
	 * unsigned */
	lkm_modfile_data(mf, &n);
	assert_int_equal(n, file.n);
	assert_int_equal(lkm_modfile_section_count(mf), lkm_modfile_section_count(plain));
	assert_string_equal(lkm_modfile_info(mf, "vermagic"),
			    lkm_modfile_info(plain, "vermagic"));
	assert_int_equal(lkm_modfile_versions(mf, &v), 2);
	lkm_modfile_free(mf);

	/* from memory: presence and sizes, no signer */
	assert_int_equal(lkm_modfile_open_mem(file.p, file.n, &mf, &why), 0);
	sig = lkm_modfile_signature(mf);
	assert_true(sig->present);
	assert_int_equal(sig->sig_len, 397);
	assert_null(sig->signer);
	lkm_modfile_free(mf);

	/* a trailer that claims more signature than there is file */
	file.p[file.n - 28 - 4] = 0x7f;
	mem_fails(
		file.p, file.n, -EBADMSG,
		"the module signature claims 2130706829 bytes but only 3869 precede it");
	/* just the magic */
	mem_fails("~Module signature appended~\n", 28, -EBADMSG,
		  "the module signature trailer is cut short (no signature header)");
	lkm_modfile_free(plain);
	free(file.p);
}

/* --- compressed copies --- */

static struct blob compress_xz(const struct blob *in)
{
	struct blob out = { malloc(in->n + 4096), 0 };
	size_t pos = 0;

	assert_int_equal(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, in->p, in->n,
						 out.p, &pos, in->n + 4096),
			 LZMA_OK);
	out.n = pos;
	return out;
}

static struct blob compress_zstd(const struct blob *in)
{
	size_t cap = ZSTD_compressBound(in->n);
	struct blob out = { malloc(cap), 0 };

	ZSTD_CCtx *c = ZSTD_createCCtx();

	/* with a checksum, as zstd(1) writes by default */
	assert_non_null(c);
	assert_false(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)));
	assert_false(
		ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 19)));
	out.n = ZSTD_compress2(c, out.p, cap, in->p, in->n);
	assert_false(ZSTD_isError(out.n));
	ZSTD_freeCCtx(c);
	return out;
}

static struct blob compress_gzip(const struct blob *in)
{
	struct blob out = { malloc(in->n + 4096), 0 };
	z_stream z;

	memset(&z, 0, sizeof(z));
	assert_int_equal(
		deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
		Z_OK);
	z.next_in = in->p;
	z.avail_in = (uInt)in->n;
	z.next_out = out.p;
	z.avail_out = (uInt)(in->n + 4096);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out.n = z.total_out;
	deflateEnd(&z);
	return out;
}

/* Everything the accessors say about A and B is the same. */
static void assert_same(const struct lkm_modfile *a, const struct lkm_modfile *b)
{
	const struct lkm_modfile_version *va, *vb;
	const struct lkm_modfile_param *pa, *pb;
	const char *const *sa, *const *sb;
	const char *ka, *kb, *xa, *xb;
	size_t na, nb, i, pos_a = 0, pos_b = 0;
	const void *da = lkm_modfile_data(a, &na), *db = lkm_modfile_data(b, &nb);

	assert_int_equal(na, nb);
	assert_memory_equal(da, db, na);
	assert_int_equal(lkm_modfile_elf_class(a), lkm_modfile_elf_class(b));
	assert_int_equal(lkm_modfile_machine(a), lkm_modfile_machine(b));
	assert_int_equal(lkm_modfile_type(a), lkm_modfile_type(b));
	assert_int_equal(lkm_modfile_section_count(a), lkm_modfile_section_count(b));
	for (i = 0; i < lkm_modfile_section_count(a); i++)
		assert_string_equal(lkm_modfile_section_name(a, i),
				    lkm_modfile_section_name(b, i));
	assert_int_equal(lkm_modfile_info_count(a), lkm_modfile_info_count(b));
	while ((xa = lkm_modfile_info_next(a, NULL, &pos_a, &ka))) {
		xb = lkm_modfile_info_next(b, NULL, &pos_b, &kb);
		assert_non_null(xb);
		assert_string_equal(ka, kb);
		assert_string_equal(xa, xb);
	}
	na = lkm_modfile_versions(a, &va);
	assert_int_equal(na, lkm_modfile_versions(b, &vb));
	for (i = 0; i < na; i++) {
		assert_string_equal(va[i].symbol, vb[i].symbol);
		assert_int_equal(va[i].crc, vb[i].crc);
	}
	na = lkm_modfile_undefined(a, &sa);
	assert_int_equal(na, lkm_modfile_undefined(b, &sb));
	for (i = 0; i < na; i++)
		assert_string_equal(sa[i], sb[i]);
	na = lkm_modfile_params(a, &pa);
	assert_int_equal(na, lkm_modfile_params(b, &pb));
	for (i = 0; i < na; i++)
		assert_string_equal(pa[i].name, pb[i].name);
	assert_int_equal(lkm_modfile_signature(a)->present,
			 lkm_modfile_signature(b)->present);
}

static void check_compressed(const char *src, const char *ext, const char *format,
			     struct blob (*compress)(const struct blob *))
{
	struct blob in = load(src), z = compress(&in);
	struct lkm_modfile *plain = open_ok(src), *mf;
	struct lkm_modfile_error why;
	char name[64], want[160];
	struct blob bad;

	snprintf(name, sizeof(name), "m.ko.%s", ext);
	mf = open_ok(save(name, z.p, z.n));
	assert_string_equal(lkm_modfile_compression(mf), format);
	assert_same(plain, mf);
	lkm_modfile_free(mf);

	assert_int_equal(lkm_modfile_open_mem(z.p, z.n, &mf, &why), 0);
	assert_string_equal(lkm_modfile_compression(mf), format);
	assert_same(plain, mf);
	lkm_modfile_free(mf);

	/* cut in half: the decoder runs out of input */
	snprintf(want, sizeof(want),
		 "cannot decompress: %s: compressed data is truncated", format);
	mem_fails(z.p, z.n / 2, -EBADMSG, want);
	snprintf(name, sizeof(name), "cut.ko.%s", ext);
	path_fails(save(name, z.p, z.n / 2), -EBADMSG, want);
	/* garbage in the middle of the stream */
	bad.n = z.n;
	bad.p = malloc(z.n);
	memcpy(bad.p, z.p, z.n);
	memset(bad.p + z.n / 3, 0x55, 16);
	/* each library's own words for what it found */
	snprintf(want, sizeof(want), "cannot decompress: %s: %s", format,
		 strcmp(format, "xz") == 0     ? "compressed data is corrupt"
		 : strcmp(format, "zstd") == 0 ? "Restored data doesn't match checksum"
					       : "invalid distance too far back");
	mem_fails(bad.p, bad.n, -EBADMSG, want);

	lkm_modfile_free(plain);
	free(bad.p);
	free(in.p);
	free(z.p);
}

static void test_xz(void **state)
{
	check_compressed(KO "/mod-simple.ko", "xz", "xz", compress_xz);
	check_compressed(KO "/mod-simple-sparc64.ko", "xz", "xz", compress_xz);
}

static void test_zstd(void **state)
{
	check_compressed(KO "/mod-simple.ko", "zst", "zstd", compress_zstd);
	check_compressed(KO "/mod-simple-signed.ko", "zst", "zstd", compress_zstd);
}

static void test_gzip(void **state)
{
	check_compressed(KO "/mod-simple.ko", "gz", "gzip", compress_gzip);
	check_compressed(KO "/mod-simple-i386.ko", "gz", "gzip", compress_gzip);
}

/* Z decompressed under a 1 MiB cap: -EFBIG, nothing out, and WHY; FORMAT is the
 * decoder's name. */
static void expect_too_big(const struct blob *z, const char *why, const char **format)
{
	char reason[128];
	void *out;
	size_t n;

	assert_int_equal(lkm_decompress_why(z->p, z->n, 1 << 20, &out, &n, format, reason,
					    sizeof(reason)),
			 -EFBIG);
	assert_null(out);
	assert_string_equal(reason, why);
}

static void test_decompress(void **state)
{
	static const char text[] = "not compressed at all";
	struct blob zeros = { calloc(1, 2 << 20), 2 << 20 }, z;
	const char *format;
	char reason[128];
	void *out;
	size_t n;

	assert_string_equal(lkm_decompress_detect(text, sizeof(text)), "none");
	assert_string_equal(lkm_decompress_detect("\xfd"
						  "7zXZ",
						  6),
			    "xz");
	assert_string_equal(lkm_decompress_detect("\x28\xb5\x2f\xfd", 4), "zstd");
	assert_string_equal(lkm_decompress_detect("\x1f\x8b", 2), "gzip");
	assert_string_equal(lkm_decompress_detect("\x1f", 1), "none");
	assert_int_equal(lkm_decompress(text, sizeof(text), &out, &n, &format), 0);
	assert_string_equal(format, "none");
	assert_int_equal(n, sizeof(text));
	assert_memory_equal(out, text, n);
	free(out);

	/* a bomb: 2 MiB of zeros against a 1 MiB cap, for each decoder */
	z = compress_zstd(&zeros);
	expect_too_big(&z, "zstd: decompressed data would exceed 1048576 bytes", &format);
	free(z.p);
	z = compress_xz(&zeros);
	expect_too_big(&z, "xz: decompressed data would exceed 1048576 bytes", &format);
	free(z.p);
	z = compress_gzip(&zeros);
	expect_too_big(&z, "gzip: decompressed data would exceed 1048576 bytes", &format);
	assert_string_equal(format, "gzip");
	/* and the same stream with room to spare */
	assert_int_equal(lkm_decompress_why(z.p, z.n, 4 << 20, &out, &n, &format, reason,
					    sizeof(reason)),
			 0);
	assert_int_equal(n, zeros.n);
	assert_memory_equal(out, zeros.p, n);
	free(out);
	free(z.p);
	free(zeros.p);

	/* a magic and nothing else */
	assert_int_equal(lkm_decompress_why("\x28\xb5\x2f\xfd", 4, 0, &out, &n, &format,
					    reason, sizeof(reason)),
			 -EBADMSG);
	assert_string_equal(format, "zstd");
	assert_true(reason[0] != '\0');
}

/* --- objects compiled here --- */

static void test_params_module(void **state)
{
	char *argv[] = { "cc", "-c", "-fno-toplevel-reorder",
			 "-o", NULL, KO "/params-module.c",
			 NULL };
	const struct lkm_modfile_param *p;
	const struct lkm_modfile_version *v;
	const struct lkm_modfile_export *e;
	const char *const *names;
	struct lkm_modfile *mf;
	size_t pos = 0, n;

	argv[4] = (char *)tmp_path("params-module.ko");
	if (!run_cc(argv))
		skip();
	mf = open_ok(argv[4]);
	assert_true(lkm_modfile_is_module(mf));
	assert_string_equal(lkm_modfile_info(mf, "license"), "GPL");
	assert_string_equal(lkm_modfile_info(mf, "description"),
			    "lkmtui test: parameters and repeated keys");
	assert_string_equal(lkm_modfile_info_next(mf, "author", &pos, NULL),
			    "First Author <first@example.org>");
	assert_string_equal(lkm_modfile_info_next(mf, "author", &pos, NULL),
			    "Second Author");
	assert_null(lkm_modfile_info_next(mf, "author", &pos, NULL));
	assert_string_equal(lkm_modfile_info(mf, "version"), "1.2.3");
	assert_int_equal(count_info(mf, "firmware"), 2);
	assert_int_equal(count_info(mf, "alias"), 2);
	assert_string_equal(lkm_modfile_info(mf, "softdep"), "pre: crc32c post: fat");
	assert_string_equal(lkm_modfile_info(mf, "import_ns"), "USB_STORAGE");
	assert_string_equal(lkm_modfile_info(mf, "staging"), "Y");
	assert_string_equal(lkm_modfile_info(mf, "intree"), "Y");
	assert_string_equal(lkm_modfile_info(mf, "name"), "params_module");
	assert_int_equal(lkm_modfile_info_count(mf), 26);
	/* "fat,,nls_cp437": the empty entry is dropped */
	assert_int_equal(lkm_modfile_depends(mf, &names), 2);
	assert_string_equal(names[0], "fat");
	assert_string_equal(names[1], "nls_cp437");

	/* modinfo prints these as "parm: io:I/O base address (e.g. 0x300) (int)" etc. */
	n = lkm_modfile_params(mf, &p);
	assert_int_equal(n, 5);
	check_param(&p[0], "io", "int", "I/O base address (e.g. 0x300)");
	check_param(&p[1], "irq", "int", "IRQ line");
	check_param(&p[2], "name", "charp", NULL);
	check_param(&p[3], "descr_only", NULL, "described but no type");
	check_param(&p[4], "list", "array of int", "a: colon inside");

	/* modprobe --dump-modversions: 0x12345678 module_layout, 0xdeadbeef _printk */
	assert_int_equal(lkm_modfile_versions(mf, &v), 2);
	check_version(&v[0], "module_layout", 0x12345678);
	check_version(&v[1], "_printk", 0xdeadbeef);
	n = lkm_modfile_undefined(mf, &names);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "_printk");
	assert_string_equal(names[1], "register_chrdev_region");
	/* Its exports, one into namespace USB_STORAGE (the __ksymtab_ section symbols do
	 * not count). */
	n = lkm_modfile_exports(mf, &e);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].name, "params_module_plain");
	assert_null(e[0].ns);
	assert_string_equal(e[1].name, "params_module_ns");
	assert_string_equal(e[1].ns, "USB_STORAGE");
	lkm_modfile_free(mf);
}

static void test_plain_object(void **state)
{
	char *argv[] = { "cc", "-c", "-o", NULL, KO "/plain-object.c", NULL };
	const struct lkm_modfile_param *p;
	const char *const *names;
	struct lkm_modfile *mf;

	argv[3] = (char *)tmp_path("plain-object.o");
	if (!run_cc(argv))
		skip();
	mf = open_ok(argv[3]);
	assert_int_equal(lkm_modfile_type(mf), ET_REL);
	assert_false(lkm_modfile_has_modinfo(mf));
	assert_false(lkm_modfile_has_this_module(mf));
	assert_false(lkm_modfile_has_versions(mf));
	assert_false(lkm_modfile_is_module(mf));
	assert_true(lkm_modfile_has_section(mf, ".text"));
	assert_true(lkm_modfile_section_count(mf) > 3);
	assert_int_equal(lkm_modfile_info_count(mf), 0);
	assert_null(lkm_modfile_info(mf, "license"));
	assert_int_equal(lkm_modfile_params(mf, &p), 0);
	assert_int_equal(lkm_modfile_undefined(mf, &names), 1);
	assert_string_equal(names[0], "puts");
	lkm_modfile_free(mf);
}

/* --- damaged input --- */

static void test_not_files(void **state)
{
	char want[600];

	snprintf(want, sizeof(want), "cannot open %s: No such file or directory",
		 tmp_path("does-not-exist.ko"));
	path_fails(tmp_path("does-not-exist.ko"), -ENOENT, want);
	snprintf(want, sizeof(want), "%s is a directory, not a module file", tmpdir);
	path_fails(tmpdir, -EISDIR, want);
	path_fails(save("empty.ko", "", 0), -ENOEXEC, "the file is empty (0 bytes)");
	path_fails("/dev/null", -EINVAL,
		   "/dev/null is a character device, not a module file");
	/* A FIFO: refused without being opened (open(2) would wait for a writer forever).
	 */
	assert_int_equal(mkfifo(tmp_path("fifo.ko"), 0600), 0);
	snprintf(want, sizeof(want), "%s is a FIFO (named pipe), not a module file",
		 tmp_path("fifo.ko"));
	path_fails(tmp_path("fifo.ko"), -EINVAL, want);
	unlink(tmp_path("fifo.ko"));
	mem_fails("", 0, -ENOEXEC, "the file is empty (0 bytes)");
}

/* The damage tests' set-up and tear-down: their own copy of mod-simple.ko to break. */
static int simple_ko(void **state)
{
	struct blob *b = malloc(sizeof(*b));

	assert_non_null(b);
	*b = load(KO "/mod-simple.ko");
	*state = b;
	return 0;
}

static int simple_ko_free(void **state)
{
	struct blob *b = *state;

	free(b->p);
	free(b);
	return 0;
}

static void test_not_elf(void **state)
{
	struct blob *b = *state;

	path_fails(KO "/SOURCES", -ENOEXEC,
		   "not an ELF file: it starts with 23 20 4d 6f, not 7f 45 4c 46");
	mem_fails("\x7f"
		  "EL",
		  3, -ENOEXEC,
		  "not an ELF file: only 3 bytes, too short for the ELF magic");
	b->p[1] = 'X';
	mem_fails(b->p, b->n, -ENOEXEC,
		  "not an ELF file: it starts with 7f 58 4c 46, not 7f 45 4c 46");
	b->p[1] = 'E';
	b->p[EI_CLASS] = 7;
	mem_fails(b->p, b->n, -ENOEXEC, "unknown ELF class 7 (neither 32- nor 64-bit)");
	b->p[EI_CLASS] = ELFCLASS64;
	b->p[EI_DATA] = 9;
	mem_fails(b->p, b->n, -ENOEXEC, "unknown ELF byte order 9");
}

static void test_truncated(void **state)
{
	struct blob *b = *state;
	struct lkm_modfile_error why;
	struct lkm_modfile *mf;
	size_t n;

	path_fails(save("cut.ko", b->p, 2000), -ENOEXEC,
		   "truncated: the section header table at offset 0x8d0 lies past the "
		   "end of the file "
		   "(2000 bytes)");
	mem_fails(b->p, 10, -ENOEXEC, "truncated: 10 bytes, shorter than the ELF ident");
	mem_fails(b->p, 40, -ENOEXEC,
		  "truncated: 40 bytes, shorter than the 64-byte ELF header");
	mem_fails(b->p, b->n - 1, -ENOEXEC,
		  "truncated: the section header table (19 entries at offset 0x8d0) runs "
		  "past the "
		  "end of the file (3471 bytes)");
	/* every length: an error with a reason, never a crash (run it under ASan) */
	for (n = 1; n < b->n; n++) {
		int err = lkm_modfile_open_mem(b->p, n, &mf, &why);

		assert_int_equal(err, -ENOEXEC);
		assert_null(mf);
		assert_true(why.reason[0] != '\0');
	}
}

static void test_section_past_end(void **state)
{
	struct blob *b = *state;
	size_t i = section_index(b, ".modinfo");

	shdr(b, i)->sh_offset = 0xffffffff00ULL;
	mem_fails(b->p, b->n, -ENOEXEC,
		  "section 6 (.modinfo) at offset 0xffffffff00 with 130 bytes runs past "
		  "the end of "
		  "the file (3472 bytes)");
	shdr(b, i)->sh_offset = 0x83;
	shdr(b, i)->sh_size = UINT64_MAX - 0x10; /* offset + size wraps around */
	mem_fails(b->p, b->n, -ENOEXEC,
		  "section 6 (.modinfo) at offset 0x83 with 18446744073709551599 bytes "
		  "runs past "
		  "the end of the file (3472 bytes)");
}

static void test_name_past_strtab(void **state)
{
	struct blob *b = *state;
	size_t i = section_index(b, "__versions");
	Elf64_Ehdr *eh = (Elf64_Ehdr *)b->p;

	shdr(b, i)->sh_name = 0x7ffffff0;
	mem_fails(b->p, b->n, -ENOEXEC,
		  "section 9's name offset 2147483632 lies past the section "
		  "name table (188 bytes)");
	shdr(b, i)->sh_name = 0;
	eh->e_shstrndx = 200;
	mem_fails(b->p, b->n, -ENOEXEC,
		  "the section name table index 200 is out of range (19 sections)");
}

static void test_modinfo_unterminated(void **state)
{
	struct blob *b = *state;
	Elf64_Shdr *sh = section(b, ".modinfo");
	size_t j;

	for (j = 0; j < sh->sh_size; j++)
		if (b->p[sh->sh_offset + j] == '\0')
			b->p[sh->sh_offset + j] = ';';
	mem_fails(b->p, b->n, -ENOEXEC,
		  ".modinfo (130 bytes) does not end with a NUL: its last entry "
		  "\"license=LGPL;author=Lucas De Marchi <luc\" is cut off");
}

static void test_versions_odd_size(void **state)
{
	struct blob *b = *state;
	Elf64_Shdr *sh = section(b, "__versions");

	sh->sh_size = 0x7f;
	mem_fails(b->p, b->n, -ENOEXEC,
		  "__versions is 127 bytes, not a whole number of 64-byte entries");
	sh->sh_size = 0x80;
	memset(b->p + sh->sh_offset + 8, 'x', 56); /* first name fills its slot, no NUL */
	mem_fails(b->p, b->n, -ENOEXEC,
		  "__versions entry 0's symbol name is not terminated");
}

static void test_symtab_damage(void **state)
{
	struct blob *b = *state;
	Elf64_Shdr *sym = section(b, ".symtab");
	struct blob c = { malloc(b->n), b->n };
	size_t j, hits = 0;

	memcpy(c.p, b->p, b->n);
	sym->sh_entsize = 7;
	mem_fails(b->p, b->n, -ENOEXEC,
		  "the symbol table's entries (7 bytes in 624) are not the 24-byte ELF64 "
		  "symbols");
	/* every symbol's name offset pushed past .strtab */
	sym = shdr(&c, section_index(&c, ".symtab"));
	for (j = 1; j < sym->sh_size / sizeof(Elf64_Sym); j++) {
		Elf64_Sym *s = (Elf64_Sym *)(c.p + sym->sh_offset) + j;

		if (s->st_shndx == SHN_UNDEF && s->st_name) {
			s->st_name = 0x7fffffff;
			hits++;
		}
	}
	assert_true(hits > 0);
	mem_fails(c.p, c.n, -ENOEXEC,
		  "symbol 24's name offset 2147483647 lies outside the string table (210 "
		  "bytes) or "
		  "is not terminated");
	free(c.p);
}

static void test_other_type(void **state)
{
	struct blob *b = *state;
	struct lkm_modfile_error why;
	struct lkm_modfile *mf;

	((Elf64_Ehdr *)b->p)->e_type = ET_EXEC;
	((Elf64_Ehdr *)b->p)->e_machine = 0x4242;
	assert_int_equal(lkm_modfile_open_mem(b->p, b->n, &mf, &why), 0);
	assert_false(lkm_modfile_is_module(mf));
	assert_string_equal(lkm_modfile_type_name(mf), "executable");
	assert_string_equal(lkm_modfile_machine_name(mf), "machine 16962");
	lkm_modfile_free(mf);
}

/* Every byte of the file, one at a time, set to 0xff and to 0: no crash, and a failure
 * always comes with a reason. */
static void test_byte_flips(void **state)
{
	static const char *const files[] = { KO "/mod-simple.ko",
					     KO "/mod-simple-i386.ko",
					     KO "/mod-simple-sparc64.ko" };
	size_t f, i;

	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		struct blob b = load(files[f]);

		for (i = 0; i < b.n; i++) {
			static const unsigned char vals[] = { 0xff, 0x00, 0x80 };
			unsigned char old = b.p[i];
			size_t k;

			for (k = 0; k < sizeof(vals); k++) {
				struct lkm_modfile_error why;
				struct lkm_modfile *mf;

				b.p[i] = vals[k];
				if (lkm_modfile_open_mem(b.p, b.n, &mf, &why) == 0) {
					size_t pos = 0;

					while (lkm_modfile_info_next(mf, NULL, &pos,
								     NULL))
						;
					lkm_modfile_free(mf);
				} else {
					assert_true(why.err < 0);
					assert_true(why.reason[0] != '\0');
				}
			}
			b.p[i] = old;
		}
		free(b.p);
	}
}

static int remove_tmp(void **state)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;

	if (d) {
		while ((e = readdir(d)))
			if (e->d_name[0] != '.')
				unlink(tmp_path(e->d_name));
		closedir(d);
	}
	rmdir(tmpdir);
	return 0;
}

static int make_tmp(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_64),
		cmocka_unit_test(test_i386),
		cmocka_unit_test(test_sparc64),
		cmocka_unit_test(test_depends_and_versions),
		cmocka_unit_test(test_repeated_aliases),
		cmocka_unit_test(test_name_retpoline),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_xz),
		cmocka_unit_test(test_zstd),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_decompress),
		cmocka_unit_test(test_params_module),
		cmocka_unit_test(test_plain_object),
		cmocka_unit_test(test_not_files),
		cmocka_unit_test_setup_teardown(test_not_elf, simple_ko, simple_ko_free),
		cmocka_unit_test_setup_teardown(test_truncated, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_section_past_end, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_name_past_strtab, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_modinfo_unterminated, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_versions_odd_size, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_symtab_damage, simple_ko,
						simple_ko_free),
		cmocka_unit_test_setup_teardown(test_other_type, simple_ko,
						simple_ko_free),
		cmocka_unit_test(test_byte_flips),
	};

	return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
