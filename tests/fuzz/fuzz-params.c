// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for parameter-value parsing (src/core/params.c): the input's
 * first line is a declared type ("int", "array of ushort", "charp", anything), the rest
 * is split on newlines into NAME=VALUE arguments; each is split, its value checked
 * against the type and appended to a kernel parameter string, and the whole set checked
 * for repeats.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 64

static volatile size_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *type, *rest, *args[MAX_ARGS];
	char name[128], reason[256], kparams[4096] = "";
	size_t n = 0, bad = 0;
	struct lkm_params parsed;

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	type = text;
	rest = strchr(text, '\n');
	if (rest)
		*rest++ = '\0';
	while (rest && n < MAX_ARGS) {
		args[n++] = rest;
		rest = strchr(rest, '\n');
		if (rest)
			*rest++ = '\0';
	}
	for (size_t i = 0; i < n; i++) {
		const char *value;

		if (lkm_param_split(args[i], name, sizeof(name), &value, reason,
				    sizeof(reason)) != LKM_PARAM_OK)
			continue;
		if (strlen(name) >= sizeof(name))
			abort();
		sink = lkm_param_check_value(type, value, reason, sizeof(reason));
		sink += strlen(reason);
		if (value &&
		    lkm_param_append(kparams, sizeof(kparams), name, value) == 0 &&
		    strlen(kparams) >= sizeof(kparams))
			abort();
		sink += lkm_param_name_eq(name, type);
	}
	if (lkm_params_parse((const char *const *)args, n, &parsed) == 0) {
		if (lkm_params_check(&parsed, &bad, reason, sizeof(reason)) !=
			    LKM_PARAM_OK &&
		    bad >= n)
			abort();
		lkm_params_release(&parsed);
	}
	free(text);
	return 0;
}
