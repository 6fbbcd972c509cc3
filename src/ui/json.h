/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/*
 * A streaming JSON writer for the CLI's --json shapes (doc/CONTRACT.md), which have
 * top-level siblings and nested objects that libsmartcols' table JSON cannot
 * express. Pretty-printed with two-space indent; strings escaped, and bytes that are
 * not valid UTF-8 written as U+FFFD so the output is always valid JSON.
 */
struct lkm_json {
	FILE *out;
	int depth;
	bool need_comma;
};

void lkm_json_init(struct lkm_json *j, FILE *out);
void lkm_json_open(struct lkm_json *j, const char *key, char bracket); /* '{' or '[' */
void lkm_json_close(struct lkm_json *j, char bracket);		       /* '}' or ']' */
void lkm_json_str(struct lkm_json *j, const char *key,
		  const char *value); /* NULL -> null */
void lkm_json_u64(struct lkm_json *j, const char *key, uint64_t value);
void lkm_json_i64(struct lkm_json *j, const char *key, int64_t value);
void lkm_json_double(struct lkm_json *j, const char *key, double value);
void lkm_json_bool(struct lkm_json *j, const char *key, bool value);
void lkm_json_null(struct lkm_json *j, const char *key);
/* Ends the document with a newline. */
void lkm_json_end(struct lkm_json *j);
