# Helpers sourced before every scenario script in the guest (/lib/vm-lib.sh).
# Output must be the same on every run: no addresses, sizes, timestamps or counts.

KVER=$(cat /etc/lkmtui-kver)
MODDIR=/lib/modules/$KVER
KMOD=/opt/kmod/bin
export KVER MODDIR KMOD

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
klog() {
	dmesg -c | sed 's/^/klog: /'
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
