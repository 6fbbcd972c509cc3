# needs: lkmtui
# full-tree
# timeout: 600
# lkmtui-explain3: the trouble around a load, each foreseen by explain before anything is
# loaded and named after the failure, the kernel's own line agreeing: a firmware file the
# driver's init needs and /lib/firmware lacks; kvm_intel on a CPU without VMX (TCG's
# -cpu max has svm, not vmx); a DKMS module built for another release only; options lines
# in modprobe.d that the kernel ignores; a major registered under a name unlike the
# module's, held through a node made with mknod.
klog > /dev/null
echo "--- firmware"
t lkmtui explain demo_fw
t lkmtui load demo_fw
mod_state demo_fw
klog
mkdir -p /lib/firmware/lkmlab
echo lab > /lib/firmware/lkmlab/demo_fw.bin
t lkmtui explain demo_fw
t lkmtui load demo_fw
mod_state demo_fw
klog
t lkmtui unload demo_fw
echo "--- CPU features"
# kvm and kvm_intel from the whole tree, into the small one (the 9p tree is read-only).
$KMOD/modprobe -a virtio_pci 9pnet_virtio 9p
mkdir -p /mnt/full
mount -t 9p -o trans=virtio,version=9p2000.L,ro fulltree /mnt/full
mkdir -p $MODDIR/kernel/arch/x86/kvm $MODDIR/kernel/virt/lib
cp /mnt/full/kernel/arch/x86/kvm/kvm*$KO $MODDIR/kernel/arch/x86/kvm/
cp /mnt/full/kernel/virt/lib/irqbypass$KO $MODDIR/kernel/virt/lib/
umount /mnt/full
$KMOD/depmod -a
klog > /dev/null
t lkmtui explain kvm_intel
t lkmtui load kvm_intel
mod_state kvm_intel
klog
echo "--- DKMS, built for another release only"
mkdir -p /usr/src/demo_dkms-1.0 /var/lib/dkms/demo_dkms/1.0/0.0.0-lab-old/x86_64/module \
	/var/lib/dkms/demo_dkms/1.0/0.0.0-lab-old/x86_64/log /lib/modules/0.0.0-lab-old/updates/dkms
printf 'PACKAGE_NAME="demo_dkms"\nPACKAGE_VERSION="1.0"\nBUILT_MODULE_NAME[0]="demo_dkms"\nDEST_MODULE_LOCATION[0]="/updates/dkms"\n' \
	> /usr/src/demo_dkms-1.0/dkms.conf
ln -s /usr/src/demo_dkms-1.0 /var/lib/dkms/demo_dkms/1.0/source
cp $MODDIR/extra/demo_permanent.ko /var/lib/dkms/demo_dkms/1.0/0.0.0-lab-old/x86_64/module/demo_dkms.ko
cp $MODDIR/extra/demo_permanent.ko /lib/modules/0.0.0-lab-old/updates/dkms/demo_dkms.ko
ln -s 1.0/0.0.0-lab-old/x86_64 /var/lib/dkms/demo_dkms/kernel-0.0.0-lab-old-x86_64
t lkmtui explain demo_dkms
t lkmtui load demo_dkms
echo "--- options lines the kernel ignores"
mkdir -p /etc/modprobe.d
printf '# lab\noptions demo_ne io=0x300 nosuchparam=1\noptions demo_ne name=lab #was: name=old\n' \
	> /etc/modprobe.d/lab.conf
t lkmtui explain demo_ne
t lkmtui load demo_ne
mod_state demo_ne
show /sys/module/demo_ne/parameters/name
klog
rm /etc/modprobe.d/lab.conf
t lkmtui unload demo_ne
echo "--- a major named unlike the module, a node made by hand"
t lkmtui load demo_frontend
grep lkmlab-frontend /proc/devices | sed 's/^ *[0-9]*/MAJOR/'
mknod /dev/lkmlab0 c "$(sed -n 's/^ *\([0-9]*\) lkmlab-frontend$/\1/p' /proc/devices)" 0
sleep 600 < /dev/lkmlab0 &
holder=$!
sh_t 'lkmtui unload demo_frontend 2>&1 | sed -e "s/pid [0-9]*/pid PID/g" -e "s/kill [0-9]*/kill PID/" -e "s/major [0-9]*/major N/"'
mod_state demo_frontend
kill $holder
wait $holder 2>/dev/null
t lkmtui unload demo_frontend
mod_state demo_frontend
klog
