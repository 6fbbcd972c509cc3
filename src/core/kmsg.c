// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kmsg.h"
#include "model/modules.h"
#include "shared/array.h"

/* A record is at most a little over the kernel's 1024-byte line plus its prefix. */
#define RECORD_MAX 8192

void lkm_kmsg_begin(struct lkm_kmsg *k, const struct lkm_sysroot *root)
{
	memset(k, 0, sizeof(*k));
	k->fd = lkm_sysroot_open(root, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (k->fd < 0) {
		k->err = k->fd;
		return;
	}
	/* SEEK_END on /dev/kmsg moves past every record already written. */
	if (lseek(k->fd, 0, SEEK_END) < 0) {
		k->err = -errno;
		close(k->fd);
		k->fd = -1;
	}
}

char *lkm_kmsg_parse_record(const char *rec, size_t len)
{
	const char *semi = memchr(rec, ';', len);
	const char *end;
	char *out, *w;

	if (semi == NULL)
		return NULL;
	end = memchr(semi + 1, '\n', len - (size_t)(semi + 1 - rec));
	if (end == NULL)
		end = rec + len;
	out = malloc((size_t)(end - semi));
	if (out == NULL)
		return NULL;
	w = out;
	for (const char *r = semi + 1; r < end; r++) {
		/* The kernel writes non-printable bytes as \xNN. */
		if (r[0] == '\\' && end - r >= 4 && r[1] == 'x') {
			char hex[3] = { r[2], r[3], 0 };
			char *e;
			unsigned long v = strtoul(hex, &e, 16);

			if (*e == '\0') {
				*w++ = (char)v;
				r += 3;
				continue;
			}
		}
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

static int add_line(struct lkm_kmsg *k, char *line)
{
	if (lkm_array_room(k->lines, k->n, k->cap) < 0) {
		free(line);
		return -ENOMEM;
	}
	k->lines[k->n++] = line;
	return 0;
}

int lkm_kmsg_collect(struct lkm_kmsg *k)
{
	char rec[RECORD_MAX];

	if (k->fd < 0)
		return 0;
	for (;;) {
		ssize_t n = read(k->fd, rec, sizeof(rec));
		size_t off = 0;

		if (n < 0 && errno == EINTR)
			continue;
		/* EPIPE: records were overwritten before we read them; go on with the
		 * rest. */
		if (n < 0 && errno == EPIPE)
			continue;
		if (n <= 0)
			return 0;
		/* /dev/kmsg hands one record per read; a saved log (or a test's file) has
		 * many. Continuation lines (" SUBSYSTEM=...") start with a blank and are
		 * not text. */
		while (off < (size_t)n) {
			const char *start = rec + off;
			const char *nl = memchr(start, '\n', (size_t)n - off);
			size_t len = nl ? (size_t)(nl - start) + 1 : (size_t)n - off;
			char *line;

			off += len;
			if (start[0] == ' ')
				continue;
			line = lkm_kmsg_parse_record(start, len);
			if (line != NULL && add_line(k, line) < 0)
				return -ENOMEM;
		}
	}
}

bool lkm_kmsg_line_from(const char *line, const char *module)
{
	size_t len = module ? strlen(module) : 0;

	/* "fat: ..." or "fat ...": the module's name, whole, then its words. */
	if (len == 0 || strlen(line) <= len || (line[len] != ':' && line[len] != ' '))
		return false;
	return lkm_module_name_eq_len(line, len, module);
}

/* Whether LINE holds MODULE as a word of its own ('-' and '_' alike). */
static bool names_module(const char *line, const char *module)
{
	size_t len = strlen(module);

	for (const char *p = line; len > 0 && *p; p++) {
		bool start = p == line || !(isalnum((unsigned char)p[-1]) ||
					    p[-1] == '_' || p[-1] == '-');
		char after = strlen(p) >= len ? p[len] : 'x';

		if (start && lkm_module_name_eq_len(p, len, module) &&
		    !(isalnum((unsigned char)after) || after == '_' || after == '-'))
			return true;
	}
	return false;
}

size_t lkm_kmsg_attribute(struct lkm_kmsg *k, const char *const *ours, size_t n,
			  bool (*is_module)(const char *name, void *data), void *data)
{
	size_t kept = 0, dropped = 0;

	for (size_t i = 0; i < k->n; i++) {
		char *line = k->lines[i], first[64];
		size_t len = strcspn(line, ": ");
		bool mine = false;

		for (size_t j = 0; j < n && !mine; j++)
			mine = lkm_kmsg_line_from(line, ours[j]) ||
			       names_module(line, ours[j]);
		if (!mine && len > 0 && len < sizeof(first)) {
			memcpy(first, line, len);
			first[len] = '\0';
			if (is_module(first, data)) {
				free(line);
				dropped++;
				continue;
			}
		}
		k->lines[kept++] = line;
	}
	k->n = kept;
	return dropped;
}

bool lkm_kmsg_pollable(const struct lkm_kmsg *k)
{
	struct stat st;

	return k->fd >= 0 && fstat(k->fd, &st) == 0 && !S_ISREG(st.st_mode);
}

/* Drops all but the last KEEP lines. */
static void keep_last(struct lkm_kmsg *k, size_t keep)
{
	size_t drop;

	if (keep == 0 || k->n <= keep)
		return;
	drop = k->n - keep;
	for (size_t i = 0; i < drop; i++)
		free(k->lines[i]);
	memmove(k->lines, k->lines + drop, keep * sizeof(*k->lines));
	k->n = keep;
}

int lkm_kmsg_follow(struct lkm_kmsg *k, const char *module, size_t keep)
{
	char rec[RECORD_MAX];
	bool file = k->fd >= 0 && !lkm_kmsg_pollable(k);
	bool partial = false;
	int added = 0;

	if (k->fd < 0)
		return 0;
	while (!partial) {
		ssize_t n = read(k->fd, rec, sizeof(rec));
		size_t off = 0;

		if (n < 0 && (errno == EINTR || errno == EPIPE))
			continue;
		if (n <= 0)
			break;
		while (off < (size_t)n) {
			const char *start = rec + off;
			const char *nl = memchr(start, '\n', (size_t)n - off);
			size_t len = nl ? (size_t)(nl - start) + 1 : (size_t)n - off;
			char *line;

			if (nl == NULL && file && (off > 0 || (size_t)n < sizeof(rec))) {
				/* Half a record, cut by our buffer or still being
				 * written: read it again whole next time. */
				lseek(k->fd, -(off_t)len, SEEK_CUR);
				partial = (size_t)n <
					  sizeof(rec); /* else read on from it now */
				break;
			}
			off += len;
			if (start[0] == ' ')
				continue;
			line = lkm_kmsg_parse_record(start, len);
			if (line == NULL)
				continue;
			if (module && !lkm_kmsg_line_from(line, module)) {
				free(line);
				continue;
			}
			if (add_line(k, line) < 0)
				return -ENOMEM;
			added++;
		}
		keep_last(k, keep);
	}
	keep_last(k, keep);
	return added;
}

void lkm_kmsg_end(struct lkm_kmsg *k)
{
	if (k->fd >= 0)
		close(k->fd);
	for (size_t i = 0; i < k->n; i++)
		free(k->lines[i]);
	free(k->lines);
	memset(k, 0, sizeof(*k));
	k->fd = -1;
}
