# needs: lkmtui
# append: module.sig_enforce=1
# lkmtui-signature: a kernel booted with module.sig_enforce=1 loads Debian's own signed
# modules and refuses an unsigned one; lkmtui names it signature-rejected, with the
# kernel's line, the file's missing signature and the enforcement as evidence.
show /sys/module/module/parameters/sig_enforce
t lkmtui info fat
t lkmtui load fat
mod_state fat
t lkmtui info /lib/modules/$KVER/extra/demo_ne.ko
t lkmtui load demo_ne io=0x300 irq=11
mod_state demo_ne
sh_t 'lkmtui load --json demo_ne | grep -E "\"(kind|errno_name)\""'
klog
