// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "largehost.h"

static const char *const named_rows[] = {
	"NMI", "LOC", "SPU", "PMI", "IWI", "RTR", "RES", "CAL", "TLB", "TRM",
	"THR", "DFR", "MCE", "MCP", "HYP", "HRE", "HVS", "PIN", "NPI", "PIW",
};

unsigned long long largehost_count(size_t irq, size_t cpu)
{
	return (unsigned long long)(irq * 7919u + cpu * 104729u) % 100000000u;
}

static FILE *open_in(const char *dir, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return fopen(path, "w");
}

static int finish(FILE *f)
{
	int bad = ferror(f);

	return fclose(f) != 0 || bad ? -EIO : 0;
}

int largehost_write(const char *dir, const struct largehost_shape *s)
{
	char path[4096];
	FILE *f;
	int err;

	snprintf(path, sizeof(path), "%s/proc", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/proc/net", dir);
	mkdir(path, 0755);

	f = open_in(dir, "proc/modules");
	if (f == NULL)
		return -errno;
	for (size_t i = 0; i < s->modules; i++) {
		/* Every 7th module is used by the next one, as fat is by msdos. */
		if (i % 7 == 0 && i + 1 < s->modules)
			fprintf(f, "mod_%04zu %zu 1 mod_%04zu, Live 0xffffffffc%07zx%s\n",
				i, 16384 + i * 8, i + 1, i * 0x1000,
				i % 5 == 0 ? " (OE)" : "");
		else
			fprintf(f, "mod_%04zu %zu 0 - Live 0xffffffffc%07zx%s\n", i,
				16384 + i * 8, i * 0x1000, i % 5 == 0 ? " (OE)" : "");
	}
	if ((err = finish(f)) < 0)
		return err;

	f = open_in(dir, "proc/devices");
	if (f == NULL)
		return -errno;
	fputs("Character devices:\n", f);
	for (unsigned m = 1; m <= 200; m++)
		fprintf(f, "%3u chr%u\n", m, m);
	fputs("\nBlock devices:\n", f);
	for (unsigned m = 1; m <= 60; m++)
		fprintf(f, "%3u blk%u\n", 200 + m, m);
	if ((err = finish(f)) < 0)
		return err;

	f = open_in(dir, "proc/interrupts");
	if (f == NULL)
		return -errno;
	fputs("     ", f);
	for (size_t c = 0; c < s->cpus; c++)
		fprintf(f, "CPU%-7zu ", c);
	fputc('\n', f);
	for (size_t i = 0; i < s->irqs; i++) {
		fprintf(f, "%4zu:", i);
		for (size_t c = 0; c < s->cpus; c++)
			fprintf(f, " %10llu", largehost_count(i, c));
		fprintf(f, "  IR-PCI-MSI %zu-edge      eth%zu-TxRx-%zu\n", 524288 + i,
			i % 8, i);
	}
	for (size_t r = 0; r < sizeof(named_rows) / sizeof(named_rows[0]); r++) {
		fprintf(f, "%4s:", named_rows[r]);
		for (size_t c = 0; c < s->cpus; c++)
			fprintf(f, " %10zu", r + c);
		fputs("   Named interrupts\n", f);
	}
	fprintf(f, " ERR:          0\n MIS:          0\n");
	if ((err = finish(f)) < 0)
		return err;

	f = open_in(dir, "proc/net/dev");
	if (f == NULL)
		return -errno;
	fputs("Inter-|   Receive                                                |  "
	      "Transmit\n"
	      " face |bytes    packets errs drop fifo frame compressed multicast|bytes   "
	      " packets "
	      "errs drop fifo colls carrier compressed\n",
	      f);
	for (size_t i = 0; i < s->interfaces; i++)
		fprintf(f, "%6s%zu: %llu %zu 0 0 0 0 0 0 %llu %zu 0 0 0 0 0 0\n", "eth",
			i, 1000000000000ULL + i, i * 3, 2000000000000ULL + i, i * 5);
	return finish(f);
}
