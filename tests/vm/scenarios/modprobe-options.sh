# modprobe-options: options persisted in /etc/modprobe.d are used at the next
# modprobe (not by insmod); options on the command line win; a blacklist entry
# does not stop loading by name.
mkdir -p /etc/modprobe.d
echo "options demo_ne irq=5 name=persisted" > /etc/modprobe.d/demo_ne.conf
t $KMOD/modprobe demo_ne
show /sys/module/demo_ne/parameters/irq /sys/module/demo_ne/parameters/name
t $KMOD/modprobe -r demo_ne
t $KMOD/modprobe demo_ne irq=9
show /sys/module/demo_ne/parameters/irq /sys/module/demo_ne/parameters/name
t $KMOD/modprobe -r demo_ne
t $KMOD/insmod $MODDIR/extra/demo_ne.ko
show /sys/module/demo_ne/parameters/irq /sys/module/demo_ne/parameters/name
t $KMOD/rmmod demo_ne
echo "blacklist demo_ne" > /etc/modprobe.d/blacklist-demo.conf
t $KMOD/modprobe demo_ne
mod_state demo_ne
t $KMOD/modprobe -r demo_ne
t $KMOD/modprobe --show-depends msdos
t $KMOD/modprobe -n -v msdos
klog
