// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "core/params.h"
#include "model/modules.h"
#include "shared/strbuf.h"

/* The kernel's numeric parameter types and their ranges (kernel/params.c
 * STANDARD_PARAM_DEF). */
static const struct {
	const char *type;
	bool is_signed;
	uint64_t max; /* largest value (unsigned magnitude for signed types) */
	int64_t min;
} numeric_types[] = {
	{ "byte", false, UINT8_MAX, 0 },	{ "short", true, INT16_MAX, INT16_MIN },
	{ "ushort", false, UINT16_MAX, 0 },	{ "int", true, INT32_MAX, INT32_MIN },
	{ "uint", false, UINT32_MAX, 0 },	{ "hexint", false, UINT32_MAX, 0 },
	{ "long", true, INT64_MAX, INT64_MIN }, { "ulong", false, UINT64_MAX, 0 },
	{ "ullong", false, UINT64_MAX, 0 },
};

/* The longest charp the kernel takes (param_set_charp: 1024). */
#define CHARP_MAX 1024

bool lkm_param_name_eq(const char *a, const char *b)
{
	/* The kernel's parameq() is the rule it uses for module names too. */
	return lkm_module_name_eq(a, b);
}

enum lkm_param_verdict lkm_param_split(const char *arg, char *name, size_t name_size,
				       const char **value, char *reason,
				       size_t reason_size)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);

	*value = eq ? eq + 1 : NULL;
	if (*arg == '\0') {
		snprintf(reason, reason_size, "%s",
			 _("an empty argument where NAME=VALUE was expected"));
		return LKM_PARAM_MALFORMED;
	}
	if (len == 0) {
		snprintf(reason, reason_size, _("'%s' has no parameter name before '='"),
			 arg);
		return LKM_PARAM_MALFORMED;
	}
	if (len >= name_size) {
		snprintf(reason, reason_size, "%s", _("parameter name too long"));
		return LKM_PARAM_MALFORMED;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)arg[i];

		if (!isalnum(c) && c != '_' && c != '-' && c != '.') {
			snprintf(reason, reason_size,
				 _("'%.*s' is not a parameter name (letters, digits, '_' "
				   "and '-')"),
				 (int)len, arg);
			return LKM_PARAM_MALFORMED;
		}
	}
	memcpy(name, arg, len);
	name[len] = '\0';
	if (*value != NULL) {
		for (const unsigned char *v = (const unsigned char *)*value; *v; v++) {
			/* The kernel's parser ends a value at a newline and toggles
			 * quoting on
			 * '"': neither can be passed through. */
			if (*v == '"' || *v < 0x20 || *v == 0x7f) {
				snprintf(reason, reason_size,
					 *v == '"'
						 ? _("the value of %s holds a double "
						     "quote, "
						     "which the kernel cannot be given")
						 : _("the value of %s holds a control "
						     "character, "
						     "which the kernel cannot be given"),
					 name);
				return LKM_PARAM_MALFORMED;
			}
		}
	}
	return LKM_PARAM_OK;
}

/* kstrtoull(base 0) and friends: optional sign (where allowed), 0x/0 prefix, digits,
 * one trailing newline. Returns false on anything else or overflow of 64 bits. */
