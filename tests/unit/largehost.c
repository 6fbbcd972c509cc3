// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
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

/* Makes every directory of PATH under DIR, as mkdir -p. */
static int mkdirs(const char *dir, const char *path)
{
	char p[4096];

	snprintf(p, sizeof(p), "%s/%s", dir, path);
	for (char *c = p + strlen(dir) + 1; *c; c++)
		if (*c == '/') {
			*c = '\0';
			mkdir(p, 0755);
			*c = '/';
		}
	return mkdir(p, 0755) < 0 && errno != EEXIST ? -errno : 0;
}

/* Writes TEXT to DIR/NAME. */
static int put(const char *dir, const char *name, const void *text, size_t len)
{
	FILE *f = open_in(dir, name);

	if (f == NULL)
		return -errno;
	fwrite(text, 1, len, f);
	return finish(f);
}

static int puts_in(const char *dir, const char *name, const char *text)
{
	return put(dir, name, text, strlen(text));
}

static int link_in(const char *dir, const char *target, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return symlink(target, path) < 0 && errno != EEXIST ? -errno : 0;
}

/* A driver of BUS in module MODULE: its directory, bind files and module link. */
static int driver(const char *dir, const char *bus, const char *name, const char *module)
{
	char p[512], t[512];
	int err;

	snprintf(p, sizeof(p), "sys/bus/%s/drivers/%s", bus, name);
	err = mkdirs(dir, p);
	snprintf(p, sizeof(p), "sys/module/%s", module);
	if (err == 0)
		err = mkdirs(dir, p);
	snprintf(p, sizeof(p), "sys/module/%s/initstate", module);
	if (err == 0)
		err = puts_in(dir, p, "live\n");
	snprintf(p, sizeof(p), "sys/bus/%s/drivers/%s/module", bus, name);
	snprintf(t, sizeof(t), "../../../../module/%s", module);
	return err == 0 ? link_in(dir, t, p) : err;
}

/* PCI function I: 0000:BB:SS.F, a modalias from one of four vendors' ids, its config
 * space's first 64 bytes as lspci reads them, every other one bound to e1000. */
static int pci_function(const char *dir, size_t i)
{
	static const unsigned ids[][3] = { { 0x8086, 0x100e, 0x020000 },
					   { 0x10ec, 0x8139, 0x020000 },
					   { 0x1af4, 0x1001, 0x010000 },
					   { 0x1b36, 0x000d, 0x0c0330 } };
	const unsigned *id = ids[i % 4];
	unsigned char config[64] = { 0 };
	char addr[32], p[256], t[512], text[256];
	int err;

	snprintf(addr, sizeof(addr), "0000:%02zx:%02zx.%zu", i / 256, (i / 8) % 32,
		 i % 8);
	snprintf(p, sizeof(p), "sys/devices/pci0000:00/%s", addr);
	err = mkdirs(dir, p);
	snprintf(text, sizeof(text),
		 "pci:v%08Xd%08Xsv00001AF4sd00001100bc%02Xsc%02Xi%02X\n", id[0], id[1],
		 id[2] >> 16, (id[2] >> 8) & 0xff, id[2] & 0xff);
	snprintf(t, sizeof(t), "%s/modalias", p);
	if (err == 0)
		err = puts_in(dir, t, text);
	snprintf(t, sizeof(t), "%s/vendor", p);
	snprintf(text, sizeof(text), "0x%04x\n", id[0]);
	if (err == 0)
		err = puts_in(dir, t, text);
	snprintf(t, sizeof(t), "%s/device", p);
	snprintf(text, sizeof(text), "0x%04x\n", id[1]);
	if (err == 0)
		err = puts_in(dir, t, text);
	snprintf(t, sizeof(t), "%s/class", p);
	snprintf(text, sizeof(text), "0x%06x\n", id[2]);
	if (err == 0)
		err = puts_in(dir, t, text);
	config[0] = id[0] & 0xff, config[1] = id[0] >> 8;
	config[2] = id[1] & 0xff, config[3] = id[1] >> 8;
	config[9] = id[2] & 0xff, config[10] = (id[2] >> 8) & 0xff,
	config[11] = id[2] >> 16;
	snprintf(t, sizeof(t), "%s/config", p);
	if (err == 0)
		err = put(dir, t, config, sizeof(config));
	snprintf(t, sizeof(t), "%s/irq", p);
	if (err == 0)
		err = puts_in(dir, t, "11\n");
	snprintf(t, sizeof(t), "sys/bus/pci/devices/%s", addr);
	snprintf(text, sizeof(text), "../../../devices/pci0000:00/%s", addr);
	if (err == 0)
		err = link_in(dir, text, t);
	snprintf(t, sizeof(t), "%s/driver", p);
	if (err == 0 && i % 2 == 0)
		err = link_in(dir, "../../../bus/pci/drivers/e1000", t);
	/* The driver's directory links the devices it drives. */
	snprintf(t, sizeof(t), "sys/bus/pci/drivers/e1000/%s", addr);
	snprintf(text, sizeof(text), "../../../../devices/pci0000:00/%s", addr);
	if (err == 0 && i % 2 == 0)
		err = link_in(dir, text, t);
	return err;
}

