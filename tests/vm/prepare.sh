#!/bin/sh
# Prepare (idempotently) everything the real-kernel tests and the lab need, in a
# cache outside the source tree:
#   - the current Debian amd64 kernel image, unpacked (vmlinuz + .ko tree);
#   - its headers, installed as a package, to build the test modules;
#   - one module of the same release from another flavour (-cloud);
#   - the test modules from tests/modules/, a plain object, compressed copies;
#   - a base initramfs (busybox, kmod, module subset with depmod indexes, /lab).
# Prints "KVER=<ver>" and "CACHE=<dir>" on success (exit 0).
# Exit 77 with a one-line reason on stderr when the tools or the Debian archive
# are unavailable, so callers can SKIP.  Exit 1 on real errors.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CACHE=${LKMTUI_CACHE:-${HOME:-/root}/.cache/lkmtui}

skip() { echo "prepare: SKIP: $*" >&2; exit 77; }
die() { echo "prepare: ERROR: $*" >&2; exit 1; }
log() { [ -n "${LKMTUI_VM_QUIET:-}" ] || echo "prepare: $*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
	else return 1; fi
}

# Host tools: install the missing ones when we can, otherwise SKIP.
need_pkgs=
for t in qemu-system-x86_64:qemu-system-x86 cpio:cpio depmod:kmod \
	 gzip:gzip xz:xz-utils zstd:zstd gcc:gcc make:make dpkg-deb:dpkg; do
	command -v "${t%%:*}" >/dev/null 2>&1 || need_pkgs="$need_pkgs ${t#*:}"
done
# The guest has no libc of its own for busybox: it must be the static one.
[ -x /bin/busybox ] && ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' ||
	need_pkgs="$need_pkgs busybox-static"
[ -e /usr/bin/kmod ] || need_pkgs="$need_pkgs kmod"
command -v flock >/dev/null 2>&1 || need_pkgs="$need_pkgs util-linux"
if [ -n "$need_pkgs" ]; then
	log "installing:$need_pkgs"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need_pkgs >&2 ||
		skip "cannot install$need_pkgs (no root or no package archive)"
fi

# Parallel "make check" runs several tests at once: one preparer at a time.
mkdir -p "$CACHE"
exec 9> "$CACHE/.lock"
flock 9

# The current Debian kernel: what linux-image-amd64 depends on.
KVER=${LKMTUI_KVER:-}
if [ -z "$KVER" ] && [ -s "$CACHE/current-kver" ] &&
   [ -z "${LKMTUI_VM_REFRESH:-}" ]; then
	KVER=$(cat "$CACHE/current-kver")
fi
if [ -z "$KVER" ]; then
	KVER=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: linux-image-\([0-9][^ ]*-amd64\)$/\1/p' | head -n1)
	[ -n "$KVER" ] || skip "apt-cache knows no linux-image-amd64 (run apt-get update?)"
fi
case $KVER in *-amd64) ;; *) die "unexpected kernel version '$KVER'";; esac
FLAVOUR_OTHER=${KVER%-amd64}-cloud-amd64
K=$CACHE/$KVER
mkdir -p "$K/debs" "$CACHE"
echo "$KVER" > "$CACHE/current-kver"

# Kernel image, unpacked.
if [ ! -s "$K/image/boot/vmlinuz-$KVER" ]; then
	log "downloading linux-image-$KVER"
	( cd "$K/debs" && ls linux-image-"$KVER"_*.deb >/dev/null 2>&1 ||
		apt-get download -q "linux-image-$KVER" >&2 ) ||
		skip "cannot download linux-image-$KVER from the package archive"
	rm -rf "$K/image.tmp"
	dpkg-deb -x "$K"/debs/linux-image-"$KVER"_*.deb "$K/image.tmp"
	rm -rf "$K/image" && mv "$K/image.tmp" "$K/image"
