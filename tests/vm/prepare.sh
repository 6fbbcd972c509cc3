#!/bin/sh
# prepare.sh [KERNEL]
# Prepare (idempotently) everything the real-kernel tests and the lab need, in a
# cache outside the source tree, for one kernel:
#   KERNEL (or $LKMTUI_KVER) is a Debian release ("6.1.0-56-amd64",
#   "6.12.117+deb12-amd64") or a generation ("6.1", "6.12": the archive's current
#   release of it, asked of apt at every run, never remembered); default 6.1.
#   - the Debian amd64 kernel image, unpacked (vmlinuz + module tree, plain .ko on
#     6.1, .ko.xz on 6.12), with depmod indexes for the whole tree;
#   - its headers, installed as a package, to build the test modules;
#   - one module of the same release from another flavour (-cloud);
#   - the test modules from tests/modules/, a plain object, compressed copies;
#   - a base initramfs (busybox, kmod, module subset with depmod indexes, /lab).
# Prints "KVER=<ver>", "KO=<the tree's module suffix>" and "CACHE=<dir>" on
# success (exit 0); the whole tree is CACHE/image/lib/modules/KVER.
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

# Which kernel: a release as given, or a generation's current release from apt.
want=${1:-${LKMTUI_KVER:-6.1}}
case $want in
*-amd64) KVER=$want ;;
[0-9]*.[0-9]*)
	# 6.12 has its own meta-package; 6.1 is Debian 12's default, linux-image-amd64.
	KVER=
	for meta in "linux-image-$want-amd64" linux-image-amd64; do
		KVER=$(apt-cache depends "$meta" 2>/dev/null |
			sed -n 's/^ *Depends: linux-image-\([0-9][^ ]*-amd64\)$/\1/p' | head -n1)
		case $KVER in "$want".*|"$want"-*) break ;; *) KVER= ;; esac
	done
	[ -n "$KVER" ] ||
		skip "apt-cache knows no current $want kernel (run apt-get update?)" ;;
*) die "unexpected kernel '$want' (a release like 6.1.0-57-amd64, or 6.1, 6.12)" ;;
esac
FLAVOUR_OTHER=${KVER%-amd64}-cloud-amd64
K=$CACHE/$KVER
mkdir -p "$K/debs"

# Kernel image, unpacked, with depmod indexes for the whole tree (Debian's
# package ships none: the postinst makes them).
if [ ! -s "$K/image/boot/vmlinuz-$KVER" ] || [ ! -s "$K/image/lib/modules/$KVER/modules.dep.bin" ]; then
	log "downloading linux-image-$KVER"
	( cd "$K/debs" && ls linux-image-"$KVER"_*.deb >/dev/null 2>&1 ||
		apt-get download -q "linux-image-$KVER" >&2 ) ||
		skip "cannot download linux-image-$KVER from the package archive"
	rm -rf "$K/image.tmp"
	dpkg-deb -x "$K"/debs/linux-image-"$KVER"_*.deb "$K/image.tmp"
	[ -d "$K/image.tmp/lib/modules/$KVER/kernel" ] || die "no module tree in linux-image-$KVER"
	log "depmod of the whole tree"
	depmod -b "$K/image.tmp" "$KVER"
	rm -rf "$K/image" && mv "$K/image.tmp" "$K/image"
fi
MODS=$K/image/lib/modules/$KVER

# The tree's module suffix: .ko (6.1), .ko.xz (6.12), .ko.zst, .ko.gz.
KO=$(cd "$MODS/kernel/fs/fat" && ls fat.ko* 2>/dev/null | head -n1)
KO=${KO#fat}
[ -n "$KO" ] || die "no fat module in $MODS"
# decompressed SRC DEST: a module file of any suffix, as a plain ELF file.
decompressed() {
	case $1 in
	*.xz) xz -dc "$1" > "$2" ;;
	*.zst) zstd -qdc "$1" > "$2" ;;
	*.gz) gzip -dc "$1" > "$2" ;;
	*) cp "$1" "$2" ;;
	esac
}

# Headers, installed as a package so kbuild works.
HDR=/usr/src/linux-headers-$KVER
if [ ! -e "$HDR/Makefile" ]; then
	log "installing linux-headers-$KVER"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		"linux-headers-$KVER" >&2 ||
		skip "cannot install linux-headers-$KVER (no root or no package archive)"
