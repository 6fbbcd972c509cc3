#!/bin/sh
# python-cpio.sh: an extra initramfs archive with the host's Python 3 and Debian's
# ansible-core for a scenario with a line "# python" (boot.sh appends it to the initrd).
# Prints its path. Built once into the cache, named by a checksum of what goes in
# (every file's path, size and time, and this script), so an upgraded package makes
# a new one. Exit 0, or 77 with "python-cpio: SKIP: reason" on stderr.
#
# In it: /usr/bin/python3 (the host's python3.11), /usr/bin/ansible-playbook, with the standard library less
# what a guest never runs (tests, IDLE, Tk, the build config), Debian's ansible-core
# and what it imports (jinja2, markupsafe, yaml, resolvelib, packaging), the module
# community.general.modprobe of Debian's ansible (lkmtui-ansible compares with it), and
# the shared libraries of all that. The guest's /usr/lib is a link to /lib (the base
# archive's): what is under /usr/lib here goes under /lib.
set -eu
CACHE=${LKMTUI_CACHE:-${HOME:-/root}/.cache/lkmtui}
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3.11
std=/usr/lib/python3.11
dist=/usr/lib/python3/dist-packages
skip() { echo "python-cpio: SKIP: $*" >&2; exit 77; }
[ -x "$py" ] && [ -d "$std" ] || skip "no $py (Debian package python3.11)"
[ -x /usr/bin/ansible-playbook ] && [ -d "$dist/ansible" ] || skip "no $dist/ansible (Debian package ansible-core)"
for p in jinja2 markupsafe yaml resolvelib packaging; do
	[ -d "$dist/$p" ] || skip "no $dist/$p (a dependency of ansible-core)"
done
modprobe=$dist/ansible_collections/community/general/plugins/modules/modprobe.py
[ -f "$modprobe" ] || skip "no $modprobe (Debian package ansible)"

# The files, one a line. Compiled bytecode is kept (the guest's CPU is emulated:
# compiling at each start would cost seconds), but only the plain level.
files() {
	echo "$py"
	echo /usr/bin/ansible-playbook
	find "$std" \( -path "$std/test" -o -path "$std/idlelib" -o -path "$std/tkinter" \
		-o -path "$std/turtledemo" -o -path "$std/ensurepip" -o -path "$std/lib2to3" \
		-o -path "$std/pydoc_data" -o -path "$std/config-*" -o -path "$std/site-packages" \
		-o -path "$std/distutils" -o -name '*.opt-?.pyc' \) -prune -o \
		\( -type f -o -type l \) -print
	for p in ansible jinja2 markupsafe yaml _yaml resolvelib packaging; do
		[ -e "$dist/$p" ] || continue
		find "$dist/$p" -name '*.opt-?.pyc' -prune -o \( -type f -o -type l \) -print
	done
	echo "$modprobe"
	# Their metadata (ansible asks importlib.metadata for jinja2's version).
	for m in ansible_core Jinja2 MarkupSafe PyYAML resolvelib packaging; do
		find "$dist" -maxdepth 1 \( -name "$m-*.dist-info" -o -name "$m-*.egg-info" \) |
			xargs -r -I{} find {} \( -type f -o -type l \) -print
	done
}
list=$(files | LC_ALL=C sort -u)
sum=$( { cat "$0"; echo "$list" | xargs stat -c '%n %s %Y'; } | sha256sum | cut -c1-16)
out=$CACHE/python-$sum.cpio.gz
mkdir -p "$CACHE"
exec 9> "$CACHE/.python.lock"
flock 9
if [ ! -s "$out" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkmtui-py.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT INT TERM
	S=$tmp/stage
	mkdir -p "$S"
	echo "$list" | while read -r f; do
		mkdir -p "$S$(dirname "$f")"
		cp -a "$f" "$S$f"
	done
	ln -s python3.11 "$S/usr/bin/python3"
	"$here/copy-libs.sh" "$S" "$py" $(find "$S" -name '*.so*' -type f)
	mkdir -p "$S/lib"
	cp -a "$S/usr/lib/." "$S/lib/"
	rm -rf "$S/usr/lib"
	(cd "$S" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet) | gzip -1 > "$tmp/py.cpio.gz"
	mv "$tmp/py.cpio.gz" "$out"
fi
echo "$out"
