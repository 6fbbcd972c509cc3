// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <lzma.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "i18n.h"
#include "core/decompress.h"

static const unsigned char xz_magic[] = { 0xfd, '7', 'z', 'X', 'Z', 0x00 };
static const unsigned char zstd_magic[] = { 0x28, 0xb5, 0x2f, 0xfd };
static const unsigned char gzip_magic[] = { 0x1f, 0x8b };

/* The smallest first guess at the output size: modules are rarely below this. */
#define FIRST_GUESS ((size_t)64 << 10)

struct outbuf {
	unsigned char *p;
	size_t len;
	size_t cap;
	size_t max;
};

static int starts_with(const void *data, size_t size, const unsigned char *magic,
		       size_t n)
{
	return size >= n && memcmp(data, magic, n) == 0;
}

const char *lkm_decompress_detect(const void *data, size_t size)
{
	if (!data)
		return "none";
	if (starts_with(data, size, xz_magic, sizeof(xz_magic)))
		return "xz";
	if (starts_with(data, size, zstd_magic, sizeof(zstd_magic)))
		return "zstd";
	if (starts_with(data, size, gzip_magic, sizeof(gzip_magic)))
		return "gzip";
	return "none";
}

static void say(char *reason, size_t reason_len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(char *reason, size_t reason_len, const char *fmt, ...)
{
	va_list ap;

	if (!reason || reason_len == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(reason, reason_len, fmt, ap);
	va_end(ap);
}

static size_t guess(size_t in)
{
	return in > SIZE_MAX / 4 ? SIZE_MAX : in * 4;
}

/* Starts the buffer at HINT bytes (clamped to [FIRST_GUESS, o->max], at least 1). */
static int outbuf_init(struct outbuf *o, size_t hint)
{
	if (hint < FIRST_GUESS)
		hint = FIRST_GUESS;
	if (hint > o->max)
		hint = o->max;
	if (hint == 0)
		hint = 1;
	o->p = malloc(hint);
	if (!o->p)
		return -ENOMEM;
	o->len = 0;
	o->cap = hint;
	return 0;
}

/* Doubles the buffer; -EFBIG once it already holds o->max bytes. */
static int outbuf_grow(struct outbuf *o)
{
	size_t ncap;
	unsigned char *np;

	if (o->cap >= o->max)
		return -EFBIG;
	ncap = o->cap > o->max / 2 ? o->max : o->cap * 2;
	np = realloc(o->p, ncap);
	if (!np)
		return -ENOMEM;
	o->p = np;
	o->cap = ncap;
	return 0;
}

static int too_big(char *reason, size_t reason_len, const char *format, size_t max)
{
	say(reason, reason_len, _("%s: decompressed data would exceed %zu bytes"), format,
	    max);
	return -EFBIG;
}

static int unxz(const void *data, size_t size, struct outbuf *o, char *reason,
		size_t reason_len)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret ret;
	int err;

	/* The memory limit bounds the dictionary a hostile header can ask for. */
	ret = lzma_stream_decoder(&s, (uint64_t)256 << 20, LZMA_CONCATENATED);
	if (ret != LZMA_OK) {
		say(reason, reason_len, _("xz: cannot start the decoder"));
		return ret == LZMA_MEM_ERROR ? -ENOMEM : -EINVAL;
	}
	err = outbuf_init(o, guess(size));
	if (err < 0)
		goto out;
	s.next_in = data;
	s.avail_in = size;
	s.next_out = o->p;
	s.avail_out = o->cap;
	for (;;) {
		if (s.avail_out == 0) {
			o->len = o->cap;
			err = outbuf_grow(o);
			if (err == -EFBIG)
				err = too_big(reason, reason_len, "xz", o->max);
			if (err < 0)
				goto out;
			s.next_out = o->p + o->len;
			s.avail_out = o->cap - o->len;
		}
		ret = lzma_code(&s, LZMA_FINISH);
		if (ret == LZMA_OK)
			continue;
		if (ret == LZMA_STREAM_END)
			break;
		switch (ret) {
		case LZMA_MEM_ERROR:
			err = -ENOMEM;
			say(reason, reason_len, _("xz: out of memory"));
			break;
		case LZMA_MEMLIMIT_ERROR:
			err = -EFBIG;
			say(reason, reason_len,
			    _("xz: the stream needs more than 256 MiB to decode"));
			break;
		case LZMA_BUF_ERROR:
			err = -EBADMSG;
			say(reason, reason_len, _("xz: compressed data is truncated"));
			break;
		case LZMA_OPTIONS_ERROR:
			err = -EBADMSG;
			say(reason, reason_len, _("xz: unsupported compression options"));
			break;
		case LZMA_FORMAT_ERROR:
			err = -EBADMSG;
			say(reason, reason_len, _("xz: not in the .xz format"));
			break;
		default:
			err = -EBADMSG;
			say(reason, reason_len, _("xz: compressed data is corrupt"));
			break;
		}
		goto out;
	}
	o->len = o->cap - s.avail_out;
	err = 0;
out:
	lzma_end(&s);
	return err;
}

static int unzstd(const void *data, size_t size, struct outbuf *o, char *reason,
		  size_t reason_len)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer in = { data, size, 0 };
	ZSTD_outBuffer out;
	unsigned long long known = ZSTD_getFrameContentSize(data, size);
	size_t hint = guess(size);
	int err;

	if (!d) {
		say(reason, reason_len, _("zstd: out of memory"));
		return -ENOMEM;
	}
	/* The frame header's size is only a hint: a hostile one must not make us allocate
	 * hundreds of MiB for a few bytes of input. */
	if (known != ZSTD_CONTENTSIZE_UNKNOWN && known != ZSTD_CONTENTSIZE_ERROR &&
	    known < o->max && known <= guess(hint))
		hint = (size_t)known + 1;
	err = outbuf_init(o, hint);
	if (err < 0)
		goto out;
	out.dst = o->p;
	out.size = o->cap;
	out.pos = 0;
	for (;;) {
		size_t r;

		if (out.pos == out.size) {
			o->len = out.pos;
			err = outbuf_grow(o);
			if (err == -EFBIG)
				err = too_big(reason, reason_len, "zstd", o->max);
			if (err < 0)
				goto out;
			out.dst = o->p;
			out.size = o->cap;
		}
		r = ZSTD_decompressStream(d, &out, &in);
		if (ZSTD_isError(r)) {
			err = -EBADMSG;
			say(reason, reason_len, _("zstd: %s"), ZSTD_getErrorName(r));
			goto out;
		}
		if (in.pos == in.size && r == 0)
			break;
		/* Input used up, room left, and the frame still wants bytes: cut short.
		 */
		if (in.pos == in.size && out.pos < out.size) {
			err = -EBADMSG;
			say(reason, reason_len, _("zstd: compressed data is truncated"));
			goto out;
		}
	}
	o->len = out.pos;
	err = 0;
out:
	ZSTD_freeDCtx(d);
	return err;
}

