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
LKMTUI_VM_QUIET= "$here/prepare.sh" > /dev/null || exit $?
echo "lab: booting the guest (about 10 s; Ctrl-A then X quits qemu) ..." >&2
exec "$here/boot.sh" --lab
