# needs: lkmtui
# lkmtui-params: parameters given at load reach /sys/module/NAME/parameters
# (io=0x300 reads back 768); `set` changes a writable one and refuses a
# read-only one; a second load with other values changes nothing (already
# loaded); --persist writes /etc/modprobe.d/lkmtui.conf, which the next load by
# name (lkmtui's and kmod's modprobe alike) uses; `info` on the .ko, .ko.xz and
# .ko.zst shows the same fields; a value of the wrong type loads nothing.
P=/sys/module/demo_ne/parameters
params() { show $P/io $P/irq $P/name; }

echo "--- load with io and irq"
t lkmtui load demo_ne io=0x300 irq=11
mod_state demo_ne
params
sh_t "ls -l $P | awk 'NR > 1 { print \$1, \$NF }'"
echo "--- set"
t lkmtui set --dry-run demo_ne irq=7
show $P/irq
t lkmtui set demo_ne irq=7
show $P/irq
t lkmtui set demo_ne io=0x280
show $P/io
t lkmtui set --json demo_ne io=0x280
show $P/io
echo "--- load again with other values"
t lkmtui load demo_ne io=0x240 irq=5
params
mod_state demo_ne
echo "--- persist"
t lkmtui unload demo_ne
mod_state demo_ne
show /etc/modprobe.d/lkmtui.conf
t lkmtui load demo_ne --persist io=0x240 irq=5
show /etc/modprobe.d/lkmtui.conf
params
t lkmtui unload demo_ne
t lkmtui load --dry-run demo_ne
mod_state demo_ne
t lkmtui load demo_ne
params
t lkmtui load --dry-run demo_ne irq=9
t lkmtui unload demo_ne
t lkmtui load demo_ne irq=9
params
t lkmtui unload demo_ne
echo "(kmod reads the same modprobe.d)"
t $KMOD/modprobe demo_ne
params
t lkmtui unload demo_ne
echo "(insmod and a load by file ignore it)"
t lkmtui load $MODDIR/extra/demo_ne.ko
params
t lkmtui unload demo_ne
mod_state demo_ne

echo "--- info on the plain and the compressed files"
for f in /lab/demo_ne.ko /lab/demo_ne.ko.xz /lab/demo_ne.ko.zst; do
	lkmtui info $f > /tmp/info.${f##*.} 2>&1; echo "lkmtui info $f: rc=$?"
done
cat /tmp/info.ko
sh_t 'diff /tmp/info.ko /tmp/info.xz'
sh_t 'diff /tmp/info.ko /tmp/info.zst'
sh_t 'lkmtui info --json /lab/demo_ne.ko > /tmp/j.ko; lkmtui info --json /lab/demo_ne.ko.zst > /tmp/j.zst; diff /tmp/j.ko /tmp/j.zst'

echo "--- a value of the wrong type"
t lkmtui load demo_ne irq=eleven
mod_state demo_ne
t lkmtui load --json demo_ne irq=eleven
mod_state demo_ne
klog