fi

# One module built for another flavour of the same release, as a plain .ko.
if [ ! -s "$K/other/fat.ko" ]; then
	log "downloading linux-image-$FLAVOUR_OTHER"
	( cd "$K/debs" && ls linux-image-"$FLAVOUR_OTHER"_*.deb >/dev/null 2>&1 ||
		apt-get download -q "linux-image-$FLAVOUR_OTHER" >&2 ) ||
		skip "cannot download linux-image-$FLAVOUR_OTHER from the package archive"
	rm -rf "$K/other.tmp" && mkdir -p "$K/other.tmp" "$K/other"
	dpkg-deb --fsys-tarfile "$K"/debs/linux-image-"$FLAVOUR_OTHER"_*.deb |
		tar -x -C "$K/other.tmp" --wildcards \
			"./lib/modules/$FLAVOUR_OTHER/kernel/fs/fat/fat.ko*"
	decompressed "$K/other.tmp/lib/modules/$FLAVOUR_OTHER/kernel/fs/fat/fat$KO" \
		"$K/other/fat.ko.tmp"
	mv "$K/other/fat.ko.tmp" "$K/other/fat.ko"
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
	# demo_ns_user: the namespace mistake 6.12's modpost refuses to build.
	"$top/tests/modules/make-ns-mistake.sh" "$B"
	echo "$srcsum" > "$B/.srcsum"
fi

# Exercise files for /lab (named without the release: expected outputs must not
# change when the archive moves).
L=$K/lab
labsum=$( (echo "$srcsum"; cat "$0") | md5sum | cut -d' ' -f1)
if [ "$(cat "$L/.srcsum" 2>/dev/null)" != "$labsum" ]; then
	rm -rf "$L" && mkdir -p "$L"
	printf 'int answer(void) { return 42; }\n' > "$L/not_a_module.c"
	gcc -O2 -c -o "$L/not_a_module.o" "$L/not_a_module.c"
	rm -f "$L/not_a_module.c"
	cp "$K/other/fat.ko" "$L/fat-cloud.ko"
	decompressed "$MODS/kernel/fs/fat/msdos$KO" "$L/msdos.ko.plain"
	for m in "$B/demo_ne.ko" "$L/msdos.ko.plain"; do
		n=$(basename "$m" .plain)
		xz -C crc32 --lzma2=dict=1MiB -c "$m" > "$L/$n.xz"
		zstd -q -19 -c "$m" > "$L/$n.zst"
	done
	rm -f "$L/msdos.ko.plain"
	# A truncated module: half of demo_ne.ko.
	sz=$(stat -c %s "$B/demo_ne.ko")
	head -c $((sz / 2)) "$B/demo_ne.ko" > "$L/demo_ne-truncated.ko"
	echo "$labsum" > "$L/.srcsum"
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
	# Module subset: these modules and what modprobe would load with them, in the
	# tree's own suffix (9p and virtio_pci mount the whole tree: guest/vm-lib.sh;
	# 8139cp, 8139too and e1000 drive lkmtui-hardware's emulated cards).
	for m in msdos vfat ne2k-pci 8139cp 8139too e1000 nls_cp437 nls_ascii loop 9p 9pnet_virtio \
		virtio_pci; do
		modprobe -d "$K/image" -S "$KVER" -C /dev/null --show-depends "$m" ||
			die "modprobe knows no $m in the $KVER tree"
	done > "$K/subset.plan"
	sed -n "s#^insmod $MODS/\([^ ]*\).*#\1#p" "$K/subset.plan" | sort -u |
	while read -r rel; do
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
	echo "$KO" > "$S/etc/lkmtui-ko"
	( cd "$S" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet ) | gzip -1 > "$K/base.cpio.gz.tmp"
	mv "$K/base.cpio.gz.tmp" "$K/base.cpio.gz"
	echo "$basesum" > "$K/base.sum"
fi

ln -sf "image/boot/vmlinuz-$KVER" "$K/vmlinuz"
echo "KVER=$KVER"
echo "KO=$KO"
echo "CACHE=$K"
