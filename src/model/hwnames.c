// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model/hwnames.h"
#include "model/procfile.h"

struct idkey {
	long key; /* vendor << 16 | device; -1: no ids */
	size_t i; /* in the queries */
};

struct scan {
	struct lkm_hwname *q;
	size_t n;
	struct idkey *by_id; /* the queries sorted by vendor, then device */
	long vendor;	     /* the vendor section we are in, or -1 */
	size_t lo, hi;	     /* its queries in by_id */
	char class[3];	     /* the class section we are in, or "" */
	bool class_wanted;
};

static int hex4(const char *s, const char *end)
{
	int v = 0;

	if (end - s < 6 || s[4] != ' ' || s[5] != ' ')
		return -1;
	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)s[i];

		if (!isxdigit(c))
			return -1;
		v = v * 16 + (isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
	}
	return v;
}

static long key_of(const struct lkm_hwids *ids)
{
	long v = strtol(ids->vendor, NULL, 16), d = strtol(ids->device, NULL, 16);

	return ids->vendor[0] ? v << 16 | d : -1;
}

static int by_id_cmp(const void *a, const void *b)
{
	long ka = ((const struct idkey *)a)->key, kb = ((const struct idkey *)b)->key;

	return (ka > kb) - (ka < kb);
}

/* The first index in S->by_id whose key is at least KEY. */
static size_t lower_bound(const struct scan *s, long key)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->by_id[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Sets *SLOT (when still empty) to the name running from NAME to END. */
static int name_into(char **slot, const char *name, const char *end)
{
	if (*slot)
		return 0;
	while (name < end && *name == ' ')
		name++;
	*slot = strndup(name, (size_t)(end - name));
	return *slot ? 0 : -ENOMEM;
}

static int vendor_line(struct scan *s, int id, const char *name, const char *end)
{
	s->vendor = -1;
	s->lo = lower_bound(s, (long)id << 16);
	s->hi = lower_bound(s, ((long)id + 1) << 16);
	if (s->lo == s->hi)
		return 0;
	s->vendor = id;
	for (size_t i = s->lo; i < s->hi; i++)
		if (name_into(&s->q[s->by_id[i].i].vendor, name, end) < 0)
			return -ENOMEM;
	return 0;
}

static int device_line(struct scan *s, int id, const char *name, const char *end)
{
	long key = s->vendor << 16 | id;

	for (size_t i = lower_bound(s, key); i < s->hi; i++) {
		if (s->by_id[i].key != key)
			break;
		if (name_into(&s->q[s->by_id[i].i].device, name, end) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* "C 02  Network controller" (SUB NULL), or "\t00  Ethernet controller" under it. */
static int class_line(struct scan *s, const char *sub, const char *name, const char *end)
{
	for (size_t i = 0; i < s->n; i++) {
		struct lkm_hwname *h = &s->q[i];

		if (strncmp(h->ids.class, s->class, 2) != 0)
			continue;
		if (sub == NULL) {
			s->class_wanted = true;
			if (name_into(&h->class, name, end) < 0)
				return -ENOMEM;
		} else if (strncmp(h->ids.class + 2, sub, 2) == 0 &&
			   name_into(&h->subclass, name, end) < 0) {
			return -ENOMEM;
		}
	}
	return 0;
}

static int hex2(const char *s, const char *end, char out[3])
{
	if (end - s < 4 || !isxdigit((unsigned char)s[0]) ||
	    !isxdigit((unsigned char)s[1]) || s[2] != ' ')
		return -1;
	out[0] = (char)tolower((unsigned char)s[0]);
	out[1] = (char)tolower((unsigned char)s[1]);
	out[2] = '\0';
	return 0;
}

static int one_line(struct scan *s, const char *p, const char *end)
{
	char sub[3];
	int id;

	if (*p == '#' || p == end)
		return 0;
	if (*p == '\t') {
		if (p + 1 < end && p[1] == '\t')
			return 0; /* subsystems, interfaces: not asked for */
		if (s->vendor >= 0 && (id = hex4(p + 1, end)) >= 0)
			return device_line(s, id, p + 7, end);
		if (s->class_wanted && hex2(p + 1, end, sub) == 0)
			return class_line(s, sub, p + 4, end);
		return 0;
	}
	s->vendor = -1;
	s->class_wanted = false;
	if ((id = hex4(p, end)) >= 0)
		return vendor_line(s, id, p + 6, end);
	if (end - p > 2 && p[0] == 'C' && p[1] == ' ' && hex2(p + 2, end, s->class) == 0)
		return class_line(s, NULL, p + 5, end);
	return 0;
}

int lkm_hwnames_lookup(const struct lkm_sysroot *root, const char *file,
		       struct lkm_hwname *q, size_t n)
{
	struct lkm_buf buf = { 0 };
	struct scan s = { .q = q, .n = n, .vendor = -1 };
	int err;

	if (n == 0)
		return 0;
	err = lkm_procfile_read(root, file, &buf);
	if (err < 0)
		return err == -ENOMEM ? err : 0;
	s.by_id = malloc(n * sizeof(*s.by_id));
	if (s.by_id == NULL) {
		lkm_buf_release(&buf);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		s.by_id[i] = (struct idkey){ key_of(&q[i].ids), i };
	qsort(s.by_id, n, sizeof(*s.by_id), by_id_cmp);
	for (const char *p = buf.data, *end = buf.data + buf.len; p < end && err == 0;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		err = one_line(&s, p, eol);
		p = eol + 1;
	}
	free(s.by_id);
	lkm_buf_release(&buf);
	return err;
}

void lkm_hwname_release(struct lkm_hwname *h)
{
	free(h->vendor);
	free(h->device);
	free(h->class);
	free(h->subclass);
	h->vendor = h->device = h->class = h->subclass = NULL;
}
