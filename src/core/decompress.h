/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/*
 * In-memory decompression of module files: .ko.xz (liblzma), .ko.zst (libzstd) and
 * .ko.gz (zlib), told apart by their magic bytes, not by the file name.
 */

/*
 * No module is this big; a stream that inflates past it is refused as a bomb. A fuzz
 * build may define it smaller.
 */
#ifndef LKM_DECOMPRESS_MAX
#define LKM_DECOMPRESS_MAX ((size_t)512 << 20)
#endif

/*
 * Names the compression of DATA by its magic: "xz", "zstd", "gzip", or "none" for
 * anything else (a plain ELF file, or bytes nobody recognises). The string is static.
 */
const char *lkm_decompress_detect(const void *data, size_t size);

/*
 * Decompresses DATA (SIZE bytes) whole. On success *OUT is a new malloc'd buffer of
 * *OUT_SIZE bytes that the caller frees (for "none" it is a copy of DATA; a 0-byte
 * result still gets a non-NULL buffer) and *FORMAT (if not NULL) the static name that
 * lkm_decompress_detect() gives. Returns 0, or:
 *   -EBADMSG  corrupt or truncated stream
 *   -EFBIG    the output (or plain DATA) would pass LKM_DECOMPRESS_MAX
 *   -ENOMEM   out of memory
 * *FORMAT is set even on failure, so a caller can say which decoder refused the bytes.
 */
int lkm_decompress(const void *data, size_t size, void **out, size_t *out_size,
		   const char **format);

/*
 * The same with a cap of MAX bytes (0: LKM_DECOMPRESS_MAX), and on failure REASON
 * (REASON_LEN bytes; may be NULL and 0) holds one line saying what the decoder found
 * ("xz: compressed data is truncated").
 */
int lkm_decompress_why(const void *data, size_t size, size_t max, void **out,
		       size_t *out_size, const char **format, char *reason,
		       size_t reason_len);
