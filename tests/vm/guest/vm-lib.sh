# Helpers sourced before every scenario script in the guest (/lib/vm-lib.sh).
# Output must be the same on every run: no addresses, sizes, timestamps or counts.

KVER=$(cat /etc/lkmtui-kver)
MODDIR=/lib/modules/$KVER
KMOD=/opt/kmod/bin
# The tree's module suffix: .ko on Debian's 6.1, .ko.xz on its 6.12.
KO=$(cat /etc/lkmtui-ko)
export KVER MODDIR KMOD KO

# full_tree: the kernel's whole module tree (a scenario with a "# full-tree"
# line; boot.sh shares it over 9p) mounted read-only over the small one.
full_tree() {
	$KMOD/modprobe -a virtio_pci 9pnet_virtio 9p &&
		mount -t 9p -o trans=virtio,version=9p2000.L,ro fulltree "$MODDIR"
}

# ms CMD...: CMD's mean wall time over five runs in milliseconds, on stdout (its
# output dropped). busybox's date has no %N: /proc/uptime counts hundredths.
ms() {
	_t0=$(tr -d . < /proc/uptime | cut -d' ' -f1)
	for _i in 1 2 3 4 5; do "$@" > /dev/null 2>&1; done
	echo $((($(tr -d . < /proc/uptime | cut -d' ' -f1) - _t0) * 10 / 5))
}

# t CMD...: show the command, run it with stderr merged, show its exit status.
t() {
	echo "\$ $*"
	"$@" 2>&1
	echo "[rc=$?]"
}

# sh_t 'SHELL TEXT': the same for text that needs the shell (redirections).
sh_t() {
	echo "\$ $1"
	sh -c "$1" 2>&1
	echo "[rc=$?]"
}

# klog: kernel messages logged since the last call (printk.time=0: no stamps).
# Dropped: what an emulated CPU on a busy host makes the kernel say about its clocks
# and timers (it comes and goes with the host's load, not with what was done).
klog() {
	dmesg -c | grep -Ev '^(clocksource|hrtimer|workqueue|sched_clock|rcu): |watchdog' |
		sed 's/^/klog: /'
}

# shapes: lines (klog's) with every symbol but module_layout named SYM, each line
# once, in first-seen order; a line without SYM seen more than once says so (xN).
# Which symbols a module of another flavour disagrees about depends on how the two
# flavours' configurations differ, which moves with the releases; the kind of line
# and the errno do not (6.1 checks module_layout first; 6.12 has none: every symbol).
shapes() {
	sed -E '/module_layout/!s/(of symbol|Unknown symbol) [A-Za-z0-9_]+/\1 SYM/' |
		awk '!($0 in c) { l[++n] = $0 } { c[$0]++ }
			END { for (i = 1; i <= n; i++) print l[i] (l[i] !~ /SYM/ && c[l[i]] > 1 ? " (x" c[l[i]] ")" : "") }'
}

# mods: /proc/modules without sizes and load addresses.
mods() {
	awk '{ printf "%s %s %s %s", $1, $3, $4, $5; if ($7 != "") printf " %s", $7; printf "\n" }' /proc/modules
}

# mod_state NAME: one module's line from mods, or "NAME: not loaded".
mod_state() {
	mods | grep "^$1 " || echo "$1: not loaded"
}

# irq_line N: /proc/interrupts line for IRQ N with the per-CPU counts dropped.
irq_line() {
	awk -v n="$1:" '$1 == n { $1 = ""; for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) $i = ""; gsub(/ +/, " "); print n $0 }' /proc/interrupts
}

# show FILE...: print files as "FILE: content".
show() {
	for f; do
		if [ -r "$f" ]; then printf '%s: %s\n' "$f" "$(cat "$f" 2>&1)"
		else printf '%s: (absent)\n' "$f"; fi
	done
}
