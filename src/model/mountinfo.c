// SPDX-License-Identifier: GPL-2.0-or-later
/* /proc/self/mountinfo: what is mounted where, and with which file system type. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/mountinfo.h"
#include "model/scan.h"
#include "shared/array.h"

/* Undoes the kernel's octal escapes (\040) in place. */
static char *unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' &&
		    r[2] <= '7' && r[3] >= '0' && r[3] <= '7') {
			*w++ = (char)((r[1] - '0') << 6 | (r[2] - '0') << 3 |
				      (r[3] - '0'));
			r += 3;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

int lkm_mounts_parse(struct lkm_mounts *m, char *text)
{
	char *p = text, *line;

	m->n = 0;
	if (text == NULL)
		return -EINVAL;
	while ((line = lkm_scan_line(&p)) != NULL) {
		char *tok[5], *t, *fstype = NULL, *source = NULL;
		unsigned major, minor;
		size_t i;

		for (i = 0; i < 5 && (tok[i] = lkm_scan_token(&line)) != NULL; i++)
			;
		if (i < 5 || sscanf(tok[2], "%u:%u", &major, &minor) != 2)
			continue;
		while ((t = lkm_scan_token(&line)) != NULL)
			if (strcmp(t, "-") == 0) {
				fstype = lkm_scan_token(&line);
				source = lkm_scan_token(&line);
				break;
			}
		if (fstype == NULL)
			continue;
		if (lkm_array_room(m->v, m->n, m->cap) < 0)
			return -ENOMEM;
		m->v[m->n++] = (struct lkm_mount){ major, minor, unescape(tok[4]), fstype,
						   source ? unescape(source) : "" };
	}
	return 0;
}

int lkm_mounts_read(struct lkm_mounts *m, const struct lkm_sysroot *root)
{
	int err = lkm_procfile_read(root, "/proc/self/mountinfo", &m->buf);

	return err < 0 ? err : lkm_mounts_parse(m, m->buf.data);
}

void lkm_mounts_release(struct lkm_mounts *m)
{
	free(m->v);
	lkm_buf_release(&m->buf);
	memset(m, 0, sizeof(*m));
}
