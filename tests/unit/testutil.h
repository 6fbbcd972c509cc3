/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* Helpers shared by the cmocka tests: read a fixture whole into a NUL-terminated buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static inline char *test_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0;

	if (f == NULL)
		fail_msg("cannot open fixture %s", path);
	for (;;) {
		size_t n;

		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			data = realloc(data, cap + 1);
			assert_non_null(data);
		}
		n = fread(data + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);
	data[len] = '\0';
	return data;
}

/* A copy of the string S, for tests that parse literal text in place. */
static inline char *test_text(const char *s)
{
	char *copy = strdup(s);

	assert_non_null(copy);
	return copy;
}

/* NAME under the fixture directory DIR, read whole. */
static inline char *test_load(const char *dir, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return test_slurp(path);
}

/* The directories of REL under DIR, each made afresh ("sys/module" makes sys, then
 * sys/module). */
static inline void test_mkdirs(const char *dir, const char *rel)
{
	char path[4096];
	size_t len = strlen(rel);

	for (size_t i = 1; i <= len; i++)
		if (i == len || rel[i] == '/') {
			snprintf(path, sizeof(path), "%s/%.*s", dir, (int)i, rel);
			assert_int_equal(mkdir(path, 0755), 0);
		}
}

/* A regular file standing in for DIR/dev/kmsg, holding RECORDS: its descriptor, open for
 * appending more. */
static inline int test_kmsg_file(const char *dir, const char *records)
{
	char path[4096];
	int fd;

	test_mkdirs(dir, "dev");
	snprintf(path, sizeof(path), "%s/dev/kmsg", dir);
	fd = open(path, O_CREAT | O_WRONLY | O_APPEND, 0644);
	assert_true(fd >= 0);
	assert_true(write(fd, records, strlen(records)) == (ssize_t)strlen(records));
	return fd;
}

/*
 * The texts a parse test loaded, kept for as long as what was parsed from them (the
 * parsers point into their text): test_keep loads one, test_kept_free frees them all.
 */
struct test_kept {
	char *v[2];
	size_t n;
};

static inline char *test_keep(struct test_kept *k, const char *dir, const char *name)
{
	assert_true(k->n < sizeof(k->v) / sizeof(k->v[0]));
	k->v[k->n] = test_load(dir, name);
	return k->v[k->n++];
}

static inline void test_kept_free(struct test_kept *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i]);
	k->n = 0;
}

/*
 * A parse test's state for a parser of TYPE (PARSE, RELEASE; the result counts its
 * entries in n and the lines it skipped in skipped), with parsed_setup and
 * parsed_teardown as the test's set-up and tear-down. parsed(state, dir, name, n,
 * skipped) parses DIR/NAME into the test's TYPE (again, for a second text) and asserts N
 * entries and SKIPPED lines skipped (-1: not checked); the texts live until the
 * tear-down.
 */
#define TEST_PARSED(type, parse, release)                                                \
	struct parsed {                                                                  \
		type obj;                                                                \
		struct test_kept texts;                                                  \
	};                                                                               \
                                                                                         \
	static int parsed_setup(void **state)                                            \
	{                                                                                \
		*state = calloc(1, sizeof(struct parsed));                               \
		return *state ? 0 : -1;                                                  \
	}                                                                                \
                                                                                         \
	static int parsed_teardown(void **state)                                         \
	{                                                                                \
		struct parsed *p = *state;                                               \
                                                                                         \
		release(&p->obj);                                                        \
		test_kept_free(&p->texts);                                               \
		free(p);                                                                 \
		return 0;                                                                \
	}                                                                                \
                                                                                         \
	static type *parsed(void **state, const char *dir, const char *name, long n,     \
			    long skipped)                                                \
	{                                                                                \
		struct parsed *p = *state;                                               \
                                                                                         \
		assert_int_equal(parse(&p->obj, test_keep(&p->texts, dir, name)), 0);    \
		if (n >= 0)                                                              \
			assert_int_equal(p->obj.n, n);                                   \
		if (skipped >= 0)                                                        \
			assert_int_equal(p->obj.skipped, skipped);                       \
		return &p->obj;                                                          \
	}

/*
 * A temporary root that holds one file, REL ("proc/net/dev"): made empty by
 * test_root_make, the file (and the directories on its way) written by test_root_write,
 * all of it taken away by test_root_remove.
 */
struct test_root {
	char dir[64];
	char rel[256];
};

static inline void test_root_make(struct test_root *t, const char *rel)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/lkm-test-root-XXXXXX");
	snprintf(t->rel, sizeof(t->rel), "%s", rel);
	assert_non_null(mkdtemp(t->dir));
}

static inline void test_root_write(const struct test_root *t, const char *text)
{
	char path[4096];
	FILE *f;

	for (const char *s = strchr(t->rel, '/'); s; s = strchr(s + 1, '/')) {
		snprintf(path, sizeof(path), "%s/%.*s", t->dir, (int)(s - t->rel),
			 t->rel);
		assert_true(mkdir(path, 0755) == 0 || errno == EEXIST);
	}
	snprintf(path, sizeof(path), "%s/%s", t->dir, t->rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static inline void test_root_remove(const struct test_root *t)
{
	char path[4096];
	size_t len = strlen(t->rel);

	snprintf(path, sizeof(path), "%s/%s", t->dir, t->rel);
	unlink(path);
	while (len > 0) {
		while (len > 0 && t->rel[len - 1] != '/')
			len--;
		if (len == 0)
			break;
		len--;
		snprintf(path, sizeof(path), "%s/%.*s", t->dir, (int)len, t->rel);
		rmdir(path);
	}
	assert_int_equal(rmdir(t->dir), 0);
}