static bool parse_integer(const char *s, bool allow_minus, bool *neg, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;
	const char *start;

	*neg = false;
	if (*s == '+') {
		s++;
	} else if (*s == '-' && allow_minus) {
		*neg = true;
		s++;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    isxdigit((unsigned char)s[2])) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	start = s;
	for (; *s && *s != '\n'; s++) {
		unsigned d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			return false;
		if (d >= base)
			return false;
		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	if (s == start || (*s == '\n' && s[1] != '\0'))
		return false;
	*out = v;
	return true;
}

static bool check_bool(const char *v)
{
	/* kstrtobool: y/Y/1/n/N/0, and on/off; the kernel reads only the first letters.
	 */
	switch (v[0]) {
	case 'y':
	case 'Y':
	case '1':
	case 'n':
	case 'N':
	case '0': return true;
	case 'o':
	case 'O': return v[1] == 'n' || v[1] == 'N' || v[1] == 'f' || v[1] == 'F';
	default: return false;
	}
}

static enum lkm_param_verdict check_scalar(const char *type, const char *value,
					   char *reason, size_t reason_size)
{
	if (strcmp(type, "bool") == 0 || strcmp(type, "invbool") == 0) {
		/* A bare name sets a bool (param_set_bool takes NULL as "y"). */
		if (value == NULL || check_bool(value))
			return LKM_PARAM_OK;
		snprintf(reason, reason_size,
			 _("'%s' is not a boolean: use y, n, 1, 0, on or off"), value);
		return LKM_PARAM_INVALID;
	}
	if (value == NULL) {
		snprintf(reason, reason_size, "%s", _("needs a value: NAME=VALUE"));
		return LKM_PARAM_INVALID;
	}
	if (strcmp(type, "charp") == 0 || strcmp(type, "string") == 0) {
		if (strlen(value) > CHARP_MAX) {
			snprintf(reason, reason_size,
				 _("longer than the kernel's %d characters"), CHARP_MAX);
			return LKM_PARAM_INVALID;
		}
		return LKM_PARAM_OK;
	}
	for (size_t i = 0; i < sizeof(numeric_types) / sizeof(numeric_types[0]); i++) {
		bool neg;
		uint64_t v;

		if (strcmp(type, numeric_types[i].type) != 0)
			continue;
		if (!parse_integer(value, numeric_types[i].is_signed, &neg, &v)) {
			snprintf(reason, reason_size,
				 numeric_types[i].is_signed
					 ? _("'%s' is not a number (%s)")
					 : _("'%s' is not a non-negative number (%s)"),
				 value, type);
			return LKM_PARAM_INVALID;
		}
		if ((!neg && v > numeric_types[i].max) ||
		    (neg && v > (uint64_t)(-(numeric_types[i].min + 1)) + 1)) {
			if (numeric_types[i].is_signed)
				snprintf(reason, reason_size,
					 _("'%s' is out of range for %s (%" PRId64
					   " to %" PRIu64 ")"),
					 value, type, numeric_types[i].min,
					 numeric_types[i].max);
			else
				snprintf(reason, reason_size,
					 _("'%s' is out of range for %s (0 to %" PRIu64
					   ")"),
					 value, type, numeric_types[i].max);
			return LKM_PARAM_INVALID;
		}
		return LKM_PARAM_OK;
	}
	return LKM_PARAM_OK; /* a driver's own type: the kernel judges */
}

enum lkm_param_verdict lkm_param_check_value(const char *type, const char *value,
					     char *reason, size_t reason_size)
{
	static const char array_prefix[] = "array of ";
	char elem[4096];

	reason[0] = '\0';
	if (strncmp(type, array_prefix, sizeof(array_prefix) - 1) != 0)
		return check_scalar(type, value, reason, reason_size);
	type += sizeof(array_prefix) - 1;
	if (value == NULL) {
		snprintf(reason, reason_size, "%s", _("needs a value: NAME=V1,V2,..."));
		return LKM_PARAM_INVALID;
	}
	/* param_array_set: comma-separated elements, each of the element type. */
	for (const char *p = value;;) {
		size_t len = strcspn(p, ",");
		enum lkm_param_verdict v;
		char why[256];

		if (len >= sizeof(elem)) {
			snprintf(reason, reason_size, "%s", _("an element is too long"));
			return LKM_PARAM_INVALID;
		}
		memcpy(elem, p, len);
		elem[len] = '\0';
		v = check_scalar(type, elem, why, sizeof(why));
		if (v != LKM_PARAM_OK) {
			snprintf(reason, reason_size, _("element '%s': %s"), elem, why);
			return v;
		}
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	return LKM_PARAM_OK;
}

int lkm_param_append(char *buf, size_t size, const char *name, const char *value)
{
	size_t len = strlen(buf);
	bool quote = value && strpbrk(value, " \t") != NULL;
	struct lkm_strbuf sb;

	/* Appended after what BUF holds; all of it or nothing. */
	lkm_strbuf_init(&sb, buf + len, size - len);
	if (len)
		lkm_strbuf_add(&sb, " ");
	lkm_strbuf_add(&sb, name);
	if (value)
		lkm_strbuf_addf(&sb, quote ? "=\"%s\"" : "=%s", value);
	if (sb.truncated) {
		buf[len] = '\0';
		return -ENOSPC;
	}
	return 0;
}

/* P malformed when its name is one of the N words BEFORE it: the kernel would keep the
 * last of two (parse_args() sets the parameter once per occurrence), but two values typed
 * at once are a slip more often than an intent. Returns 0 or -ENOMEM. */
static int mark_repeat(const struct lkm_param *before, size_t n, struct lkm_param *p)
{
	for (size_t j = 0; j < n && p->why == NULL; j++) {
		const struct lkm_param *q = &before[j];

		if (q->why || !lkm_param_name_eq(p->name, q->name))
			continue;
		if (asprintf(&p->why,
			     _("%s is given twice (%s, then %s): the kernel would keep "
			       "only "
			       "the last; give each parameter once"),
			     p->name, q->arg, p->arg) < 0) {
			p->why = NULL;
			return -ENOMEM;
		}
	}
	return 0;
}

int lkm_params_parse(const char *const *args, size_t n, struct lkm_params *out)
{
	out->v = calloc(n ? n : 1, sizeof(*out->v));
	out->n = 0;
	if (out->v == NULL)
		return -ENOMEM;
	for (; out->n < n; out->n++) {
		struct lkm_param *p = &out->v[out->n];
		const char *arg = args[out->n], *eq = strchr(arg, '=');
		char name[128], reason[256];
		const char *value;

		p->arg = arg;
		p->value = eq ? eq + 1 : NULL;
		p->name = strndup(arg, eq ? (size_t)(eq - arg) : strlen(arg));
		if (p->name == NULL ||
		    (lkm_param_split(arg, name, sizeof(name), &value, reason,
				     sizeof(reason)) != LKM_PARAM_OK &&
		     (p->why = strdup(reason)) == NULL)) {
			out->n++;
			lkm_params_release(out);
			return -ENOMEM;
		}
	}
	for (size_t i = 1; i < out->n; i++)
		if (mark_repeat(out->v, i, &out->v[i]) < 0) {
			lkm_params_release(out);
			return -ENOMEM;
		}
	return 0;
}

void lkm_params_release(struct lkm_params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].why);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

enum lkm_param_verdict lkm_params_check(const struct lkm_params *p, size_t *bad,
					char *reason, size_t reason_size)
{
	for (size_t i = 0; i < p->n; i++) {
		*bad = i;
		if (p->v[i].why) {
			snprintf(reason, reason_size, "%s", p->v[i].why);
			return LKM_PARAM_MALFORMED;
		}
	}
	return LKM_PARAM_OK;
}

/* What VALUE says as a kernel bool: 1 true, 0 false, -1 not a bool. */
static int bool_value(const char *v)
{
	if (v == NULL)
		return 1;
	if (!check_bool(v))
		return -1;
	return v[0] == 'y' || v[0] == 'Y' || v[0] == '1' ||
	       ((v[0] == 'o' || v[0] == 'O') && (v[1] == 'n' || v[1] == 'N'));
}

static bool is_numeric_type(const char *type)
{
	for (size_t i = 0; i < sizeof(numeric_types) / sizeof(numeric_types[0]); i++)
		if (strcmp(type, numeric_types[i].type) == 0)
			return true;
	return false;
}

static bool scalar_eq(const char *type, const char *running, const char *wanted)
{
	bool neg_r, neg_w;
	uint64_t r, w;
	int br, bw;

	if (type == NULL || is_numeric_type(type)) {
		if (wanted != NULL && parse_integer(running, true, &neg_r, &r) &&
		    parse_integer(wanted, true, &neg_w, &w))
			return neg_r == neg_w && (r == w || (r == 0 && w == 0));
		if (type != NULL)
			return wanted != NULL && strcmp(running, wanted) == 0;
	}
	if (type == NULL || strcmp(type, "bool") == 0 || strcmp(type, "invbool") == 0) {
		br = bool_value(running);
		bw = bool_value(wanted);
		if (br >= 0 && bw >= 0)
			return br == bw;
	}
	return wanted != NULL && strcmp(running, wanted) == 0;
}

bool lkm_param_value_eq(const char *type, const char *running, const char *wanted)
{
	static const char array_prefix[] = "array of ";
	char r[4096], w[4096];

	if (running == NULL)
		return false;
	if (type == NULL || strncmp(type, array_prefix, sizeof(array_prefix) - 1) != 0 ||
	    wanted == NULL)
		return scalar_eq(type, running, wanted);
	type += sizeof(array_prefix) - 1;
	/* param_array_get shows the elements set, comma-separated, as given. */
	for (const char *p = running, *q = wanted;;) {
		size_t lr = strcspn(p, ","), lw = strcspn(q, ",");

		if (lr >= sizeof(r) || lw >= sizeof(w))
			return false;
		memcpy(r, p, lr);
		r[lr] = '\0';
		memcpy(w, q, lw);
		w[lw] = '\0';
		if (!scalar_eq(type, r, w))
			return false;
		if (p[lr] == '\0' || q[lw] == '\0')
			return p[lr] == q[lw];
		p += lr + 1;
		q += lw + 1;
	}
}

bool lkm_param_next(const char **pos, char *buf, size_t size)
{
	const char *p = *pos;
	bool quoted = false, fits = true;
	size_t len = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (*p == '\0') {
		*pos = p;
		return false;
	}
	for (; *p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (len + 1 < size)
			buf[len++] = *p;
		else
			fits = false;
	}
	buf[len] = '\0';
	*pos = p;
	if (!fits)
		return lkm_param_next(pos, buf, size);
	return true;
}
