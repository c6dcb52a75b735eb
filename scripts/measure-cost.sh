#!/usr/bin/env bash
# measure-cost.sh: one cost run of ptp4net against ptp4l (a quicker subset of measure-lab.sh, for tuning).
#   sudo ROLE=master RATE=-4 scripts/measure-cost.sh      # ptp4net master + ptp4l client (free_running 1)
#   sudo ROLE=client RATE=-7 scripts/measure-cost.sh      # ptp4l master (free_running 1) + ptp4net client
# Prints CPU % of both daemons over WINDOW s after STARTUP_S s (utime+stime from /proc/PID/stat), their VmHWM and
# VmRSS, ptp4net's threads with their CPU ticks in the window, and its mapped managed assemblies.
# Environment: ROLE (master), RATE (-4), STARTUP_S (10), WINDOW (50), PTP4NET (path of an already built ptp4net;
# default src/Ptp4Net.Host/bin/Release/net10.0/ptp4net), P4N_ENV ("VAR=value ..." extra environment for ptp4net).
# Never touches a real clock: setpriv without CAP_SYS_TIME, ptp4l free_running 1, ptp4net emulated_clock 1; the
# namespaces and processes are removed on exit.
set -euo pipefail
ROLE=${ROLE:-master}; RATE=${RATE:--4}; STARTUP_S=${STARTUP_S:-10}; WINDOW=${WINDOW:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PTP4NET=${PTP4NET:-$ROOT/src/Ptp4Net.Host/bin/Release/net10.0/ptp4net}
[ "$(id -u)" = 0 ] || { echo "measure-cost: needs root (network namespaces)" >&2; exit 1; }
[ -x "$PTP4NET" ] || { echo "measure-cost: no ptp4net at $PTP4NET (dotnet build -c Release first)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/p4n-cost.XXXXXX); ID=$$
NA=p4ncost${ID}a; NB=p4ncost${ID}b; IA=p4c${ID}a; IB=p4c${ID}b
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  ip netns del "$NA" 2>/dev/null || true; ip netns del "$NB" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM
ip netns add "$NA"; ip netns add "$NB"
ip link add "$IA" netns "$NA" type veth peer name "$IB" netns "$NB"
ip -n "$NA" addr add 198.18.252.1/24 dev "$IA"; ip -n "$NB" addr add 198.18.252.2/24 dev "$IB"
for n in "$NA" "$NB"; do ip -n "$n" link set lo up; done
ip -n "$NA" link set "$IA" up; ip -n "$NB" link set "$IB" up
sleep 1
start() { local label=$1 ns=$2; shift 2
  ip netns exec "$ns" setpriv --bounding-set=-sys_time --inh-caps=-sys_time "$@" >"$WORK/$label.log" 2>&1 &
  LAST=$!; PIDS+=("$LAST"); }
common=$(printf 'logSyncInterval %s\n' "$RATE")
printf '[global]\nfree_running 1\nuds_address %s/l.sock\n%s\n%s\n' "$WORK" "$common" "$([ "$ROLE" = master ] && echo 'slaveOnly 1')" >"$WORK/l.cfg"
if [ "$ROLE" = master ]; then extra=$'serverOnly 1\nemulated_clock_offset_ns 50000\n'
else extra=$'clientOnly 1\nemulated_clock_offset_ns 100000\nemulated_clock_freq_ppb 20000\npi_proportional_const 0.7\npi_integral_const 0.3\n'; fi
printf '[global]\nemulated_clock 1\nuds_address %s/p.sock\nuds_ro_address %s/p.ro\n%s\n%s' "$WORK" "$WORK" "$common" "$extra" >"$WORK/p.cfg"
# shellcheck disable=SC2086
if [ "$ROLE" = master ]; then
  start p "$NA" env ${P4N_ENV:-} "$PTP4NET" -f "$WORK/p.cfg" -i "$IA" -S -m; pp=$LAST
  start l "$NB" ptp4l -f "$WORK/l.cfg" -i "$IB" -S -m; lp=$LAST
else
  start l "$NA" ptp4l -f "$WORK/l.cfg" -i "$IA" -S -m; lp=$LAST
  start p "$NB" env ${P4N_ENV:-} "$PTP4NET" -f "$WORK/p.cfg" -i "$IB" -S -m; pp=$LAST
fi
TCK=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { for t in /proc/$1/task/*; do printf '%s %s %s\n' "${t##*/}" "$(awk '{print $14 + $15}' "$t/stat")" "$(tr ' ' _ <"$t/comm")"; done; }
sleep "$STARTUP_S"
p0=$(ticks "$pp"); l0=$(ticks "$lp"); threads "$pp" >"$WORK/t0"
sleep "$WINDOW"
p1=$(ticks "$pp"); l1=$(ticks "$lp"); threads "$pp" >"$WORK/t1"
pct() { awk -v a="$1" -v b="$2" -v t="$TCK" -v w="$WINDOW" 'BEGIN{printf "%.2f", 100*(b-a)/t/w}'; }
st() { awk -v k="$2" '$1==k":" {printf "%.1f", $2/1024}' "/proc/$1/status"; }
hz=$(awk -v r="$RATE" 'BEGIN{printf "%d", 2^(-r)}')
echo "rate $hz Sync/s, ptp4net $ROLE, window ${WINDOW} s after ${STARTUP_S} s, P4N_ENV='${P4N_ENV:-}'"
echo "ptp4net: CPU $(pct "$p0" "$p1") %  VmHWM $(st "$pp" VmHWM) MB  VmRSS $(st "$pp" VmRSS) MB  RssAnon $(st "$pp" RssAnon) MB  RssFile $(st "$pp" RssFile) MB  threads $(ls /proc/$pp/task | wc -l)"
echo "ptp4l:   CPU $(pct "$l0" "$l1") %  VmHWM $(st "$lp" VmHWM) MB"
echo "ptp4net threads with CPU ticks in the window (tid ticks name):"
join -a 2 -e 0 -o 0,1.2,2.2,2.3 <(sort "$WORK/t0") <(sort "$WORK/t1") | awk '{d=$3-$2; if (d>0) print "  " $1, d, $4}' | sort -k2 -nr
echo "  (threads that ended inside the window are not listed: total minus the sum above)"
echo "managed assemblies mapped: $(grep -oE '[^/]+\.dll$' "/proc/$pp/maps" | sort -u | tr '\n' ' ')"
grep -E "SLAVE|s2" "$WORK/l.log" "$WORK/p.log" | tail -2 || true
