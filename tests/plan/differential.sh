#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# lkmtui's load plan against kmod's own modprobe, on Debian's real module trees.
#
# For each tree (a kernel release cached by tests/vm/prepare.sh) and each modprobe.d
# configuration below, compares
#     lkmtui --root ROOT load --dry-run --json NAME
#     modprobe -d ROOT -S KVER -C ROOT/etc/modprobe.d --show-depends NAME
# step for step. ROOT is a directory of our own: lib/modules/KVER links to the cached tree,
# etc/modprobe.d holds the configuration, proc/modules is empty (nothing loaded).
#
# What agreeing means (the only normalisations, each because the two say the same thing):
#   - lkmtui's steps print as modprobe prints them: insert -> "insmod PATH OPTIONS",
#     built-in -> "builtin NAME", run-command -> "install COMMAND OPTIONS"; lkmtui's
#     blacklisted (skipped alias match) prints nothing, as modprobe prints nothing.
#     Blanks at the end of a line are dropped on both sides: modprobe prints one after
#     empty options, and libkmod leaves one after modprobe.d's, which lkmtui trims (the
#     kernel skips it).
#   - modprobe --show-depends repeats a module met twice (a dependency shared by two
#     softdeps, or by two alias matches); a real modprobe finds it loaded the second time
#     and does nothing. lkmtui plans each module once: modprobe's later repeats of a line
#     are dropped. (The configurations give every install rule its own command text, so
#     two modules never print the same line.)
#   - lkmtui refuses where modprobe would run a command: a plan with an "install" line
#     must come with ok=false and kind "blocked" when one of the commands is a block
#     (/bin/false, /bin/true, /usr/bin/false, /usr/bin/true), else "install-command".
#   - Where modprobe succeeds without a command, lkmtui must succeed, or refuse only with
#     "builtin" (the name is built into the kernel: modprobe prints "builtin NAME") or
#     "not-found"/"blacklisted" where modprobe printed nothing. Where modprobe fails (no
#     such module), lkmtui must refuse with "not-found".
#
# The sample: every module name a seeded hash picks (at least 1,000 per tree, the same
# ones on every run), every alias in modules.alias that more than one module answers to,
# every module that declares a softdep (modules.softdep) and the names the configurations
# use, under the plain and the combined configuration; the last two also under each
# single-purpose one. --full: every module under every configuration (make
# check-plan-full).
#
# Usage: differential.sh [--full] [KVER...]   (default: Debian's current 6.1 and 6.12)
# Exit: 0 all agree, 1 a difference (shown), 77 skipped (prepare.sh could not get a tree: the reason).

set -u
full=
[ "${1:-}" = --full ] && { full=1; shift; }
bin=${LKMTUI_BIN:-${top_builddir:-.}/lkmtui}
skipped=
cache=${LKMTUI_CACHE:-${HOME:-/root}/.cache/lkmtui}
sample_min=${LKMTUI_PLAN_SAMPLE:-1000}

if [ "${LKMTUI_VM:-}" = skip ]; then
	echo "SKIP: plan differential: LKMTUI_VM=skip (no kernel trees in this build)"
	exit 77
fi
modprobe=$(command -v modprobe || echo /usr/sbin/modprobe)
if [ ! -x "$modprobe" ] || [ ! -x "$bin" ]; then
	echo "SKIP: plan differential: needs kmod's modprobe and $bin"
	exit 77
fi

