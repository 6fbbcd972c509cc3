# Shared by tests/tui/*.test: run the real lkmtui in a detached tmux session, send keys,
# capture the whole screen (capture-pane -p) and compare it with tests/tui/expected/NAME.
# Set LKMTUI_UPDATE=1 to write the expected screens instead (then read them before committing).
# Screens are deterministic: fixture roots are static, the refresh interval is 3600 s so
# only a refresh by hand ('R') takes a second snapshot, and no clock is shown. normalise()
# is where rates or times would be blanked if a test ever showed changing ones.

: "${top_srcdir:?run through make check}" "${top_builddir:?run through make check}"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (apt-get install tmux)"
	exit 77
fi

LKMTUI=${LKMTUI:-$top_builddir/lkmtui}
FIX=$top_srcdir/tests/fixtures
EXP=$top_srcdir/tests/tui/expected
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkmtui-tui.XXXXXX")
sock=$tmp/tmux.0
nsock=0
fail=0

cleanup() {
	tmux -S "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$("$LKMTUI" --root "$FIX/tui-basic" </dev/null 2>&1 >/dev/null | grep -c terminal)" = 0 ]; then
	echo "SKIP: $LKMTUI does not start the TUI without a command yet"
	exit 77
fi

# Settings every test starts from: no refresh on its own, no colour (screens are text).
export XDG_CONFIG_HOME="$tmp/xdg"
mkdir -p "$XDG_CONFIG_HOME/lkmtui"
printf '[display]\ninterval = 3600\ncolor = no\n' >"$XDG_CONFIG_HOME/lkmtui/config.ini"

t() { tmux -S "$sock" "$@"; }

# tui_start [-x W] [-y H] [-C DIR] [-e VAR=VALUE]... ARGS...: lkmtui ARGS in a fresh
# session (in DIR). The shell around it prints the exit status and whether the tty
# settings came back.
tui_start() {
	w=100 h=30 envs="LC_ALL=C" dir=.
	while :; do
		case $1 in
		-x) w=$2; shift 2 ;;
		-y) h=$2; shift 2 ;;
		-C) dir=$2; shift 2 ;;
		-e) envs="$envs $2"; shift 2 ;;
		*) break ;;
		esac
	done
	# The shell catches (not ignores: that would be inherited) what lkmtui must see.
	cat >"$tmp/run.sh" <<EOS
trap : INT HUP TERM
cd "$dir" || exit 1
s=\$(stty -g)
env $envs "$LKMTUI" $*
rc=\$?
if [ "\$(stty -g)" = "\$s" ]; then tty=restored; else tty=CHANGED; fi
printf 'EXIT=%s TTY=%s\n' "\$rc" "\$tty"
exec sleep 3600
EOS
	# A new server each time: reusing a socket right after kill-server races its exit.
	t kill-server >/dev/null 2>&1
	nsock=$((nsock + 1))
	sock=$tmp/tmux.$nsock
	printf 'set -g status off\n' >"$tmp/tmux.conf"
	t -f "$tmp/tmux.conf" new-session -d -s tui -x "$w" -y "$h" "sh $tmp/run.sh"
	settle
}

# Waits until the screen stops changing (and has something on it), at most ~5 s.
settle() {
	prev= n=0
	sleep 0.1
	while [ $n -lt 50 ]; do
		cur=$(t capture-pane -p -t tui 2>/dev/null)
		if [ -n "$cur" ] && [ "$cur" = "$prev" ]; then
			return 0
		fi
		prev=$cur
		n=$((n + 1))
		sleep 0.1
	done
}

keys() {
	t send-keys -t tui "$@"
	settle
}

normalise() {
	cat
}

# screen NAME: the whole screen must equal tests/tui/expected/NAME.
screen() {
	t capture-pane -p -t tui | normalise >"$tmp/$1"
	if [ "${LKMTUI_UPDATE:-}" = 1 ]; then
		cp "$tmp/$1" "$EXP/$1"
		return 0
	fi
	if ! diff -u "$EXP/$1" "$tmp/$1"; then
		echo "FAIL: screen $1 differs (above: - expected, + got)"
		fail=1
	fi
}

pane_pid() {
	t list-panes -t tui -F '#{pane_pid}'
}

# The pid of lkmtui itself: the child of the pane's shell.
tui_pid() {
	pgrep -P "$(pane_pid)" | head -n 1
}

finish() {
	[ $fail = 0 ] && echo PASS
	exit $fail
}

# drives_root DIR: a copy of the debian61 capture with the /sys links of the lab guest's
# NE2000 card (eth0 on 0000:00:03.0, driven by ne2k-pci from ne2k_pci, which irq 11's
# "eth0" action then belongs to), and a serial port driven by 8250.
drives_root() {
	cp -R "$FIX/debian61" "$1"
	chmod -R u+w "$1"
	# git keeps no file modes: the captured /sys parameter modes (read-only, writable).
	while read -r mode path; do
		chmod "$mode" "$1/${path#debian61/}"
	done <"$FIX/debian61.modes"
	(
		cd "$1/sys" || exit 1
		pci=devices/pci0000:00/0000:00:03.0
		mkdir -p "$pci/net/eth0" class/net bus/pci/drivers/ne2k-pci module/ne2k_pci/drivers \
			devices/virtual/net/lo devices/pnp0/00:05/tty/ttyS0 bus/pnp/drivers/serial dev/char
		ln -s ../../$pci/net/eth0 class/net/eth0
		ln -s ../../devices/virtual/net/lo class/net/lo
		ln -s ../../../0000:00:03.0 "$pci/net/eth0/device"
		ln -s ../../../bus/pci/drivers/ne2k-pci "$pci/driver"
		ln -s ../../../../module/ne2k_pci bus/pci/drivers/ne2k-pci/module
		ln -s ../../../bus/pci/drivers/ne2k-pci module/ne2k_pci/drivers/pci:ne2k-pci
		mkdir -p class/tty
		ln -s ../../devices/pnp0/00:05/tty/ttyS0 class/tty/ttyS0
		ln -s ../../devices/pnp0/00:05/tty/ttyS0 dev/char/4:64
		ln -s ../../../00:05 devices/pnp0/00:05/tty/ttyS0/device
		ln -s ../../../bus/pnp/drivers/serial devices/pnp0/00:05/driver
		ln -s ../../../../module/8250 bus/pnp/drivers/serial/module
	)
}
