# needs: lkmtui
# lkmtui-holders: the seed's "typical things" that keep a module in use, found by lkmtui
# itself on a real kernel: a mounted vfat file system holds vfat (and so fat, through
# vfat), and the loop device it is mounted from holds loop. The refusal names the mount
# and gives umount as the fix; after umount the same unload works. Before that, the
# major loop registers (/proc/devices) is in its info.
klog > /dev/null
t lkmtui load vfat
t lkmtui load nls_cp437
t lkmtui load nls_ascii
t lkmtui load loop
echo "--- the major a module registered, in its info"
sh_t 'grep -w loop /proc/devices'
sh_t 'lkmtui info loop | grep major'
sh_t 'lkmtui info --json loop | grep -A4 "\"majors\""'
dd if=/dev/zero of=/tmp/fat.img bs=1024 count=2048 2> /dev/null
mkdosfs /tmp/fat.img > /dev/null
mkdir -p /mnt/fat
sh_t 'mount -t vfat -o loop,iocharset=ascii /tmp/fat.img /mnt/fat'
echo "--- a mounted file system"
t lkmtui unload vfat
mod_state vfat
echo "--- a module that only another module holds"
t lkmtui unload fat
echo "--- after umount"
sh_t 'umount /mnt/fat'
t lkmtui unload --stack vfat
mod_state vfat
mod_state fat
klog