static int ungzip(const void *data, size_t size, struct outbuf *o, char *reason,
		  size_t reason_len)
{
	z_stream z;
	int ret, err;

	/* zlib counts in uInt; a module file never comes near that. */
	if (size > UINT32_MAX) {
		say(reason, reason_len, _("gzip: input too large"));
		return -EFBIG;
	}
	memset(&z, 0, sizeof(z));
	/* 16 + MAX_WBITS: a gzip header and trailer, not a bare zlib stream. */
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		say(reason, reason_len, _("gzip: cannot start the decoder"));
		return -ENOMEM;
	}
	err = outbuf_init(o, guess(size));
	if (err < 0)
		goto out;
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)size;
	z.next_out = o->p;
	z.avail_out = (uInt)o->cap;
	for (;;) {
		if (z.avail_out == 0) {
			o->len = o->cap;
			err = outbuf_grow(o);
			if (err == -EFBIG)
				err = too_big(reason, reason_len, "gzip", o->max);
			if (err < 0)
				goto out;
			z.next_out = o->p + o->len;
			z.avail_out = (uInt)(o->cap - o->len);
		}
		ret = inflate(&z, Z_NO_FLUSH);
		if (ret == Z_OK)
			continue;
		if (ret == Z_STREAM_END) {
			/* gzip(1) accepts members one after another; anything else is
			 * ignored as it does with "trailing garbage". */
			if (z.avail_in >= sizeof(gzip_magic) &&
			    memcmp(z.next_in, gzip_magic, sizeof(gzip_magic)) == 0) {
				if (inflateReset(&z) != Z_OK) {
					err = -EBADMSG;
					say(reason, reason_len,
					    _("gzip: cannot restart the decoder"));
					goto out;
				}
				continue;
			}
			break;
		}
		if (ret == Z_BUF_ERROR && z.avail_in == 0) {
			err = -EBADMSG;
			say(reason, reason_len, _("gzip: compressed data is truncated"));
			goto out;
		}
		if (ret == Z_BUF_ERROR)
			continue;
		if (ret == Z_MEM_ERROR) {
			err = -ENOMEM;
			say(reason, reason_len, _("gzip: out of memory"));
			goto out;
		}
		err = -EBADMSG;
		say(reason, reason_len, _("gzip: %s"),
		    z.msg ? z.msg : _("compressed data is corrupt"));
		goto out;
	}
	o->len = o->cap - z.avail_out;
	err = 0;
out:
	inflateEnd(&z);
	return err;
}

int lkm_decompress_why(const void *data, size_t size, size_t max, void **out,
		       size_t *out_size, const char **format, char *reason,
		       size_t reason_len)
{
	const char *fmt = lkm_decompress_detect(data, size);
	struct outbuf o = { NULL, 0, 0, max ? max : LKM_DECOMPRESS_MAX };
	int err;

	*out = NULL;
	*out_size = 0;
	if (format)
		*format = fmt;
	if (reason && reason_len)
		reason[0] = '\0';
	if (strcmp(fmt, "none") == 0) {
		if (size > o.max)
			return too_big(reason, reason_len, fmt, o.max);
		o.p = malloc(size ? size : 1);
		if (!o.p)
			return -ENOMEM;
		if (size)
			memcpy(o.p, data, size);
		o.len = size;
		err = 0;
	} else if (strcmp(fmt, "xz") == 0) {
		err = unxz(data, size, &o, reason, reason_len);
	} else if (strcmp(fmt, "zstd") == 0) {
		err = unzstd(data, size, &o, reason, reason_len);
	} else {
		err = ungzip(data, size, &o, reason, reason_len);
	}
	if (err < 0) {
		free(o.p);
		if (err == -ENOMEM && reason && reason_len && !reason[0])
			say(reason, reason_len, _("%s: out of memory"), fmt);
		return err;
	}
	*out = o.p;
	*out_size = o.len;
	return 0;
}

int lkm_decompress(const void *data, size_t size, void **out, size_t *out_size,
		   const char **format)
{
	return lkm_decompress_why(data, size, 0, out, out_size, format, NULL, 0);
}
