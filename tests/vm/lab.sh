#!/bin/sh
# lab.sh: the lkmtui lab.  Boots a real Debian kernel under qemu with the
# exercises in /lab (guide: data/lab/GUIDE.md, in the guest /lab/GUIDE.txt) and
# lkmtui on the serial console, which is this terminal.  No root needed once
# prepare.sh has what it needs (its first run downloads the kernel).
# lkmtui: $LKMTUI_BIN, else lkmtui of the build tree; without it, a shell.
# Leave with "poweroff -f" in the guest's shell, or Ctrl-A then X.
# Exit: qemu's status; 77 (with the reason) when the lab cannot be prepared.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if [ -z "${LKMTUI_BIN:-}" ]; then
	for b in "${abs_top_builddir:-.}/lkmtui" "${abs_top_builddir:-.}/src/lkmtui" ./lkmtui "$top/lkmtui" "$top/src/lkmtui"; do
		if [ -f "$b" ] && [ -x "$b" ]; then LKMTUI_BIN=$(cd "$(dirname "$b")" && pwd)/lkmtui; break; fi
	done
fi
export LKMTUI_BIN=${LKMTUI_BIN:-}
[ -n "$LKMTUI_BIN" ] || echo "lab: lkmtui is not built; the guest starts a shell instead." >&2
out=$(LKMTUI_VM_QUIET= "$here/prepare.sh") || exit $?
# The release prepare found: boot.sh's own prepare then need not ask apt again (that
# took seconds of the start).
LKMTUI_KVER=$(echo "$out" | sed -n 's/^KVER=//p')
export LKMTUI_KVER
# Measured with ./run lab on the development machine: the full-screen view came 17 to
# 26 s after this line (the kernel boots under emulation, TCG).
echo "lab: booting the guest (about 20 s under emulation; Ctrl-A then X quits qemu) ..." >&2
exec "$here/boot.sh" --lab
