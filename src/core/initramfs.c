// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/decompress.h"
#include "core/initramfs.h"
#include "core/resolve.h"
#include "model/procfile.h"

#define NEWC_HDR 110

/* An entry of the archive: its name and data. */
struct entry {
	const char *name;
	size_t name_len;
	const char *data;
	size_t size;
};

static int hex8(const char *s, size_t *out)
{
	size_t v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;

		if (d < 0)
			return -EBADMSG;
		v = v * 16 + (size_t)d;
	}
	*out = v;
	return 0;
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* The next entry at *POS of [.., END); 0 at the trailer, 1 an entry, -EBADMSG. */
static int next_entry(const char **pos, const char *end, struct entry *e)
{
	const char *p = *pos, *base = p;
	size_t namesize, filesize, off;

	if ((size_t)(end - p) < NEWC_HDR || memcmp(p, "07070", 5) != 0 ||
	    (p[5] != '1' && p[5] != '2'))
		return -EBADMSG;
	if (hex8(p + 94, &namesize) < 0 || hex8(p + 54, &filesize) < 0 || namesize == 0)
		return -EBADMSG;
	off = pad4(NEWC_HDR + namesize);
	if (off > (size_t)(end - base) || pad4(filesize) > (size_t)(end - base) - off)
		return -EBADMSG;
	e->name = p + NEWC_HDR;
	e->name_len = namesize - 1;
	e->data = p + off;
	e->size = filesize;
	*pos = p + off + pad4(filesize);
	if (e->name_len == 10 && memcmp(e->name, "TRAILER!!!", 10) == 0)
		return 0;
	return 1;
}

/* What one archive says of WANT ("etc/modprobe.d/lkmtui.conf"). */
struct found {
	int has_dir; /* it holds WANT's directory */
	int has_file;
	int same;   /* its copy is NOW, byte for byte */
	int failed; /* a segment could not be read: the rest is unknown */
	int nomem;  /* lkmtui ran out of memory decompressing it */
};

/* Whether E is the file S (LEN bytes), or with DIR a file under the directory S. */
static int names(const struct entry *e, const char *s, size_t len, int dir)
{
	const char *n = e->name;
	size_t nl = e->name_len;

	if (nl >= 2 && n[0] == '.' && n[1] == '/')
		n += 2, nl -= 2;
	if (nl < len || memcmp(n, s, len) != 0)
		return 0;
	return dir ? nl > len && n[len] == '/' : nl == len;
}

static void look(const char *data, size_t size, const char *want, const char *now,
		 size_t now_len, struct found *f, int depth)
{
	const char *pos = data, *end = data + size, *slash = strrchr(want, '/');
	struct entry e;

	while (pos < end) {
		int r;

		/* Segments are padded with zeros between them. */
		while (pos < end && *pos == '\0')
			pos++;
		if (pos >= end)
			break;
		if (memcmp(pos, "07070",
			   (size_t)(end - pos) < 5 ? (size_t)(end - pos) : 5) != 0) {
			void *out = NULL;
			size_t out_len = 0;

			/* The compressed rest: once, no archive nests deeper. */
			int err = depth == 0 ? lkm_decompress(pos, (size_t)(end - pos),
							      &out, &out_len, NULL)
					     : -EBADMSG;

			if (err == 0)
				look(out, out_len, want, now, now_len, f, 1);
			f->failed |= err < 0;
			f->nomem |= err == -ENOMEM;
			free(out);
			return;
		}
		while ((r = next_entry(&pos, end, &e)) == 1) {
			if (names(&e, want, strlen(want), 0)) {
				f->has_file = 1;
				f->same = e.size == now_len &&
					  memcmp(e.data, now, now_len) == 0;
			} else if (names(&e, want, (size_t)(slash - want), 1) ||
				   names(&e, want, (size_t)(slash - want), 0)) {
				/* mkinitramfs makes etc/modprobe.d even when it has
				 * nothing to copy into it. */
				f->has_dir = 1;
			}
		}
		if (r < 0) {
			f->failed = 1;
			return;
		}
	}
}

int lkm_initramfs_check(const struct lkm_sysroot *root, const char *file,
			struct lkm_initramfs_state *out)
{
	char release[256], rel[PATH_MAX];
	struct lkm_buf img = { 0 }, now = { 0 };
	struct found f = { 0 };
	struct stat ist, fst;
	int err;

	memset(out, 0, sizeof(*out));
	err = lkm_resolve_release(root, release, sizeof(release));
	if (err == -ENOMEM)
		return err;
	if (err < 0 ||
	    snprintf(out->path, sizeof(out->path), "/boot/initrd.img-%s", release) >=
		    (int)sizeof(out->path) ||
	    fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(out->path), &ist, 0) < 0)
		return 0;
	err = lkm_procfile_read(root, file, &now);
	if (err == -ENOMEM)
		return err;
	if (err == 0 && now.len > 0 &&
	    fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(file), &fst, 0) == 0 &&
	    ist.st_mtime < fst.st_mtime)
		out->verdict = LKM_INITRAMFS_OLDER;
	snprintf(rel, sizeof(rel), "%s", lkm_sysroot_rel(file));
	err = lkm_procfile_read(root, out->path, &img);
	if (err == -ENOMEM) {
		lkm_buf_release(&now);
		return err;
	}
	if (err == 0 && img.len > 0) {
		look(img.data, img.len, rel, now.data ? now.data : "", now.len, &f, 0);
		/* A merged-/usr system's image holds /lib's files as usr/lib/. */
		if (!f.has_file && !f.has_dir && !f.failed &&
		    strncmp(rel, "lib/", 4) == 0 && strlen(rel) + 4 < sizeof(rel)) {
			memmove(rel + 4, rel, strlen(rel) + 1);
			memcpy(rel, "usr/", 4);
			look(img.data, img.len, rel, now.data ? now.data : "", now.len,
			     &f, 0);
		}
		out->held = f.has_file;
		if (f.has_file)
			out->verdict =
				f.same ? LKM_INITRAMFS_CURRENT : LKM_INITRAMFS_STALE;
		else if (f.has_dir)
			out->verdict =
				now.len > 0 ? LKM_INITRAMFS_STALE : LKM_INITRAMFS_CURRENT;
		else if (!f.failed)
			out->verdict =
				LKM_INITRAMFS_CURRENT; /* read: it copies neither */
	}
	lkm_buf_release(&img);
	lkm_buf_release(&now);
	return f.nomem ? -ENOMEM : 0;
}
