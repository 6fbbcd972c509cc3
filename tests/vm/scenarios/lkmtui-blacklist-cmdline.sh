# needs: lkmtui
# append: module_blacklist=msdos
# lkmtui-blacklist-cmdline: module_blacklist= on the kernel command line makes the kernel
# refuse msdos (EPERM, "Module msdos is blacklisted") by name and by file; lkmtui names it
# blacklisted-by-kernel with the command line as evidence, and explain foresees it.
klog > /dev/null
echo "cmdline: $(tr ' ' '\n' < /proc/cmdline | grep '^module_blacklist=')"
t lkmtui explain msdos
t lkmtui load msdos
mod_state msdos
mod_state fat
t lkmtui load vfat
mod_state vfat
klog
