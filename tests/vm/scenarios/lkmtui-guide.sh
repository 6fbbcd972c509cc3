# needs: lkmtui
# timeout: 300
# lkmtui-guide: the lab's guide as a student follows it. /lab/GUIDE.txt is
# data/lab/GUIDE.md (prepare.sh copies it: one source). Every file the guide names
# is in the lab, and every command of its examples (its indented lines, less their
# "# ..." remarks) runs here, in the guide's order, with its whole output: what
# the guide says of each must be what it printed.
G=/lab/GUIDE.txt
# What moves between kernel builds and runs: CRCs, sizes, offsets; the tables' counts
# (interrupts, bytes and packets sent) and so their columns' widths.
norm() {
	sed -E 's/0x[0-9a-f]{8}/0xCRC/g; s/at offset 0x[0-9a-f]+/at offset 0xOFF/; s/\([0-9]+ bytes\)/(SIZE bytes)/'
}
norm_table() {
	sed -E 's/(^| )[0-9]+B?( |$)/\1N\2/g; s/(^| )[0-9]+B?( |$)/\1N\2/g; s/  +/ /g; s/ +$//'
}

echo "--- every file the guide names"
# A path with one {a,b} group is each of its words; a glob must match something.
# Those in /lab, and the table's.
{ grep -o '/lab/[^` ]*' "$G"; sed -n 's/^| `\(\/[^`]*\)`.*/\1/p' "$G"; } | sort -u | while read -r p; do
	q=$(echo "$p" | sed "s/\$(uname -r)/$(uname -r)/")
	case $q in
	*{*}*) pre=${q%%\{*} rest=${q#*\{}; words=$(echo "${rest%%\}*}" | tr , ' '); post=${rest#*\}} ;;
	*) pre=$q words=- post= ;;
	esac
	for w in $words; do
		[ "$w" = - ] && w=
		# shellcheck disable=SC2086 # a glob, on purpose
		if ls -d $pre$w$post >/dev/null 2>&1; then echo "$p: $w ok"; else echo "$p: $w MISSING"; fi
	done
done

echo "--- every command of the guide, in order"
awk '/^     *[^ #]/ { sub(/^ +/, ""); sub(/  +#.*$/, ""); print }' "$G" > /tmp/guide.cmds
while IFS= read -r cmd; do
	echo "\$ $cmd"
	sh -c "$cmd" > /tmp/guide.out 2>&1 < /dev/null
	rc=$?
	case $cmd in
	"lkmtui list"* | "lkmtui interrupts"* | "lkmtui netdev"*) norm_table < /tmp/guide.out ;;
	*) norm < /tmp/guide.out ;;
	esac
	echo "[rc=$rc]"
done < /tmp/guide.cmds