# The kernels: as the real-kernel tests take them (a release or a generation; LKMTUI_KVER,
# else Debian 12's two generations, each the archive's current release). prepare.sh
# fetches and caches each tree (depmod-indexed); a kernel it cannot get is skipped with
# its reason.
prepare=$(cd "$(dirname "$0")/../vm" && pwd)/prepare.sh
[ $# -eq 0 ] && set -- ${LKMTUI_KVER:-6.1 6.12}
trees=
for k in "$@"; do
	if out=$(LKMTUI_VM_QUIET=1 "$prepare" "$k" 2>"${TMPDIR:-/tmp}/lkm-plan-prep.$$"); then
		trees="$trees $(echo "$out" | sed -n 's/^KVER=//p')"
	else
		echo "SKIP tree $k: $(tail -n 1 "${TMPDIR:-/tmp}/lkm-plan-prep.$$")"
		skipped="$skipped $k"
	fi
	rm -f "${TMPDIR:-/tmp}/lkm-plan-prep.$$"
done
set -- $trees
if [ $# -eq 0 ]; then
	echo "SKIP: plan differential: no kernel tree:$skipped"
	exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lkm-plan-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
status=0

# The configurations: each rule kind on a dependency as well as on a target. $1 is a
# module of modules.builtin (a softdep on it puts a built-in module in the chain).
write_configs() {
	b=$1
	mkdir -p "$work/conf/plain" "$work/conf/blocks" "$work/conf/softdeps" \
		"$work/conf/blacklist" "$work/conf/combined"
	cat > "$work/conf/blocks/cve.conf" <<-EOF
	# The administrator's blocks, on dependencies many modules need.
	install fat /bin/false
	install scsi_mod /bin/true
	install snd /usr/bin/false
	install cfg80211 /usr/bin/true
	# A command that is not a block.
	install usbcore /sbin/modprobe --ignore-install usbcore
	install mii /bin/echo mii
	EOF
	cat > "$work/conf/softdeps/softdep.conf" <<-EOF
	softdep msdos pre: nls_cp437 post: nls_ascii
	softdep scsi_mod pre: $b post: sg
	softdep fat pre: nls_utf8 no_such_module
	softdep usbcore post: usb-storage
	softdep e1000e pre: $b
	EOF
	cat > "$work/conf/blacklist/blacklist.conf" <<-EOF
	blacklist msdos
	blacklist e1000e
	blacklist vfat
	alias fatfs msdos
	alias fatfs vfat
	alias fatfs exfat
	alias allblack msdos
	alias allblack vfat
	alias nowhere no_such_module
	options fat codepage=850
	options ne2k-pci debug=2 full_duplex=1
	options snd index=-2
	options snd_* enable=1
	options usbcore autosuspend=5 nousb=0
	EOF
	cat "$work/conf/blocks/cve.conf" "$work/conf/softdeps/softdep.conf" \
		"$work/conf/blacklist/blacklist.conf" > "$work/conf/combined/all.conf"
}
config_names="fatfs allblack nowhere msdos vfat exfat fat ne2k-pci snd snd-hda-intel
usbcore usb-storage uas e1000e scsi_mod sd_mod sg cfg80211 iwlwifi mii 8139too cramfs"

# modprobe's --show-depends lines and exit status for each name, then lkmtui's JSON.
run_both() { # root kver confdir names-file out-prefix
	while read -r name; do
		echo "@@ $name"
		"$modprobe" -d "$1" -S "$2" -C "$3" --show-depends "$name" 2>/dev/null
		echo "@@rc $?"
	done < "$4" > "$5.modprobe"
	while read -r name; do
		echo "@@ $name"
		"$bin" --root "$1" load --dry-run --json "$name" 2>/dev/null
		echo "@@rc $?"
	done < "$4" > "$5.lkmtui"
}

# Compares the two files; prints each difference, returns 1 when there is one.
compare() { # out-prefix label
	awk -v label="$2" -v lkfile="$1.lkmtui" '
	function unjson(s) {
		sub(/^[^:]*: "/, "", s); sub(/",?$/, "", s)
		gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s)
		return s
	}
	# "install COMMAND OPTIONS" prints the two run together: a block is a line whose
	# command is one of the blocks, whatever options follow.
	function trim(s) { sub(/[ \t]+$/, "", s); return s }
	function isblock(c) {
		sub(/^[ \t]+/, "", c)
		return c ~ /^((\/usr)?\/bin\/)?(false|true)([ \t]|$)/
	}
	# One lkmtui answer from lkfile: its lines in LK[], its ok and kind.
	function read_lkmtui(    line, action, module, path, params, command, n) {
		nlk = 0; lkok = ""; lkkind = ""; lkname = ""
		while ((getline line < lkfile) > 0) {
			if (line ~ /^@@rc /) break
			if (line ~ /^@@ /) { lkname = substr(line, 4); continue }
			if (line ~ /^  "ok": /) lkok = line ~ /true/ ? "true" : "false"
			if (line ~ /^    "kind": /) lkkind = unjson(line)
			if (line ~ /^      "action": /) { action = unjson(line); module = path = params = command = "" }
			if (line ~ /^      "module": /) module = unjson(line)
			if (line ~ /^      "path": /) path = line ~ /: null,?$/ ? "" : unjson(line)
			if (line ~ /^      "params": /) params = line ~ /: null,?$/ ? "" : unjson(line)
			if (line ~ /^      "command": /) command = unjson(line)
			if (line ~ /^    }/ && action != "") {
				sub(/[ \t]+$/, "", params)
				if (action == "insert") LK[++nlk] = trim("insmod " path " " params)
				else if (action == "built-in") LK[++nlk] = "builtin " module
				else if (action == "run-command") LK[++nlk] = trim("install " command " " params)
				else if (action != "blacklisted") LK[++nlk] = action " " module
				action = ""
			}
		}
	}
	function check(    i, nblock, ncmd, bad, why, modok, printed) {
		read_lkmtui()
		bad = 0; why = ""
		if (lkname != name) { bad = 1; why = "out of step: lkmtui answered " lkname }
		modok = mprc == 0
		nblock = ncmd = 0
		for (i = 1; i <= nmp; i++)
			if (MP[i] ~ /^install /) { ncmd++; if (isblock(CMD[i])) nblock++ }
		if (!bad && nmp != nlk) { bad = 1; why = "a different number of steps" }
		for (i = 1; !bad && i <= nmp; i++)
			if (MP[i] != LK[i]) { bad = 1; why = "step " i " differs" }
		if (!bad) {
			if (ncmd > 0 && (lkok != "false" || lkkind != (nblock ? "blocked" : "install-command"))) {
				bad = 1; why = "modprobe would run a command: lkmtui must refuse as " (nblock ? "blocked" : "install-command")
			} else if (ncmd == 0 && !modok && lkkind != "not-found") {
				bad = 1; why = "modprobe found no such module; lkmtui says " (lkok == "true" ? "ok" : lkkind)
			} else if (ncmd == 0 && modok && lkok != "true" &&
				   !(lkkind == "builtin" && nmp > 0 && MP[nmp] ~ /^builtin /) &&
				   !((lkkind == "not-found" || lkkind == "blacklisted") && nmp == 0)) {
				bad = 1; why = "modprobe would load; lkmtui refuses as " lkkind
			}
		}
		checked++
		if (nblock) blocked++
		else if (ncmd) commands++
		for (i = 1; i <= nmp; i++) if (MP[i] ~ /^builtin /) { builtins++; break }
		if (nmp > 1) chains++
		if (!bad) return
		failed++
		if (failed > 20) return
		printf("DIFF %s %s: %s\n", label, name, why)
		for (i = 1; i <= nmp; i++) printf("  modprobe: %s\n", MP[i])
		printf("  modprobe exit %d\n", mprc)
		for (i = 1; i <= nlk; i++) printf("  lkmtui:   %s\n", LK[i])
		printf("  lkmtui ok=%s kind=%s\n", lkok, lkkind)
	}
	/^@@ / { name = substr($0, 4); nmp = 0; delete SEEN; next }
	/^@@rc / { mprc = $2 + 0; check(); next }
	{
		line = $0
		sub(/[ \t]+$/, "", line)
		if (line in SEEN) next
		SEEN[line] = 1
		MP[++nmp] = line
		CMD[nmp] = ""
		if (line ~ /^install /)
			CMD[nmp] = substr(line, 9)
	}
	END {
		printf("%s: %d names (%d chains, %d blocked, %d other commands, %d with a built-in), %d differences\n",
		       label, checked, chains, blocked, commands, builtins, failed)
		exit failed > 0
	}' "$1.modprobe"
}

