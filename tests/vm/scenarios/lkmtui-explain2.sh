# needs: lkmtui
# lkmtui-explain2: the failures people post, each named as its own kind with the kernel's
# own line agreeing: a namespace not imported, a duplicate export, I/O ports another
# driver holds (named from /proc/ioports), an unload refused because a process holds the
# module's device file open (named from /proc/*/fd), a module copied in without depmod,
# and the running kernel's module tree gone (an upgrade, reboot pending).
klog > /dev/null
t lkmtui load demo_ns_provider
t lkmtui explain demo_ns_user
t lkmtui load demo_ns_user
mod_state demo_ns_user
klog
t lkmtui load demo_provider
t lkmtui explain demo_dup
t lkmtui load demo_dup
mod_state demo_dup
klog
t lkmtui explain demo_ports2 io=0x3f8
t lkmtui load demo_ports io=0x300
t lkmtui load demo_ports2 io=0x300
mod_state demo_ports2
t lkmtui load demo_ports2 io=0x3f8
mod_state demo_ports2
klog
t lkmtui load demo_chr
mknod /dev/demo_chr c "$(sed -n 's/^ *\([0-9]*\) demo_chr$/\1/p' /proc/devices)" 0
sleep 600 < /dev/demo_chr &
holder=$!
sh_t 'lkmtui unload demo_chr 2>&1 | sed -e "s/pid [0-9]*/pid PID/g" -e "s/kill [0-9]*/kill PID/"'
kill $holder
wait $holder 2>/dev/null
t lkmtui unload demo_chr
mod_state demo_chr
cp $MODDIR/extra/demo_ports.ko $MODDIR/extra/demo_copied.ko
t lkmtui load demo_copied
t lkmtui explain --json demo_copied
rm $MODDIR/extra/demo_copied.ko
mv $MODDIR /lib/modules/0.0.0-lab-removed
t lkmtui load msdos
mv /lib/modules/0.0.0-lab-removed $MODDIR
klog
