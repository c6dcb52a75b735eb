#!/usr/bin/env bash
# measure-lab.sh: the lab figures of issue 6 ("Figures for your note"), measured on a veth between two network
# namespaces with software time stamps. Run as root:   sudo scripts/measure-lab.sh
#
#   accuracy  ptp4l (free_running 1) master, ptp4net client on the emulated clock (100 us off, +20 ppm), 1 Sync/s,
#             ptp4l's default (software) PI gains; the emulated clock's true offset ("emulated clock offset N",
#             logged once a second) over the last 30 s: RMS, max, mean; and how many of ptp4net's own measured
#             offsets in those 30 s exceed 10 us (veth stamping outliers that reached the servo).
#   cost      for each Sync rate (logSyncInterval -4 = 16/s and -7 = 128/s; Delay_Req/Announce at defaults):
#               run A  ptp4l master  + ptp4net client (emulated clock, PI 0.7/0.3 so that it locks in the run)
#               run B  ptp4l master  + ptp4l client (free_running 1)
#               run C  ptp4net master (emulated clock) + ptp4l client (free_running 1)
#             each DURATION s; CPU seconds (utime+stime from /proc/PID/stat) over the whole run and over the part
#             after start-up (from STARTUP_S s on), peak RSS (VmHWM from /proc/PID/status) of both daemons, and
#             ptp4net's garbage collections after start-up, read in-process by a .NET startup hook
#             (scripts/gc-hook) because the daemon does not log them.
#
# Never touches a real clock: every daemon runs under setpriv without CAP_SYS_TIME, ptp4l with free_running 1,
# ptp4net on its emulated clock. The namespaces, veth and processes it creates are removed on exit (also on ^C).
#
# Environment: DURATION (60), ACC_DURATION (120; 0 skips the accuracy run), STARTUP_S (10), RATES ("-4 -7"),
# PTP4NET (path of the ptp4net executable; default: `dotnet publish -c Release -r linux-x64`, the ReadyToRun
# deployment build; BUILD=build uses `dotnet build -c Release` (JIT) instead), KEEP=1 keeps the work directory.
set -euo pipefail

DURATION=${DURATION:-60}
ACC_DURATION=${ACC_DURATION:-120}
STARTUP_S=${STARTUP_S:-10}
RATES=${RATES:-"-4 -7"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "measure-lab: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (network namespaces); nothing was changed"
for t in ip setpriv ptp4l dotnet awk getconf; do command -v "$t" >/dev/null || die "needs $t on PATH"; done

WORK=$(mktemp -d /tmp/p4n-lab.XXXXXX)
ID=$$
NA=p4nlab${ID}a; NB=p4nlab${ID}b; IA=p4lab${ID}a; IB=p4lab${ID}b
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  ip netns del "$NA" 2>/dev/null || true
  ip netns del "$NB" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

if [ -z "${PTP4NET:-}" ]; then
  if [ "${BUILD:-publish}" = build ]; then
    echo "building ptp4net (dotnet build -c Release: JIT)..." >&2
    dotnet build "$ROOT/src/Ptp4Net.Host/Ptp4Net.Host.csproj" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
    PTP4NET=$ROOT/src/Ptp4Net.Host/bin/Release/net10.0/ptp4net
  else
    # The deployment build: ReadyToRun (the host sets PublishReadyToRun when a runtime identifier is given).
    echo "publishing ptp4net (dotnet publish -c Release -r linux-x64: ReadyToRun)..." >&2
    dotnet publish "$ROOT/src/Ptp4Net.Host/Ptp4Net.Host.csproj" -c Release -r linux-x64 -o "$WORK/publish" -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "publish failed"; }
    PTP4NET=$WORK/publish/ptp4net
  fi
fi
[ -x "$PTP4NET" ] || die "no ptp4net executable at $PTP4NET"
dotnet build "$ROOT/scripts/gc-hook/GcHook.csproj" -c Release -o "$WORK/gchook" -v q -nologo >"$WORK/hook.log" 2>&1 || { cat "$WORK/hook.log"; die "gc hook build failed"; }
HOOK=$WORK/gchook/Ptp4Net.GcHook.dll
TCK=$(getconf CLK_TCK)

