// SPDX-License-Identifier: GPL-2.0
/*
 * demo_ne: an NE2000-like driver for lkmtui's tests, after the classic
 * "insmod ne.o io=0x300 irq=11".  It touches no hardware: "nodev=1" makes
 * its init fail the way a driver that finds no card does (-ENODEV).
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static unsigned long io = 0x300;
module_param(io, ulong, 0444);
MODULE_PARM_DESC(io, "I/O base address of the card (read-only once loaded)");

static int irq = 11;
module_param(irq, int, 0644);
MODULE_PARM_DESC(irq, "IRQ line of the card (writable)");

static char *name = "demo0";
module_param(name, charp, 0444);
MODULE_PARM_DESC(name, "Interface name");

static bool full_duplex;
module_param(full_duplex, bool, 0644);
MODULE_PARM_DESC(full_duplex, "Use full duplex");

static int media[4];
static int nr_media;
module_param_array(media, int, &nr_media, 0444);
MODULE_PARM_DESC(media, "Media type per card (up to 4)");

static bool nodev;
module_param(nodev, bool, 0444);
MODULE_PARM_DESC(nodev, "Pretend no card answers at io (init fails with -ENODEV)");

/* Make the Loading and Unloading states last long enough to be seen. */
static unsigned int init_delay_ms;
module_param(init_delay_ms, uint, 0444);
MODULE_PARM_DESC(init_delay_ms, "Sleep this long in init (shows the Loading state)");

static unsigned int exit_delay_ms;
module_param(exit_delay_ms, uint, 0644);
MODULE_PARM_DESC(exit_delay_ms, "Sleep this long in exit (shows the Unloading state)");

static int __init demo_ne_init(void)
{
	if (init_delay_ms)
		msleep(init_delay_ms);
	if (nodev) {
		pr_err("demo_ne: no card found at io=0x%lx\n", io);
		return -ENODEV;
	}
	pr_info("demo_ne: %s at io=0x%lx irq=%d\n", name, io, irq);
	return 0;
}

static void __exit demo_ne_exit(void)
{
	if (exit_delay_ms)
		msleep(exit_delay_ms);
	pr_info("demo_ne: %s removed\n", name);
}

module_init(demo_ne_init);
module_exit(demo_ne_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("NE2000-like demo driver with io/irq parameters");
MODULE_LICENSE("GPL");
