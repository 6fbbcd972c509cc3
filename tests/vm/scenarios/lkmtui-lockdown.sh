# needs: lkmtui
# append: lockdown=integrity
# lkmtui-lockdown: lockdown=integrity (no Secure Boot, no sig_enforce) loads Debian's signed
# modules and refuses an unsigned one with EPERM and a "Lockdown:" line; lkmtui names it
# lockdown, with the mode, the file's missing signature and where lockdown comes from.
klog > /dev/null
mount -t securityfs securityfs /sys/kernel/security
show /sys/kernel/security/lockdown /sys/module/module/parameters/sig_enforce
t lkmtui load fat
mod_state fat
t lkmtui explain demo_ne
t lkmtui load demo_ne
mod_state demo_ne
klog
