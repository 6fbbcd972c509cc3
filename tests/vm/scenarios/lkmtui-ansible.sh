# needs: lkmtui
# python
# full-tree
# disk: 16
# boots: 2
# host: /lib/systemd/systemd-modules-load
# copy: integrations/ansible:/opt/ansible
# copy: tests/ansible/case.yml:/opt/case.yml
# copy: tests/ansible/compare.yml:/opt/compare.yml
# copy: tests/ansible/compare-case.yml:/opt/compare-case.yml
# copy: tests/ansible/compare-table.py:/opt/compare-table.py
# qemu: -m 1024
# timeout: 1800
# lkmtui-ansible: Debian's ansible-playbook (-c local, in the guest: python-cpio.sh) runs
# the collection's lkmtui.kernel.lkm against the real kernel. Each case is one play of one
# task (tests/ansible/case.yml, as on the host's fake kernel); printed are its whole result
# (JSON, sorted keys, less the interpreter Ansible found) and the modules of the cases in
# /proc/modules after it.
# Cases: load demo_ne with io and irq (changed), again (unchanged); drift (irq written
# through /sys): check mode with diff sees it and leaves it, the run corrects it, then
# unchanged; absent (check mode, then removed, then unchanged). About 45 s a play (TCG).
# Then one play (tests/ansible/compare.yml) runs the cases of the comparison through
# lkmtui.kernel.lkm and Debian's community.general.modprobe (failing loads among them,
# and a check mode that predicts one), the last with persistent; the second boot (/etc is
# on the disk) runs Debian's systemd-modules-load on each module's files alone.
# compare-table.py makes the table of it all that README.md shows.
boot=$(sed -n 's/.*lkmtui\.boot=\([0-9]*\).*/\1/p' /proc/cmdline)
# /etc on the disk: virtio_blk and ext4 from the whole tree, mounted beside the small one.
$KMOD/modprobe -a virtio_pci 9pnet_virtio 9p
mkdir -p "/mnt/full$MODDIR" /disk
mount -t 9p -o trans=virtio,version=9p2000.L,ro fulltree "/mnt/full$MODDIR"
$KMOD/modprobe -d /mnt/full -a virtio_blk ext4 || echo "no ext4 from the full tree"
mount -t ext4 /dev/vda /disk || echo "no disk"
if [ "$boot" = 1 ]; then
	mkdir -p /disk/etc /etc/modprobe.d /etc/modules-load.d /run/modprobe.d
	cp -a /etc/. /disk/etc/
fi
mount -o bind /disk/etc /etc
# The modules of the cases, from /proc/modules (the disk's own aside).
ours() { mods | grep -E '^(demo_ne|msdos|fat) ' || echo "(none of them)"; }
klog >/dev/null
echo "@log boot $boot: /etc on the disk at $(cut -d' ' -f1 /proc/uptime) s"
if [ "$boot" = 2 ]; then
	# Boot 1 left each module's files in /disk/TOOL: each in /etc alone, Debian's
	# systemd-modules-load reads them as the boot does; /sys says with which values.
	echo "== boot 2: Debian's systemd-modules-load, each module's files alone"
	ours
	find /disk/lkm /disk/modprobe -type f | sed "s/^/@log boot 2: kept: /"
	for tool in lkm modprobe; do
		# (show's loop variable is f: these names are conf and d.)
		[ $tool = lkm ] && conf=lkmtui.conf || conf=demo_ne.conf
		echo "-- $tool's files:"
		for d in modprobe.d modules-load.d; do
			cp /disk/$tool/$d/$conf /etc/$d/ && show /etc/$d/$conf
		done
		SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_LEVEL=info /lib/systemd/systemd-modules-load 2>&1
		P=/sys/module/demo_ne/parameters
		if [ -d $P ]; then
			state="loaded: demo_ne; demo_ne: io=$(cat $P/io) irq=$(cat $P/irq)"
		else
			state="loaded: none"
		fi
		echo "$tool: $state" | tee -a /disk/after-reboot
		rmmod demo_ne 2>/dev/null
		rm -f /etc/modprobe.d/$conf /etc/modules-load.d/$conf
	done
	echo "== lkmtui.kernel.lkm and community.general.modprobe, side by side"
	python3 /opt/compare-table.py /disk/compare.json /disk/after-reboot
	exit 0
fi
P=/sys/module/demo_ne/parameters
# Ansible's worker processes share memory through /dev/shm.
mkdir -p /dev/shm && mount -t tmpfs tmpfs /dev/shm
export ANSIBLE_COLLECTIONS_PATH=/opt/ansible ANSIBLE_HOME=/tmp/ansible-home \
	ANSIBLE_LOCAL_TEMP=/tmp/ansible-tmp ANSIBLE_REMOTE_TEMP=/tmp/ansible-remote \
	ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0 \
	ANSIBLE_INVENTORY_UNPARSED_WARNING=0 \
	ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3 PYTHONUTF8=1 USER=root LC_ALL=C.UTF-8
# play TITLE VARS [ansible-playbook options]
play() {
	echo "--- $1: $2${3:+ $3}${4:+ $4}"
	_title=$1 _vars=$2
	shift 2
	rm -f /tmp/result
	ansible-playbook -i localhost, -c local /opt/case.yml -e "$_vars" "$@" \
		-e '{"root": "", "lkmtui": "/bin/lkmtui", "out": "/tmp/result"}' >/tmp/play.log 2>&1
	echo "[rc=$?]"
	cat /tmp/result 2>/dev/null || cat /tmp/play.log
	ours
}

t python3 -c 'import ansible.release, jinja2, yaml; print("ansible-core imports")'
play load '{"m": "demo_ne", "p": {"io": "0x300", "irq": 11}}' --diff
show $P/io $P/irq
play load-again '{"m": "demo_ne", "p": {"io": "0x300", "irq": 11}}'
echo "--- drift: irq written through /sys"
sh_t "echo 7 > $P/irq"
play drift-check '{"m": "demo_ne", "p": {"io": 768, "irq": 11}}' --check --diff
show $P/irq
play drift '{"m": "demo_ne", "p": {"io": 768, "irq": 11}}' --diff
show $P/irq
play drift-again '{"m": "demo_ne", "p": {"io": 768, "irq": 11}}'
play absent-check '{"m": "demo_ne", "st": "absent"}' --check
play absent '{"m": "demo_ne", "st": "absent"}'
play absent-again '{"m": "demo_ne", "st": "absent"}'
echo "@log boot 1: the single plays done at $(cut -d' ' -f1 /proc/uptime) s"
echo "--- compare: the same cases through lkmtui.kernel.lkm and community.general.modprobe"
ansible-playbook -i localhost, -c local /opt/compare.yml -e '{"out": "/disk/compare.json"}' \
	>/tmp/play.log 2>&1
echo "[rc=$?]"
[ -s /disk/compare.json ] || cat /tmp/play.log
ours
echo "@log boot 1: compare done at $(cut -d' ' -f1 /proc/uptime) s"
# What each module left for the next boot, kept apart on the disk: lkmtui's (compare.yml
# moved them to /disk/lkm before modprobe ran) and modprobe's, out of /etc.
for d in modprobe.d modules-load.d; do
	mkdir -p /disk/modprobe/$d
	mv /etc/$d/demo_ne.conf /disk/modprobe/$d/ || echo "no $d/demo_ne.conf from modprobe"
done
find /disk/lkm /disk/modprobe -type f | sed "s/^/@log boot 1: kept: /"
sync
umount /etc || echo "umount /etc failed"
umount /disk || echo "umount /disk failed"
