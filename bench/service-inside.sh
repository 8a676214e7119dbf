#!/bin/sh
# Runs INSIDE the sandbox (bench/service starts it). See bench/service.
set -u
runs=${1:-9}
out=/tmp/bench-svc
mkdir -p "$out"
cat > /tmp/bench-shell-status.sh <<'X'
# all six, whatever each answers (current settings fail while no session is up)
qmicli -d /dev/cdc-wdm0 --uim-get-card-status; qmicli -d /dev/cdc-wdm0 --nas-get-signal-strength
qmicli -d /dev/cdc-wdm0 --nas-get-serving-system; qmicli -d /dev/cdc-wdm0 --wds-get-packet-service-status
qmicli -d /dev/cdc-wdm0 --wds-get-current-settings; qmicli -d /dev/cdc-wdm0 --wds-get-packet-statistics
exit 0
X
T="/usr/bin/time -f %e -o"
# the shell first, while nothing else talks to the modem (one qmicli at a time per device)
i=1
while [ "$i" -le "$runs" ]; do
    $T "$out/shell.$i" sh /tmp/bench-shell-status.sh >/dev/null 2>&1 || echo "shell $i failed" >&2
    i=$((i + 1))
done
QMI_CONN_WATCH_JIT="${WATCH_JIT:--Xint}" qmi-conn watch --apn fast.metropcs.com --poll 2s > /tmp/bench-watch.log 2>&1 &
svc=$!
n=0
until grep -q ' connected ' /tmp/bench-watch.log 2>/dev/null; do
    n=$((n + 1)); [ "$n" -gt 300 ] && { echo "service did not connect" >&2; kill "$svc"; exit 1; }
    sleep 0.1
done
i=1
while [ "$i" -le "$runs" ]; do
    $T "$out/service.$i" qmi-conn status --json >/dev/null 2>&1 || echo "status $i failed" >&2
    $T "$out/version.$i" qmi-conn --version >/dev/null 2>&1
    i=$((i + 1))
done
QMI_CONN_JAVA_OPTS="-Xlog:class+load:file=/tmp/bench-classes.txt" qmi-conn status --json >/dev/null 2>&1
sleep 6
rss=$(awk '/VmRSS/ {print $2}' "/proc/$svc/status")
kill "$svc"; wait "$svc" 2>/dev/null
median() { sort -n "$@" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(cat "$out"/shell.* | median); c=$(cat "$out"/service.* | median)
echo "shell six queries: median ${s} s; status --json through the service: median ${c} s (ratio $(echo "$c $s" | awk '{printf "%.2f", $1/$2}'))"
echo "for scale, qmi-conn --version (full JVM start, picocli): median $(cat "$out"/version.* | median) s; runs: $(cat "$out"/service.* | tr '\n' ' ')"
echo "classes loaded by a forwarded status: $(grep -c 'source:' /tmp/bench-classes.txt) (picocli: $(grep -c picocli /tmp/bench-classes.txt), jackson: $(grep -c jackson /tmp/bench-classes.txt), logback: $(grep -c logback /tmp/bench-classes.txt))"
echo "service RSS after connecting: $((rss / 1024)) MB"
