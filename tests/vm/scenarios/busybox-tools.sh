# busybox-tools: what busybox's insmod/rmmod/lsmod say for the same cases (a
# module loaded by another tool must still be shown right).  Busybox's insmod
# tries finit_module and then init_module, so the kernel logs each failure twice.
X=$MODDIR/extra
t insmod /lab/not_a_module.o
t insmod /lab/fat-cloud.ko
t insmod $MODDIR/kernel/fs/fat/msdos$KO
klog > /tmp/k; grep -c 'msdos: Unknown symbol' /tmp/k | sed 's/^/unknown-symbol lines: /'
grep -v 'msdos: Unknown symbol' /tmp/k | shapes
t insmod $X/demo_ne.ko nodev=1
t insmod $X/demo_ne.ko io=0x300 irq=11
t insmod $X/demo_ne.ko
t insmod /lab/demo_permanent.ko
t rmmod demo_permanent
t rmmod vfat
t insmod /lab/msdos.ko.xz
t insmod $MODDIR/kernel/fs/fat/fat$KO
t insmod /lab/msdos.ko.zst
# Sizes move with every build of a module: the column is SIZE.
sizeless() { sed -E 's/^([a-z0-9_]+) +[0-9]+ +/\1 SIZE /'; }
t lsmod | sizeless
t $KMOD/lsmod | sizeless
mods
t rmmod msdos fat
klog
