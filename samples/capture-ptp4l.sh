#!/usr/bin/env bash
# Captures real linuxptp traffic for samples/ptp4l-veth.pcapng (needs root, ptp4l, pmc, dumpcap, mergecap).
# Usage: samples/capture-ptp4l.sh [OUTPUT.pcapng]; CAPTURE_IFACE=any records Linux cooked (SLL2) frames instead.
#
# Two network namespaces joined by a veth pair; ptp4l runs as master in one and as slave in the other,
# with software timestamps, free_running 1 and without CAP_SYS_TIME, so no clock is ever adjusted.
# Three short sessions: UDPv4 end-to-end (plus a pmc GET over UDP), IEEE 802.3 peer-to-peer, UDPv6
# end-to-end. dumpcap records each inside the master's namespace; mergecap joins them. Every process
# runs under `timeout`; the namespaces (and with them the veth pair) are removed on any exit.
set -euo pipefail
out=${1:-"$(dirname "$0")/ptp4l-veth.pcapng"}
id=$$
nsm=p4n-dump-m-$id
nss=p4n-dump-s-$id
vm=p4nm$id
vs=p4ns$id
work=$(mktemp -d)
cleanup() {
  ip netns pids "$nsm" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns pids "$nss" 2>/dev/null | xargs -r kill 2>/dev/null || true
  sleep 0.2
  ip netns del "$nsm" 2>/dev/null || true
  ip netns del "$nss" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$nsm"
ip netns add "$nss"
ip link add "$vm" type veth peer name "$vs"
ip link set "$vm" netns "$nsm"
ip link set "$vs" netns "$nss"
for pair in "$nsm $vm 1" "$nss $vs 2"; do
  set -- $pair
  ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.accept_dad=0"
  ip -n "$1" link set lo up
  ip -n "$1" link set "$2" address "02:00:5e:00:77:0$3"
  ip -n "$1" addr add "10.255.77.$3/24" dev "$2"
  ip -n "$1" addr add "fd00:77::$3/64" dev "$2" nodad
  ip -n "$1" link set "$2" up
done

cat > "$work/common.cfg" <<CFG
[global]
free_running            1
time_stamping           software
logSyncInterval         -1
logAnnounceInterval     -1
logMinDelayReqInterval  -1
logMinPdelayReqInterval -1
announceReceiptTimeout  2
summary_interval        10
CFG
sed 's/^\[global\]/[global]\npriority1 100/' "$work/common.cfg" > "$work/master.cfg"

drop=(setpriv --bounding-set=-sys_time --inh-caps=-sys_time)
session() { # transport-flags seconds name
  local flags=$1 secs=$2 name=$3
  ip netns exec "$nsm" timeout $((secs + 2)) dumpcap -q -i "${CAPTURE_IFACE:-$vm}" -f "udp port 319 or udp port 320 or ether proto 0x88f7" -a "duration:$secs" -w "$work/$name.pcapng" 2>/dev/null &
  local cap=$!
  sleep 0.5
  ip netns exec "$nsm" timeout "$secs" "${drop[@]}" ptp4l $flags -S -i "$vm" -f "$work/master.cfg" -m -q >"$work/$name-master.log" 2>&1 &
  ip netns exec "$nss" timeout "$secs" "${drop[@]}" ptp4l $flags -S -s -i "$vs" -f "$work/common.cfg" -m -q >"$work/$name-slave.log" 2>&1 &
  if [ "$name" = udp4 ]; then
    sleep $((secs - 2))
    ip netns exec "$nss" timeout 2 "${drop[@]}" pmc -4 -i "$vs" -b 1 -t 1 'GET CURRENT_DATA_SET' 'GET PORT_DATA_SET' >"$work/pmc.log" 2>&1 || true
  fi
  wait "$cap" || true
  wait || true
}
session -4 4 udp4
session "-2 -P" 4 l2
session -6 4 udp6
mergecap -F pcapng -w "$out" "$work/udp4.pcapng" "$work/l2.pcapng" "$work/udp6.pcapng"
echo "wrote $out"
