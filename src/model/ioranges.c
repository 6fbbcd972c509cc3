// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/ioports and /proc/iomem. A request_region() succeeds inside a bus window ("PCI
 * Bus 0000:00") and fails on a range a driver holds, so what holds a range is a leaf: a
 * line with nothing indented under it.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/ioranges.h"
#include "model/scan.h"
#include "shared/array.h"

static bool hex(const char **p, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;

	if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
	      (*s >= 'A' && *s <= 'F')))
		return false;
	for (; (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
	       (*s >= 'A' && *s <= 'F');
	     s++) {
		unsigned d = *s <= '9' ? (unsigned)(*s - '0')
				       : (unsigned)((*s | 0x20) - 'a' + 10);

		if (v > (UINT64_MAX >> 4))
			return false;
		v = v << 4 | d;
	}
	*p = s;
	*out = v;
	return true;
}

int lkm_ioranges_parse(struct lkm_ioranges *r, char *text)
{
	char *p = text, *line;
	bool any_address = false;

	r->n = 0;
	r->hidden = false;
	if (text == NULL)
		return -EINVAL;
	while ((line = lkm_scan_line(&p)) != NULL) {
		const char *s = line;
		unsigned blanks = 0;
		uint64_t start, end;
		char *name;

		while (*s == ' ') {
			s++;
			blanks++;
		}
		if (!hex(&s, &start) || *s++ != '-' || !hex(&s, &end) || end < start ||
		    strncmp(s, " : ", 3) != 0)
			continue;
		name = lkm_scan_trim((char *)s + 3, (char *)s + strlen(s));
		if (lkm_array_room(r->v, r->n, r->cap) < 0)
			return -ENOMEM;
		if (r->n > 0)
			r->v[r->n - 1].leaf = r->v[r->n - 1].depth >= blanks / 2;
		r->v[r->n++] = (struct lkm_iorange){ start, end, blanks / 2, true, name };
		any_address |= start != 0 || end != 0;
	}
	r->hidden = r->n > 0 && !any_address;
	return 0;
}

int lkm_ioranges_read(struct lkm_ioranges *r, const struct lkm_sysroot *root,
		      const char *path)
{
	int err = lkm_procfile_read(root, path, &r->buf);

	return err < 0 ? err : lkm_ioranges_parse(r, r->buf.data);
}

const struct lkm_iorange *lkm_ioranges_next_holder(const struct lkm_ioranges *r,
						   const struct lkm_iorange *after,
						   uint64_t start, uint64_t end)
{
	for (size_t i = after ? (size_t)(after - r->v) + 1 : 0; i < r->n; i++)
		if (r->v[i].leaf && r->v[i].start <= end && start <= r->v[i].end)
			return &r->v[i];
	return NULL;
}

void lkm_ioranges_release(struct lkm_ioranges *r)
{
	free(r->v);
	lkm_buf_release(&r->buf);
	memset(r, 0, sizeof(*r));
}
