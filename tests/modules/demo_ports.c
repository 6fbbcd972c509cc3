// SPDX-License-Identifier: GPL-2.0
/*
 * demo_ports: claims 8 I/O ports at io= (request_region), as an ISA NE2000 driver does at
 * io=0x300, and fails with -EBUSY when something else holds them. demo_ports2 is the same
 * code under another name: loaded after it with the same io=, it is refused.
 */
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static unsigned long io = 0x300;
module_param(io, ulong, 0444);
MODULE_PARM_DESC(io, "I/O base address to claim (8 ports)");

static int __init demo_ports_init(void)
{
	if (!request_region(io, 8, KBUILD_MODNAME)) {
		pr_err(KBUILD_MODNAME ": I/O ports 0x%lx-0x%lx already in use\n", io,
		       io + 7);
		return -EBUSY;
	}
	pr_info(KBUILD_MODNAME ": claimed I/O ports 0x%lx-0x%lx\n", io, io + 7);
	return 0;
}

static void __exit demo_ports_exit(void)
{
	release_region(io, 8);
}

module_init(demo_ports_init);
module_exit(demo_ports_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("Claims I/O ports at io=");
MODULE_LICENSE("GPL");