fi
MODS=$K/image/lib/modules/$KVER
[ -d "$MODS/kernel" ] || die "no module tree in $K/image"

# Headers, installed as a package so kbuild works.
HDR=/usr/src/linux-headers-$KVER
if [ ! -e "$HDR/Makefile" ]; then
	log "installing linux-headers-$KVER"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		"linux-headers-$KVER" >&2 ||
		skip "cannot install linux-headers-$KVER (no root or no package archive)"
fi

# One module built for another flavour of the same release.
OTHER_REL=kernel/fs/fat/fat.ko
if [ ! -s "$K/other/fat.ko" ]; then
	log "downloading linux-image-$FLAVOUR_OTHER"
	( cd "$K/debs" && ls linux-image-"$FLAVOUR_OTHER"_*.deb >/dev/null 2>&1 ||
		apt-get download -q "linux-image-$FLAVOUR_OTHER" >&2 ) ||
		skip "cannot download linux-image-$FLAVOUR_OTHER from the package archive"
	rm -rf "$K/other.tmp" && mkdir -p "$K/other.tmp"
	dpkg-deb --fsys-tarfile "$K"/debs/linux-image-"$FLAVOUR_OTHER"_*.deb |
		tar -x -C "$K/other.tmp" "./lib/modules/$FLAVOUR_OTHER/$OTHER_REL"
	mkdir -p "$K/other"
	mv "$K/other.tmp/lib/modules/$FLAVOUR_OTHER/$OTHER_REL" "$K/other/fat.ko"
	rm -rf "$K/other.tmp" "$K"/debs/linux-image-"$FLAVOUR_OTHER"_*.deb
fi

