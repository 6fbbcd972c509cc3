# module-states: a module mid-load shows "Loading" (initstate coming), mid-unload
# "Unloading" with use count -1 (initstate going); loading it again meanwhile
# gets EBUSY.  demo_ne's init_delay_ms/exit_delay_ms stretch those moments.
X=$MODDIR/extra
wait_state() {	# wait_state STATE: until demo_ne's /proc/modules line says STATE
	i=0
	while ! grep -q "^demo_ne .* $1 " /proc/modules && [ $i -lt 200 ]; do
		sleep 0.05; i=$((i + 1))
	done
}
$KMOD/insmod $X/demo_ne.ko init_delay_ms=3000 > /tmp/load.out 2>&1 &
wait_state Loading
mod_state demo_ne
show /sys/module/demo_ne/initstate
wait
cat /tmp/load.out
mod_state demo_ne
show /sys/module/demo_ne/initstate
sh_t 'echo 3000 > /sys/module/demo_ne/parameters/exit_delay_ms'
$KMOD/rmmod demo_ne > /tmp/unload.out 2>&1 &
wait_state Unloading
mod_state demo_ne
show /sys/module/demo_ne/initstate
t $KMOD/insmod $X/demo_ne.ko
wait
cat /tmp/unload.out
mod_state demo_ne
klog