for kver in "$@"; do
	tree=$cache/$kver/image/lib/modules/$kver
	if [ ! -s "$tree/modules.dep.bin" ]; then
		echo "SKIP tree $kver: not cached ($tree); LKMTUI_KVER=$kver tests/vm/prepare.sh fetches it"
		skipped="$skipped $kver"
		continue
	fi
	start=$(date +%s)
	root=$work/root-$kver
	mkdir -p "$root/lib/modules" "$root/proc" "$root/etc"
	ln -s "$tree" "$root/lib/modules/$kver"
	: > "$root/proc/modules"
	builtin=$(sed -n 's|.*/\([^/]*\)\.ko$|\1|p' "$tree/modules.builtin" | sort | head -n 1)
	write_configs "${builtin:-crc32c_generic}"

	# Module names as modules.dep spells them (file names: "ne2k-pci").
	sed -n 's|^[^:]*/\([^/:]*\)\.ko[^:]*:.*|\1|p' "$tree/modules.dep" | sort -u > "$work/all"
	printf '%s\n' $config_names > "$work/special"
	sed -n 's/^softdep \([^ ]*\) .*/\1/p' "$tree/modules.softdep" >> "$work/special"
	awk '$1 == "alias" { n[$2]++ } END { for (a in n) if (n[a] > 1) print a }' \
		"$tree/modules.alias" | sort > "$work/multi"
	if [ -n "$full" ]; then
		cp "$work/all" "$work/sample"
	else
		# A fixed sample: a hash of each name picks it, the same on every run and
		# every machine; the rate gives at least $sample_min of the tree.
		total=$(wc -l < "$work/all")
		awk -v want="$sample_min" -v total="$total" '
		BEGIN { for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i
			keep = want * 1.15 / total }
		{ h = 5381
		  for (i = 1; i <= length($0); i++) h = (h * 33 + ord[substr($0, i, 1)]) % 1000003
		  if (h / 1000003 < keep) print }' "$work/all" > "$work/sample"
		if [ "$(wc -l < "$work/sample")" -lt "$sample_min" ] && [ "$total" -ge "$sample_min" ]; then
			echo "FAIL tree $kver: the sample is smaller than $sample_min"
			status=1
		fi
	fi
	sort -u "$work/sample" "$work/special" "$work/multi" > "$work/names"

	for conf in plain blocks softdeps blacklist combined; do
		rm -rf "$root/etc/modprobe.d"
		cp -r "$work/conf/$conf" "$root/etc/modprobe.d"
		case $conf in
		plain | combined) names=$work/names ;;
		*) [ -n "$full" ] && names=$work/names || names=$work/special ;;
		esac
		sort -u "$names" > "$work/run"
		run_both "$root" "$kver" "$root/etc/modprobe.d" "$work/run" "$work/out"
		compare "$work/out" "$kver/$conf" || status=1
	done
	echo "tree $kver: $(wc -l < "$work/names") names, $(($(date +%s) - start)) s"
done

[ $status -ne 0 ] && exit 1
if [ -n "$skipped" ]; then
	echo "SKIP: plan differential: trees not cached:$skipped"
	exit 77
fi
exit 0
