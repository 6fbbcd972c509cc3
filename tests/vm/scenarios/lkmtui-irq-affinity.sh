# needs: lkmtui
# qemu: -smp 2
# lkmtui-irq-affinity: the NE2000 card's IRQ 11 (eth0 up) moved to CPU 1 with
# `lkmtui irq-affinity 11 1`; then its count grows on CPU 1 only. A CPU that is not
# online, a list that is not one and a line with no affinity are refused with their
# diagnoses. Needs a 2-CPU guest: boot it with -smp 2 (the header above).
# counts N: IRQ N's per-CPU counts ("c0 c1").
counts() {
	awk -v n="$1:" '$1 == n { print $2, $3 }' /proc/interrupts
}
# traffic: frames out of eth0 (no peer: ARP requests), each a transmit interrupt.
traffic() {
	ping -c 3 -W 1 -i 0.2 10.0.2.2 >/dev/null 2>&1
}

echo "--- setup"
echo "online: $(cat /sys/devices/system/cpu/online)"
t $KMOD/modprobe ne2k-pci
t ip link set eth0 up
t ip addr add 10.0.2.15/24 dev eth0
irq_line 11
show /proc/irq/11/smp_affinity_list
echo "--- move IRQ 11 to CPU 1"
# The IO-APIC moves a line when its next interrupt comes in (on the old CPU): where it
# is delivered right after the write depends on whether one came in between. One round
# of traffic completes the move; from then on the count grows on CPU 1 only.
sh_t "lkmtui irq-affinity 11 1 | sed 's/, delivered.*//'"
show /proc/irq/11/smp_affinity_list
traffic
show /proc/irq/11/effective_affinity_list
set -- $(counts 11)
before0=$1 before1=$2
traffic
set -- $(counts 11)
echo "CPU0 grew: $([ "$1" -gt "$before0" ] && echo yes || echo no)"
echo "CPU1 grew: $([ "$2" -gt "$before1" ] && echo yes || echo no)"
t lkmtui irq-affinity --json 11 0-1
echo "--- refusals"
t lkmtui irq-affinity 11 7
t lkmtui irq-affinity 11 1-
t lkmtui irq-affinity 200 0
t lkmtui irq-affinity LOC 0
t lkmtui irq-affinity 0 1
show /proc/irq/0/smp_affinity_list
