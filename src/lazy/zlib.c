// SPDX-License-Identifier: GPL-2.0-or-later
/* zlib, opened on first use (src/lazy/lazy.h): .ko.gz in src/core/decompress.c. */
#include "config.h"

#include <zlib.h>

#include "lazy/lazy.h"

static struct lkm_lazy lib = { .soname = SONAME_ZLIB };

int inflateInit2_(z_streamp strm, int windowBits, const char *version, int stream_size)
{
	return LKM_LAZY(lib, inflateInit2_)(strm, windowBits, version, stream_size);
}

int inflate(z_streamp strm, int flush)
{
	return LKM_LAZY(lib, inflate)(strm, flush);
}

int inflateReset(z_streamp strm)
{
	return LKM_LAZY(lib, inflateReset)(strm);
}

int inflateEnd(z_streamp strm)
{
	return LKM_LAZY(lib, inflateEnd)(strm);
}
