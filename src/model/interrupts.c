// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/interrupts (kernel/irq/proc.c show_interrupts(), arch_show_interrupts()):
 *
 *              CPU0       CPU1
 *     0:         18          0   IO-APIC    2-edge      timer
 *    16:       3545          0   IO-APIC   16-fasteoi   vmwgfx, snd_ens1371
 *   NMI:          0          0   Non-maskable interrupts
 *   ERR:          0
 *
 * The header names the online CPUs; each line is a label, up to one "%10u " count per CPU
 * and a description. ERR/MIS print a single count, s390x's EXT:/I/O:/AIO: summary rows
 * print counts and no description, and an ARM label as wide as its field leaves no blank
 * after the colon ("IPI0:2768808080"). Counts are read only while they are whole decimal
 * tokens and at most one per CPU, so a description that starts with a number ("2-edge")
 * or a ragged line never shifts a column.
 *
 * A numbered line's description is split into chip, hwirq, trigger and actions, in the
 * forms kernels have printed:
 *   "IO-APIC   2-edge      timer"        chip, hwirq-handler name, actions (x86, 4.x+)
 *   "xen-dyn      -event   xenbus"       no irq domain: blank hwirq, "-handler"
 *   "GICv3  27 Level     arch_timer"     GENERIC_IRQ_SHOW_LEVEL (arm, arm64)
 *   "IR-IO-APIC-edge      timer"         chip-handler fused (before 4.x)
 *   "PCI-MSI  mlx5_async@pci:0002:00:00.0", "XT-PIC  timer"   chip, actions
 * Actions are the kernel's ", "-joined action names; a name may hold blanks ("PCIe PME").
 * Rows that are not numbered (NMI, LOC, s390x "[EXT] CPU Timer" mnemonic rows) keep their
 * text as the description only: their bracketed class is part of the name, not a chip.
 * Nothing points into the text once it is parsed, so a reader may reuse its buffer
 * (two snapshots share one): the header's CPU names, each label and description, and
 * the pieces split out of a description are copied into an arena sized once per parse
 * from the text length. CPU names, labels and descriptions are separate substrings of
 * the text, each followed by a character not its own, so with their terminators they
 * fit in the text's length plus one; the pieces of a description are separate
 * substrings of it, so they fit in as much again.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/interrupts.h"
#include "model/scan.h"
#include "shared/array.h"

/* Flow handler names seen fused to the chip name ("IO-APIC-fasteoi", "XT-PIC-XT"). */
static const char *const handler_names[] = {
	"edge",		"level", "fasteoi", "simple", "percpu",
	"percpu_devid", "eoi",	 "nmi",	    "XT",
};

static bool is_digits(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool is_blank_or_end(char c)
{
	return c == ' ' || c == '\t' || c == '\0';
}

/* Next blank-separated token from *P without touching the buffer; NULL at the end. */
static const char *peek_token(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return NULL;
	for (e = s; !is_blank_or_end(*e); e++)
		;
	*len = (size_t)(e - s);
	*p = e;
	return s;
}

static const char *last_dash(const char *s, size_t len)
{
	while (len > 0)
		if (s[--len] == '-')
			return s + len;
	return NULL;
}

static bool word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

static bool is_level_word(const char *s, size_t len)
{
	return word_is(s, len, "edge") || word_is(s, len, "level");
}

static bool is_handler_name(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(handler_names) / sizeof(handler_names[0]); i++)
		if (word_is(s, len, handler_names[i]))
			return true;
	return false;
}

struct arena {
	char *base;
	size_t cap;
	size_t used;
};

/* Copies S[0..LEN) into the arena, NUL-terminated. NULL when empty or out of room. */
static const char *arena_put(struct arena *a, const char *s, size_t len)
{
	char *d;

	if (len == 0 || a->used >= a->cap || len >= a->cap - a->used)
		return NULL;
	d = a->base + a->used;
	memcpy(d, s, len);
	d[len] = '\0';
	a->used += len + 1;
	return d;
}

/* Splits REST at commas into consecutive trimmed action names in the arena. */
static bool put_actions(struct lkm_irq *irq, struct arena *a, const char *rest)
{
	irq->actions = "";
	irq->n_actions = 0;
	while (*rest) {
		size_t len = strcspn(rest, ",");
		const char *s = rest, *e = rest + len;
		const char *d;

		rest = *e ? e + 1 : e;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (s == e)
			continue;
		d = arena_put(a, s, (size_t)(e - s));
		if (d == NULL)
			return false;
		if (irq->n_actions++ == 0)
			irq->actions = d;
	}
	return true;
}

static bool put_piece(const char **out, struct arena *a, const char *s, size_t len)
{
	*out = arena_put(a, s, len);
	return *out != NULL;
}

