# kernel-facts: what this Debian kernel and kmod really do for each case
# lkmtui must handle.  Uses only busybox and kmod's tools (by full path).
F=$MODDIR/kernel/fs/fat
N=$MODDIR/kernel/drivers/net/ethernet/8390
X=$MODDIR/extra

echo "## a prerequisite missing: msdos before fat"
t $KMOD/insmod $F/msdos$KO
klog > /tmp/k
grep -c 'msdos: Unknown symbol' /tmp/k | sed 's/^/unknown-symbol lines: /'
grep fat_add_entries /tmp/k
t $KMOD/modprobe msdos
mods
t $KMOD/rmmod fat
klog
t $KMOD/modprobe -r msdos
mods

echo "## a symbol nobody exports"
t $KMOD/insmod $X/demo_needs_missing.ko
klog

echo "## a dependency pair of our own"
t $KMOD/insmod $X/demo_consumer.ko
klog
t $KMOD/modprobe demo_consumer
klog
mods
t $KMOD/rmmod demo_provider
t $KMOD/modprobe -r demo_consumer
mods

echo "## parameters: demo_ne io=0x300 irq=11"
t $KMOD/insmod $X/demo_ne.ko io=0x300 irq=11 name=ne0 media=1,2 full_duplex=1
klog
for p in io irq name media full_duplex nodev; do show /sys/module/demo_ne/parameters/$p; done
ls -l /sys/module/demo_ne/parameters | awk '{ print $1, $NF }'
sh_t 'echo 7 > /sys/module/demo_ne/parameters/irq'
show /sys/module/demo_ne/parameters/irq
sh_t 'echo 0x280 > /sys/module/demo_ne/parameters/io'
show /sys/module/demo_ne/parameters/io
show /sys/module/demo_ne/taint /sys/module/demo_ne/initstate /sys/module/demo_ne/refcnt
t $KMOD/rmmod demo_ne
klog
t $KMOD/insmod $X/demo_ne.ko bogus=1
klog
t $KMOD/rmmod demo_ne
klog
t $KMOD/insmod $X/demo_ne.ko irq=eleven
klog
t $KMOD/insmod $X/demo_ne.ko io=0x300 nodev=1
klog
mod_state demo_ne

echo "## a module with no exit function"
t $KMOD/insmod $X/demo_permanent.ko
klog
mod_state demo_permanent
t $KMOD/rmmod demo_permanent
t $KMOD/rmmod -f demo_permanent
klog
mod_state demo_permanent

echo "## a module built for another flavour"
t $KMOD/insmod /lab/fat-cloud.ko
klog | shapes

echo "## an object file that is not a module"
t $KMOD/insmod /lab/not_a_module.o
klog

echo "## a truncated module"
t $KMOD/insmod /lab/demo_ne-truncated.ko
klog

echo "## already loaded"
t $KMOD/insmod $F/fat$KO
t $KMOD/insmod $F/fat$KO
klog
t $KMOD/rmmod fat

echo "## not loaded"
t $KMOD/rmmod vfat
klog
t $KMOD/modprobe no_such_module

echo "## compressed modules"
t $KMOD/insmod /lab/demo_ne.ko.xz
klog
t $KMOD/rmmod demo_ne
klog
t $KMOD/insmod /lab/demo_ne.ko.zst
t $KMOD/rmmod demo_ne
klog
t insmod /lab/demo_ne.ko.xz
klog
mod_state demo_ne
t rmmod demo_ne
klog

echo "## busybox's own insmod"
t insmod $X/demo_ne.ko io=0x300 irq=11
klog
mod_state demo_ne
t rmmod demo_ne
klog

echo "## the NE2000 card on IRQ 11: ne2k-pci needs 8390"
t $KMOD/insmod $N/ne2k-pci$KO
klog
t $KMOD/modprobe ne2k-pci
klog
mods
show /sys/class/net/eth0/operstate
readlink /sys/class/net/eth0/device/driver/module | sed 's,.*/,module: ,'
irq_line 11
t ip link set eth0 up
klog
irq_line 11
t $KMOD/rmmod 8390
klog
t ip link set eth0 down
klog
irq_line 11 | grep . || echo 'IRQ 11: no line'
t $KMOD/modprobe -r ne2k-pci
klog
ls /sys/class/net
mods

echo "## modules_disabled"
t $KMOD/insmod $F/fat$KO
sh_t 'echo 1 > /proc/sys/kernel/modules_disabled'
t $KMOD/insmod $X/demo_ne.ko
t $KMOD/rmmod fat
klog
show /proc/sys/kernel/tainted
mods
