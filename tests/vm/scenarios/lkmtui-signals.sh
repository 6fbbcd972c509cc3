# needs: lkmtui
# preload: stepgate
# python
# qemu: -m 1024
# timeout: 240
# lkmtui-signals: signals in the middle of a multi-step operation, on the real kernel.
#   - SIGTERM between the two inserts of 'lkmtui load msdos' (fat, then msdos): lkmtui
#     says fat was inserted and msdos not, exits 143, and /proc/modules agrees (fat, no
#     msdos). The moment is made exact by tests/preload/stepgate.c (after each module
#     syscall lkmtui waits for a line on the FIFO LKMTUI_STEP_GATE): the signal is sent
#     once fat is live, then fat's step is let return and lkmtui meets the stop before
#     msdos's.
#   - the same for 'lkmtui unload --stack msdos' (msdos, then fat): msdos removed, fat
#     kept.
#   - SIGTERM while 'load --persist' waits for lkmtui.conf's lock (held by python3's
#     fcntl.flock, as another lkmtui would hold it; lkmtui is seen blocked in flock(2) in
#     /proc/PID/syscall before the signal): the module is loaded, the options are saved
#     whole once the lock is free, lkmtui reports both steps done and exits 143, and no
#     temporary file is left in /etc/modprobe.d.
#   - 20 'load --persist' at once (copies of demo_ne.ko renamed dm_ne00 ... dm_ne19):
#     all 20 loaded, all 20 lines in lkmtui.conf and nothing else but its comment, no
#     temporary file (the flock around the read-modify-write, as tests/cli/hostile.test
#     shows with the fake kernel).
# Python is here to hold the lock (busybox has no flock applet) and to copy demo_ne.
G=/tmp/gate
mkfifo "$G"
conf=/etc/modprobe.d/lkmtui.conf
mkdir -p /etc/modprobe.d

# let_step: lets the step lkmtui waits on at the gate return (blocks until it waits there).
let_step() {
	echo go >"$G"
}
# wait_until TEXT CMD...: polls CMD's output until it has a line starting with TEXT (30 s).
wait_until() {
	want=$1
	shift
	n=0
	until "$@" 2>/dev/null | grep -q "^$want"; do
		n=$((n + 1))
		if [ $n -gt 300 ]; then
			echo "never saw '$want' in the output of $*"
			return 1
		fi
		sleep 0.1
	done
}
# report: what the background lkmtui printed, and how it ended ($pid).
report() {
	wait "$pid" 2>/dev/null # not the shell's "Terminated"
	rc=$?
	cat /tmp/out
	echo "--- stderr"
	cat /tmp/err
	echo "[rc=$rc]"
}

# term_between WHEN ARGS...: lkmtui ARGS, held after each step by the gate; SIGTERM once
# fat alone is live (after the first step), then what lkmtui reported and the modules.
term_between() {
	when=$1
	shift
	echo "\$ lkmtui $*   (SIGTERM once $when)"
	LD_PRELOAD=/lib/lkmtui-test/stepgate.so LKMTUI_STEP_GATE=$G lkmtui "$@" >/tmp/out \
		2>/tmp/err &
	pid=$!
	wait_until 'fat 0 - Live' mods
	kill -TERM "$pid"
	let_step
	report
	mods
}

echo "--- SIGTERM between the inserts of fat and msdos"
mods
term_between "fat is live" load msdos

echo "--- SIGTERM between the removals of msdos and fat"
t lkmtui load msdos
mods
term_between "msdos is gone" unload --stack msdos
t lkmtui unload fat
mods

echo "--- SIGTERM while load --persist waits for lkmtui.conf's lock"
mkfifo /tmp/release
python3 -c '
import fcntl, sys
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
print("lock held", flush=True)
sys.stdin.read()
' /etc/modprobe.d/.lkmtui.conf.lock </tmp/release >/tmp/holder &
holder=$!
exec 3>/tmp/release
wait_until 'lock held' cat /tmp/holder
echo "\$ lkmtui load --persist demo_ne io=0x300 irq=5   (SIGTERM while it waits for the lock)"
# (not holding the holder's FIFO open: it would never see its end)
lkmtui load --persist demo_ne io=0x300 irq=5 >/tmp/out 2>/tmp/err 3>&- &
pid=$!
# 73: flock(2) on x86-64
wait_until '73 ' cat "/proc/$pid/syscall"
kill -TERM "$pid"
exec 3>&-
wait "$holder"
report
mods
show "$conf"
echo "--- /etc/modprobe.d"
ls -1A /etc/modprobe.d
t lkmtui unload demo_ne

echo "--- 20 'load --persist' at once"
# Twenty modules of their own: copies of demo_ne.ko renamed dm_ne00 ... dm_ne19 (the same
# length: the name in .modinfo, in the module struct and in its strings).
python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
for i in range(20):
    open("/tmp/dm_ne%02d.ko" % i, "wb").write(data.replace(b"demo_ne", b"dm_ne%02d" % i))
' "$MODDIR/extra/demo_ne.ko"
i=0
while [ $i -lt 20 ]; do
	n=$(printf 'dm_ne%02d' $i)
	(
		lkmtui load --persist "/tmp/$n.ko" irq=$i
		echo "[rc=$?]"
	) >"/tmp/w$i.out" 2>&1 &
	i=$((i + 1))
done
wait
# Each writer's report, less the kernel lines it caught (those of the others' loads too).
i=0
while [ $i -lt 20 ]; do
	echo "\$ lkmtui load --persist /tmp/$(printf 'dm_ne%02d' $i).ko irq=$i"
	grep -v '^  kernel: ' "/tmp/w$i.out"
	i=$((i + 1))
done
mods | sort
echo "--- lkmtui.conf: its comment, then its options lines sorted"
grep -v '^options ' "$conf"
grep '^options ' "$conf" | sort
echo "--- /etc/modprobe.d"
ls -1A /etc/modprobe.d
i=0
while [ $i -lt 20 ]; do
	lkmtui unload "$(printf 'dm_ne%02d' $i)" >/dev/null || echo "dm_ne$i: not unloaded"
	i=$((i + 1))
done
mods