/* Fills chip, hwirq, trigger and actions from a numbered line's description. */
static bool split_description(struct lkm_irq *irq, struct arena *a, const char *desc)
{
	const char *p = desc, *t0, *t1, *t2, *rest, *dash;
	size_t l0 = 0, l1 = 0, l2 = 0, d;

	t0 = peek_token(&p, &l0);
	if (t0 == NULL)
		return true;
	rest = p;
	t1 = peek_token(&p, &l1);
	for (d = 0; t1 && d < l1 && t1[d] >= '0' && t1[d] <= '9'; d++)
		;
	if (t1 && d > 0 && d + 1 < l1 && t1[d] == '-') {
		/* "IO-APIC   2-edge" */
		if (!put_piece(&irq->chip, a, t0, l0) ||
		    !put_piece(&irq->hwirq, a, t1, d) ||
		    !put_piece(&irq->trigger, a, t1 + d + 1, l1 - d - 1))
			return false;
		rest = p;
	} else if (t1 && t1[0] == '-' && l1 > 1) {
		/* no irq domain, so no hwirq: "xen-dyn      -event" */
		if (!put_piece(&irq->chip, a, t0, l0) ||
		    !put_piece(&irq->trigger, a, t1 + 1, l1 - 1))
			return false;
		rest = p;
	} else if (t1 && (d == l1 || is_level_word(t1, l1))) {
		/* "GICv3  27 Level", "GIC  Level" */
		if (!put_piece(&irq->chip, a, t0, l0))
			return false;
		if (d == l1) {
			if (!put_piece(&irq->hwirq, a, t1, l1))
				return false;
			rest = p;
			t2 = peek_token(&p, &l2);
			if (t2 && is_level_word(t2, l2)) {
				if (!put_piece(&irq->trigger, a, t2, l2))
					return false;
				rest = p;
			}
		} else {
			if (!put_piece(&irq->trigger, a, t1, l1))
				return false;
			rest = p;
		}
	} else if ((dash = last_dash(t0, l0)) != NULL && dash > t0 &&
		   is_handler_name(dash + 1, l0 - (size_t)(dash + 1 - t0))) {
		/* "IR-IO-APIC-edge" */
		if (!put_piece(&irq->chip, a, t0, (size_t)(dash - t0)) ||
		    !put_piece(&irq->trigger, a, dash + 1, l0 - (size_t)(dash + 1 - t0)))
			return false;
	} else {
		/* "PCI-MSI  mlx5_async@pci:0002:00:00.0", "XT-PIC  timer" */
		if (!put_piece(&irq->chip, a, t0, l0))
			return false;
	}
	return put_actions(irq, a, rest);
}

enum row_result { ROW_OK, ROW_BLANK, ROW_BAD, ROW_ENOMEM };

/* Room for this line and every line in REST to hold a full row of counts after the USED
 * ones. The lines are counted only when the array is short (a first parse, a host that
 * grew), so it is as large as the file needs and a steady refresh counts nothing. */
static int reserve_counts(struct lkm_interrupts *irqs, size_t used, const char *rest)
{
	size_t lines = 2, need; /* this line, and REST's last one if it has no newline */
	uint64_t *nv;

	if (irqs->n_cpus <= irqs->counts_cap && used <= irqs->counts_cap - irqs->n_cpus)
		return 0;
	for (const char *q = rest; (q = strchr(q, '\n')) != NULL; q++)
		lines++;
	if (irqs->n_cpus && lines > (SIZE_MAX / sizeof(*nv) - used) / irqs->n_cpus)
		return -ENOMEM;
	need = used + lines * irqs->n_cpus;
	nv = realloc(irqs->counts, (need ? need : 1) * sizeof(*nv));
	if (nv == NULL)
		return -ENOMEM;
	irqs->counts = nv;
	irqs->counts_cap = need;
	return 0;
}

static enum row_result parse_row(struct lkm_interrupts *irqs, char *line, struct arena *a,
				 size_t *n_counts_used)
{
	struct lkm_irq *irq = &irqs->v[irqs->n];
	char *s = lkm_scan_blank(line), *e, *p;
	size_t start = *n_counts_used, arena_start = a->used;

	if (*s == '\0')
		return ROW_BLANK;
	for (e = s; *e && *e != ':' && *e != ' ' && *e != '\t'; e++)
		;
	if (*e != ':' || e == s)
		return ROW_BAD;
	*irq = (struct lkm_irq){ .label = arena_put(a, s, (size_t)(e - s)),
				 .actions = "" };
	if (irq->label == NULL)
		return ROW_ENOMEM; /* cannot happen: the arena is sized from the text */
	irq->is_numbered = is_digits(s, (size_t)(e - s));
	p = e + 1;
	/* The caller made room for a full row, so the loop below stores without checking.
	 */
	while (irq->n_counts < irqs->n_cpus) {
		char *q = lkm_scan_blank(p), *r = q;
		uint64_t v;
		bool ok;

		if (*q < '0' || *q > '9')
			break;
		ok = lkm_scan_u64(&r, &v);
		if (!is_blank_or_end(*r))
			break; /* "2-edge": the description starts here */
		if (!ok) {
			*n_counts_used = start;
			a->used = arena_start;
			return ROW_BAD; /* more than 64 bits: not a count we can trust */
		}
		irqs->counts[start + irq->n_counts++] = v;
		irq->total = irq->total > UINT64_MAX - v ? UINT64_MAX : irq->total + v;
		p = r;
	}
	*n_counts_used = start + irq->n_counts;
	p = lkm_scan_trim(p, p + strlen(p));
	irq->description = *p ? arena_put(a, p, strlen(p)) : "";
	if (irq->description == NULL ||
	    (irq->is_numbered && !split_description(irq, a, irq->description))) {
		*n_counts_used = start;
		a->used = arena_start;
		return ROW_BAD;
	}
	return ROW_OK;
}