/* USB device I (1-I) and its interface 1-I:1.0, every third bound to usbhid. */
static int usb_device(const char *dir, size_t i)
{
	char p[256], t[512], text[256];
	int err;

	snprintf(p, sizeof(p), "sys/devices/usb1/1-%zu/1-%zu:1.0", i + 1, i + 1);
	err = mkdirs(dir, p);
	snprintf(text, sizeof(text),
		 "usb:v%04zXp%04zXd0100dc00dsc00dp00ic03isc01ip01in00\n", 0x0627 + i % 16,
		 i);
	snprintf(t, sizeof(t), "%s/modalias", p);
	if (err == 0)
		err = puts_in(dir, t, text);
	snprintf(t, sizeof(t), "sys/bus/usb/devices/1-%zu", i + 1);
	snprintf(text, sizeof(text), "../../../devices/usb1/1-%zu", i + 1);
	if (err == 0)
		err = link_in(dir, text, t);
	snprintf(t, sizeof(t), "sys/bus/usb/devices/1-%zu:1.0", i + 1);
	snprintf(text, sizeof(text), "../../../devices/usb1/1-%zu/1-%zu:1.0", i + 1,
		 i + 1);
	if (err == 0)
		err = link_in(dir, text, t);
	snprintf(t, sizeof(t), "%s/driver", p);
	if (err == 0 && i % 3 == 0)
		err = link_in(dir, "../../../../bus/usb/drivers/usbhid", t);
	snprintf(t, sizeof(t), "sys/bus/usb/drivers/usbhid/1-%zu:1.0", i + 1);
	snprintf(text, sizeof(text), "../../../../devices/usb1/1-%zu/1-%zu:1.0", i + 1,
		 i + 1);
	if (err == 0 && i % 3 == 0)
		err = link_in(dir, text, t);
	return err;
}

static int write_devices(const char *dir, const struct largehost_shape *s)
{
	int err = 0;

	if (s->pci)
		err = mkdirs(dir, "sys/bus/pci/devices");
	if (err == 0 && s->pci)
		err = driver(dir, "pci", "e1000", "e1000");
	for (size_t i = 0; err == 0 && i < s->pci; i++)
		err = pci_function(dir, i);
	if (err == 0 && s->usb)
		err = mkdirs(dir, "sys/bus/usb/devices");
	if (err == 0 && s->usb)
		err = driver(dir, "usb", "usbhid", "usbhid");
	for (size_t i = 0; err == 0 && i < s->usb; i++)
		err = usb_device(dir, i);
	return err;
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
	if ((err = finish(f)) < 0)
		return err;
	return write_devices(dir, s);
}