# Test modules: rebuilt when any source changed.
B=$K/build
srcsum=$(cat "$top"/tests/modules/* | md5sum | cut -d' ' -f1)
if [ "$(cat "$B/.srcsum" 2>/dev/null)" != "$srcsum" ]; then
	log "building test modules"
	rm -rf "$B" && mkdir -p "$B"
	cp "$top"/tests/modules/*.c "$top"/tests/modules/Kbuild "$B"/
	# demo_needs_missing references a symbol nobody exports on purpose.
	make -s -C "$HDR" M="$B" KBUILD_MODPOST_WARN=1 modules >"$B/build.log" 2>&1 ||
		{ cat "$B/build.log" >&2; die "test module build failed"; }
	echo "$srcsum" > "$B/.srcsum"
fi

# Exercise files for /lab.
L=$K/lab
if [ "$(cat "$L/.srcsum" 2>/dev/null)" != "$srcsum" ]; then
	rm -rf "$L" && mkdir -p "$L"
	printf 'int answer(void) { return 42; }\n' > "$L/not_a_module.c"
	gcc -O2 -c -o "$L/not_a_module.o" "$L/not_a_module.c"
	rm -f "$L/not_a_module.c"
	cp "$K/other/fat.ko" "$L/fat-$FLAVOUR_OTHER.ko"
	for m in "$B/demo_ne.ko" "$MODS/kernel/fs/fat/msdos.ko"; do
		n=$(basename "$m")
		xz -C crc32 --lzma2=dict=1MiB -c "$m" > "$L/$n.xz"
		zstd -q -19 -c "$m" > "$L/$n.zst"
	done
	# A truncated module: half of demo_ne.ko.
	sz=$(stat -c %s "$B/demo_ne.ko")
	head -c $((sz / 2)) "$B/demo_ne.ko" > "$L/demo_ne-truncated.ko"
	echo "$srcsum" > "$L/.srcsum"
fi

# Base initramfs: everything but /init, the scenario and lkmtui (boot.sh adds those
# as a second, concatenated cpio archive).
guide=$top/data/lab/GUIDE.md
basesum=$( (echo "$srcsum"; cat "$0" "$guide" 2>/dev/null; ls -l /bin/busybox /usr/bin/kmod) |
	md5sum | cut -d' ' -f1)
if [ "$(cat "$K/base.sum" 2>/dev/null)" != "$basesum" ] || [ ! -s "$K/base.cpio.gz" ]; then
	log "building base initramfs"
	S=$K/stage
	rm -rf "$S" && mkdir -p "$S"
	for d in bin sbin usr/bin usr/sbin etc proc sys dev tmp run root lab \
		 opt/kmod/bin lib/modules/"$KVER"/extra; do mkdir -p "$S/$d"; done
	ln -s ../lib "$S/usr/lib" 2>/dev/null || true
	cp /bin/busybox "$S/bin/busybox"
	for a in $(/bin/busybox --list-full); do
		[ -e "$S/$a" ] || ln -s /bin/busybox "$S/$a"
	done
	# kmod for comparison, by full path (busybox applets shadow the names).
	cp /usr/bin/kmod "$S/opt/kmod/bin/kmod"
	for t in insmod rmmod modprobe lsmod modinfo depmod; do
		ln -sf kmod "$S/opt/kmod/bin/$t"
	done
	# The kernel's usermode helper calls /sbin/modprobe: make it kmod's, as on Debian.
	ln -sf /opt/kmod/bin/kmod "$S/sbin/modprobe"
	"$here/copy-libs.sh" "$S" /usr/bin/kmod
	# Module subset.
	for rel in kernel/fs/fat/fat.ko kernel/fs/fat/vfat.ko kernel/fs/fat/msdos.ko \
		   kernel/drivers/net/ethernet/8390/8390.ko \
		   kernel/drivers/net/ethernet/8390/ne2k-pci.ko \
		   kernel/fs/nls/nls_cp437.ko kernel/fs/nls/nls_ascii.ko; do
		[ -e "$MODS/$rel" ] || continue
		mkdir -p "$S/lib/modules/$KVER/$(dirname "$rel")"
		cp "$MODS/$rel" "$S/lib/modules/$KVER/$rel"
	done
	for f in modules.order modules.builtin modules.builtin.modinfo; do
		[ -e "$MODS/$f" ] && cp "$MODS/$f" "$S/lib/modules/$KVER/"
	done
	cp "$B"/*.ko "$S/lib/modules/$KVER/extra/"
	depmod -b "$S" "$KVER"
	cp "$L"/* "$S/lab/"
	cp "$B"/*.ko "$S/lab/"
	[ -e "$guide" ] && cp "$guide" "$S/lab/GUIDE.txt"
	# Terminal descriptions for lkmtui's screen on the serial console.
	for t in v/vt100 v/vt220 l/linux x/xterm x/xterm-256color s/screen \
		 s/screen-256color t/tmux t/tmux-256color d/dumb; do
		for d in /lib/terminfo /usr/share/terminfo; do
			[ -e "$d/$t" ] || continue
			mkdir -p "$S/lib/terminfo/${t%/*}"
			cp -L "$d/$t" "$S/lib/terminfo/$t"
			break
		done
	done
	# A UTF-8 locale for the TUI (the guest sets LANG=C.UTF-8).
	if [ -d /usr/lib/locale/C.utf8 ]; then
		mkdir -p "$S/lib/locale" && cp -a /usr/lib/locale/C.utf8 "$S/lib/locale/"
	fi
	echo "root:x:0:0:root:/root:/bin/sh" > "$S/etc/passwd"
	echo "root:x:0:" > "$S/etc/group"
	echo "$KVER" > "$S/etc/lkmtui-kver"
	( cd "$S" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet ) | gzip -1 > "$K/base.cpio.gz.tmp"
	mv "$K/base.cpio.gz.tmp" "$K/base.cpio.gz"
	echo "$basesum" > "$K/base.sum"
fi

ln -sf "image/boot/vmlinuz-$KVER" "$K/vmlinuz"
echo "KVER=$KVER"
echo "CACHE=$K"