/* The first non-blank line names the CPUs; a colon there means the header is missing. */
static int parse_header(struct lkm_interrupts *irqs, char **p, struct arena *a)
{
	char *line, *tok;

	while ((line = lkm_scan_line(p)) != NULL) {
		if (*lkm_scan_blank(line) != '\0')
			break;
	}
	if (line == NULL || strchr(line, ':') != NULL)
		return -EINVAL;
	while ((tok = lkm_scan_token(&line)) != NULL) {
		int err = lkm_array_room(irqs->cpus, irqs->n_cpus, irqs->cpus_cap);

		if (err < 0)
			return err;
		irqs->cpus[irqs->n_cpus] = arena_put(a, tok, strlen(tok));
		if (irqs->cpus[irqs->n_cpus++] == NULL)
			return -ENOMEM; /* cannot happen: the arena is sized from the text
					 */
	}
	return 0;
}

static void reset(struct lkm_interrupts *irqs)
{
	irqs->n = 0;
	irqs->n_cpus = 0;
	irqs->skipped = 0;
}

int lkm_interrupts_parse(struct lkm_interrupts *irqs, char *text)
{
	struct arena a;
	size_t len, n_counts_used = 0, off = 0;
	char *p = text, *line;
	int err;

	reset(irqs);
	if (text == NULL)
		return -EINVAL;
	len = strlen(text);
	if (len >= SIZE_MAX / 2 - 1)
		return -ENOMEM;
	if (irqs->arena_cap < 2 * (len + 1)) {
		char *na = realloc(irqs->arena, 2 * (len + 1));

		if (na == NULL)
			return -ENOMEM;
		irqs->arena = na;
		irqs->arena_cap = 2 * (len + 1);
	}
	a = (struct arena){ .base = irqs->arena, .cap = irqs->arena_cap };
	err = parse_header(irqs, &p, &a);
	if (err < 0)
		goto fail;
	while ((line = lkm_scan_line(&p)) != NULL) {
		err = lkm_array_room(irqs->v, irqs->n, irqs->cap);
		if (err >= 0)
			err = reserve_counts(irqs, n_counts_used, p);
		if (err < 0)
			goto fail;
		switch (parse_row(irqs, line, &a, &n_counts_used)) {
		case ROW_OK: irqs->n++; break;
		case ROW_BLANK: break;
		case ROW_BAD: irqs->skipped++; break;
		case ROW_ENOMEM: err = -ENOMEM; goto fail;
		}
	}
	/* The counts array grew while rows were read; point into it only now. */
	for (size_t i = 0; i < irqs->n; i++) {
		struct lkm_irq *irq = &irqs->v[i];

		irq->counts = irq->n_counts ? irqs->counts + off : NULL;
		off += irq->n_counts;
	}
	return 0;
fail:
	reset(irqs);
	return err;
}

int lkm_interrupts_read(struct lkm_interrupts *irqs, const struct lkm_sysroot *root)
{
	int err = lkm_procfile_read(root, "/proc/interrupts", &irqs->buf);

	if (err < 0) {
		reset(irqs);
		return err;
	}
	return lkm_interrupts_parse(irqs, irqs->buf.data);
}

const struct lkm_irq *lkm_interrupts_find(const struct lkm_interrupts *irqs,
					  const char *label)
{
	if (label == NULL)
		return NULL;
	for (size_t i = 0; i < irqs->n; i++)
		if (strcmp(irqs->v[i].label, label) == 0)
			return &irqs->v[i];
	return NULL;
}

const char *lkm_irq_next_action(const struct lkm_irq *irq, const char *action)
{
	const char *a = irq->actions;

	if (irq->n_actions == 0)
		return NULL;
	if (action == NULL)
		return a;
	/* Walk from the first so a pointer that is not one of ours ends the iteration. */
	for (size_t i = 0; i + 1 < irq->n_actions; i++) {
		const char *next = a + strlen(a) + 1;

		if (a == action)
			return next;
		a = next;
	}
	return NULL;
}

void lkm_interrupts_release(struct lkm_interrupts *irqs)
{
	free(irqs->cpus);
	free(irqs->v);
	free(irqs->counts);
	free(irqs->arena);
	lkm_buf_release(&irqs->buf);
	memset(irqs, 0, sizeof(*irqs));
}
