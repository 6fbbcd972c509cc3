# needs: lkmtui
# python
# copy: integrations/ansible:/opt/ansible
# copy: tests/ansible/case.yml:/opt/case.yml
# qemu: -m 1024
# timeout: 900
# lkmtui-ansible: Debian's ansible-playbook (-c local, in the guest: python-cpio.sh) runs
# the collection's lkmtui.kernel.lkm against the real kernel. Each case is one play of one
# task (tests/ansible/case.yml, as on the host's fake kernel); printed are its whole result
# (JSON, sorted keys, less the interpreter Ansible found) and /proc/modules after it.
# Cases: load demo_ne with io and irq (changed), again (unchanged); drift (irq written
# through /sys): check mode with diff sees it and leaves it, the run corrects it, then
# unchanged; a failing load (msdos by file without fat: the diagnosis, predicted in check
# mode); absent (check mode, then removed, then unchanged). About 45 s a play (TCG).
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
	mods
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
play fail-unresolved-check "{\"m\": \"$MODDIR/kernel/fs/fat/msdos$KO\"}" --check
play fail-unresolved "{\"m\": \"$MODDIR/kernel/fs/fat/msdos$KO\"}"
klog | shapes
play absent-check '{"m": "demo_ne", "st": "absent"}' --check
play absent '{"m": "demo_ne", "st": "absent"}'
play absent-again '{"m": "demo_ne", "st": "absent"}'
