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

/* What one archive says of a file ("etc/modprobe.d/lkmtui.conf"). */
struct found {
	int has_dir; /* it holds the file's directory */
	int has_file;
	int same; /* its copy is NOW, byte for byte */
};

struct want {
	char rel[PATH_MAX];	/* "etc/modprobe.d/lkmtui.conf" */
	char alt[PATH_MAX + 4]; /* a merged-/usr image's name for /lib's files, or "" */
	struct lkm_buf now;
	struct found f;
};

/* The archive as a whole. */
struct scan {
	struct want *v;
	size_t n;
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

/* E against the file NAME of W. */
static void match(const struct entry *e, const char *name, struct want *w)
{
	size_t dir = (size_t)(strrchr(name, '/') - name);

	if (names(e, name, strlen(name), 0)) {
		w->f.has_file = 1;
		w->f.same = e->size == w->now.len &&
			    (w->now.len == 0 ||
			     memcmp(e->data, w->now.data, w->now.len) == 0);
	} else if (names(e, name, dir, 1) || names(e, name, dir, 0)) {
		/* mkinitramfs makes etc/modprobe.d even when it has nothing to copy
		 * into it. */
		w->f.has_dir = 1;
	}
}

static void look(const char *data, size_t size, struct scan *s, int depth)
{
	const char *pos = data, *end = data + size;
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
				look(out, out_len, s, 1);
			s->failed |= err < 0;
			s->nomem |= err == -ENOMEM;
			free(out);
			return;
		}
		while ((r = next_entry(&pos, end, &e)) == 1)
			for (size_t i = 0; i < s->n; i++) {
				match(&e, s->v[i].rel, &s->v[i]);
				if (s->v[i].alt[0])
					match(&e, s->v[i].alt, &s->v[i]);
			}
		if (r < 0) {
			s->failed = 1;
			return;
		}
	}
}

/* W's verdict, once the image has been read (READ) or not. */
static void verdict(const struct want *w, bool read, const struct scan *s,
		    struct lkm_initramfs_state *out)
{
	if (!read)
		return;
	out->held = w->f.has_file;
	if (w->f.has_file)
		out->verdict = w->f.same ? LKM_INITRAMFS_CURRENT : LKM_INITRAMFS_STALE;
	else if (w->f.has_dir)
		out->verdict =
			w->now.len > 0 ? LKM_INITRAMFS_STALE : LKM_INITRAMFS_CURRENT;
	else if (!s->failed)
		out->verdict = LKM_INITRAMFS_CURRENT; /* read: it copies neither */
}

int lkm_initramfs_check_files(const struct lkm_sysroot *root, const char *const *files,
			      size_t n, struct lkm_initramfs_state *out)
{
	char release[256], path[PATH_MAX];
	struct lkm_buf img = { 0 };
	struct scan s = { calloc(n ? n : 1, sizeof(struct want)), n, 0, 0 };
	struct stat ist, fst;
	int err = 0;

	memset(out, 0, n * sizeof(*out));
	if (!s.v)
		return -ENOMEM;
	err = lkm_resolve_release(root, release, sizeof(release));
	if (err < 0 ||
	    snprintf(path, sizeof(path), "/boot/initrd.img-%s", release) >=
		    (int)sizeof(path) ||
	    fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(path), &ist, 0) < 0)
		goto done;
	for (size_t i = 0; i < n; i++) {
		struct want *w = &s.v[i];

		snprintf(out[i].path, sizeof(out[i].path), "%s", path);
		err = lkm_procfile_read(root, files[i], &w->now);
		if (err == -ENOMEM)
			goto done;
		if (err == 0 && w->now.len > 0 &&
		    fstatat(lkm_sysroot_fd(root), lkm_sysroot_rel(files[i]), &fst, 0) ==
			    0 &&
		    ist.st_mtime < fst.st_mtime)
			out[i].verdict = LKM_INITRAMFS_OLDER;
		snprintf(w->rel, sizeof(w->rel), "%s", lkm_sysroot_rel(files[i]));
		/* A merged-/usr system's image holds /lib's files as usr/lib/. */
		if (strncmp(w->rel, "lib/", 4) == 0)
			snprintf(w->alt, sizeof(w->alt), "usr/%s", w->rel);
	}
	/* Read once for every file: decompressing is what costs. */
	err = lkm_procfile_read(root, path, &img);
	if (err == -ENOMEM)
		goto done;
	if (err == 0 && img.len > 0)
		look(img.data, img.len, &s, 0);
	for (size_t i = 0; i < n; i++)
		verdict(&s.v[i], err == 0 && img.len > 0, &s, &out[i]);
	err = s.nomem ? -ENOMEM : 0;
done:
	for (size_t i = 0; i < n; i++)
		lkm_buf_release(&s.v[i].now);
	free(s.v);
	lkm_buf_release(&img);
	return err == -ENOMEM ? err : 0;
}

int lkm_initramfs_check(const struct lkm_sysroot *root, const char *file,
			struct lkm_initramfs_state *out)
{
	return lkm_initramfs_check_files(root, &file, 1, out);
}