ip netns add "$NA"; ip netns add "$NB"
ip link add "$IA" netns "$NA" type veth peer name "$IB" netns "$NB"
ip -n "$NA" addr add 198.18.251.1/24 dev "$IA"; ip -n "$NB" addr add 198.18.251.2/24 dev "$IB"
for n in "$NA" "$NB"; do ip -n "$n" link set lo up; done
ip -n "$NA" link set "$IA" up; ip -n "$NB" link set "$IB" up
sleep 1

# start LABEL NETNS CMD...: runs CMD in NETNS without CAP_SYS_TIME; ip, setpriv and env exec, so $! is the daemon.
start() {
  local label=$1 ns=$2; shift 2
  ip netns exec "$ns" setpriv --bounding-set=-sys_time --inh-caps=-sys_time "$@" >"$WORK/$label.log" 2>&1 &
  LAST=$!
  PIDS+=("$LAST")
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
stop() { kill "$1" 2>/dev/null || true; for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -9 "$1" 2>/dev/null || true; }
ptp4l_cfg() { printf '[global]\nfree_running 1\nuds_address %s/%s.sock\n%s' "$WORK" "$1" "$2" >"$WORK/$1.cfg"; }
p4n_cfg() { printf '[global]\nemulated_clock 1\nuds_address %s/%s.sock\nuds_ro_address %s/%s.ro\n%s' "$WORK" "$1" "$WORK" "$1" "$2" >"$WORK/$1.cfg"; }
p4n() { start "$1" "$2" env DOTNET_STARTUP_HOOKS="$HOOK" P4N_GC_FILE="$WORK/$1.gc" P4N_GC_AFTER_S="$STARTUP_S" "$PTP4NET" -f "$WORK/$1.cfg" -i "$3" -S -m; }
l4p() { start "$1" "$2" ptp4l -f "$WORK/$1.cfg" -i "$3" -S -m; }

# stats FILE FROM_S: RMS / max|x| / mean of "emulated clock offset N" lines with monotonic time >= FROM_S
stats_emulated() { awk -v from="$2" '/emulated clock offset/ { t=substr($1, index($1,"[")+1); t=substr(t,1,index(t,"]")-1)+0; if (t>=from) { x=$NF; n++; s+=x; q+=x*x; if (x<0) x=-x; if (x>m) m=x } } END { if (n) printf "n=%d rms=%.0f ns max=%d ns mean=%.0f ns", n, sqrt(q/n), m, s/n; else printf "n=0" }' "$1"; }
# "master offset N" samples with time >= FROM_S: count and how many |N| > 10 us
outliers() { awk -v from="$2" '/master offset/ { t=substr($1, index($1,"[")+1); t=substr(t,1,index(t,"]")-1)+0; if (t>=from) { x=$(NF-6); if (x<0) x=-x; n++; if (x>10000) o++ } } END { printf "%d of %d measured offsets beyond 10 us", o+0, n+0 }' "$1"; }
last_time() { awk '{ t=substr($1, index($1,"[")+1); t=substr(t,1,index(t,"]")-1); if (t ~ /^[0-9.]+$/) last=t } END { print last+0 }' "$1"; }

echo "# ptp4net lab figures ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, kernel $(uname -r), $(ptp4l -v 2>&1 | head -1 | sed 's/^/linuxptp /'))"

# ---- accuracy ------------------------------------------------------------------------------------------------
if [ "$ACC_DURATION" -gt 0 ]; then
ptp4l_cfg acc-master ""
p4n_cfg acc-client $'clientOnly 1\nemulated_clock_offset_ns 100000\nemulated_clock_freq_ppb 20000\n'
l4p acc-master "$NA" "$IA"; m=$LAST
p4n acc-client "$NB" "$IB"; c=$LAST
sleep "$ACC_DURATION"
stop "$c"; stop "$m"
end=$(last_time "$WORK/acc-client.log"); from=$(awk -v e="$end" 'BEGIN{print e-30}')
echo
echo "## accuracy: ptp4net client vs ptp4l, 1 Sync/s, default PI, ${ACC_DURATION} s run, last 30 s"
echo "true offset (emulated clock vs CLOCK_REALTIME): $(stats_emulated "$WORK/acc-client.log" "$from")"
echo "ptp4net measured offsets: $(outliers "$WORK/acc-client.log" "$from")"
grep -m1 "to SLAVE" "$WORK/acc-client.log" | sed 's/^/first SLAVE: /' || echo "never reached SLAVE"
fi

# ---- cost ----------------------------------------------------------------------------------------------------
echo
echo "## cost: ${DURATION} s per run; CPU s total (after ${STARTUP_S} s start-up); peak RSS"
echo "| Sync/s | role | daemon | CPU s total | CPU s after start-up | CPU % after start-up | VmHWM MB | GCs after start-up (gen0/1/2) |"
echo "|---|---|---|---|---|---|---|---|"
row() { # rate role name pid t0ticks tsticks hwm gcfile
  local tot=$(awk -v a="$6" -v t="$TCK" 'BEGIN{printf "%.2f", a/t}')
  local aft=$(awk -v a="$6" -v b="$5" -v t="$TCK" 'BEGIN{printf "%.2f", (a-b)/t}')
  local pct=$(awk -v a="$6" -v b="$5" -v t="$TCK" -v d="$DURATION" -v s="$STARTUP_S" 'BEGIN{printf "%.2f", 100*(a-b)/t/(d-s)}')
  local gc="-"
  [ -n "${8:-}" ] && [ -f "$8" ] && gc=$(awk '$9 == "after-startup" && $10 == "gen0" {print $11"/"$13"/"$15" (total "$4"/"$6"/"$8"; "$17" B allocated after start-up)"; next} {print "n/a: " $0}' "$8")
  echo "| $1 | $2 | $3 | $tot | $aft | $pct | $(awk -v k="$7" 'BEGIN{printf "%.1f", k/1024}') | $gc |"
}
run_pair() { # name rate master_kind client_kind
  local name=$1 rate=$2 mk=$3 ck=$4 common
  common=$(printf 'logSyncInterval %s\n' "$rate")
  if [ "$mk" = ptp4l ]; then ptp4l_cfg "$name-m" "$common"; l4p "$name-m" "$NA" "$IA"; else p4n_cfg "$name-m" "${common}"$'\nserverOnly 1\nemulated_clock_offset_ns 50000\n'; p4n "$name-m" "$NA" "$IA"; fi
  local mp=$LAST
  if [ "$ck" = ptp4l ]; then ptp4l_cfg "$name-c" "${common}"$'\nslaveOnly 1\n'; l4p "$name-c" "$NB" "$IB"; else p4n_cfg "$name-c" "${common}"$'\nclientOnly 1\nemulated_clock_offset_ns 100000\nemulated_clock_freq_ppb 20000\npi_proportional_const 0.7\npi_integral_const 0.3\n'; p4n "$name-c" "$NB" "$IB"; fi
  local cp=$LAST
  sleep "$STARTUP_S"
  local m0 c0; m0=$(cpu_ticks "$mp"); c0=$(cpu_ticks "$cp")
  sleep $((DURATION - STARTUP_S))
  local m1 c1 mh ch; m1=$(cpu_ticks "$mp"); c1=$(cpu_ticks "$cp"); mh=$(hwm_kb "$mp"); ch=$(hwm_kb "$cp")
  stop "$cp"; stop "$mp"
  local hz=$(awk -v r="$rate" 'BEGIN{printf "%d", 2^(-r)}')
  row "$hz" master "$mk" "$mp" "$m0" "$m1" "$mh" "$([ "$mk" = ptp4net ] && echo "$WORK/$name-m.gc")"
  row "$hz" client "$ck" "$cp" "$c0" "$c1" "$ch" "$([ "$ck" = ptp4net ] && echo "$WORK/$name-c.gc")"
}
for r in $RATES; do
  run_pair "a$r" "$r" ptp4l ptp4net
  run_pair "b$r" "$r" ptp4l ptp4l
  run_pair "c$r" "$r" ptp4net ptp4l
done

echo
echo "## accuracy in the cost runs (ptp4net client, PI 0.7/0.3), last 30 s"
for r in $RATES; do
  f="$WORK/a$r-c.log"; end=$(last_time "$f"); from=$(awk -v e="$end" 'BEGIN{print e-30}')
  echo "$(awk -v r="$r" 'BEGIN{printf "%d", 2^(-r)}') Sync/s: true offset $(stats_emulated "$f" "$from")"
done
echo
echo "## ptp4l's view of ptp4net as master (runs C): last summary lines"
for r in $RATES; do grep -E "rms|master offset" "$WORK/c$r-c.log" | tail -1 | sed "s/^/logSyncInterval $r: /" || true; done
