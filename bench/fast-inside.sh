#!/bin/sh
# Runs INSIDE the sandbox (bench/fast starts it, once per modem latency). See bench/fast.
#   fast-inside.sh RUNS LATENCY_LABEL [BASES [standalone]]
# BASES: older builds' homes, colon-separated; each runs up, status, down in the loop as rows NAME-up,
# NAME-status, NAME-down (NAME: the directory's last part), and runs its own service for rows NAME-svc-status,
# NAME-svc-down, NAME-svc-up. 'standalone' leaves the service rows out, 'service' the standalone qmi-conn rows
# (the shell's and the guide's baselines still run).
set -u
runs=${1:-9}
label=${2:-?}
BASES=${3:-}
ONLY=${4:-}
out=/tmp/bench-fast
rm -rf "$out"; mkdir -p "$out"
printf 'APN=fast.metropcs.com\n' > /tmp/bench-qmi-network.conf
APN=fast.metropcs.com

# ---- timing: wall ms of one command into $out/ROW.RUN (date's fork costs both sides alike) ----
now_ms() { echo $(($(date +%s%N) / 1000000)); }
measure() {  # ROW RUN COMMAND...: runs it quietly, records wall ms; a failure is said on stderr
    row=$1 run=$2; shift 2
    t0=$(now_ms)
    "$@" >/dev/null 2>&1 || echo "$row run $run failed (exit $?)" >&2
    echo $(($(now_ms) - t0)) > "$out/$row.$run"
}
median() {  # ROW -> median ms over its runs
    cat "$out/$1".* 2>/dev/null | sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)); else print "-"}'
}
spread() {  # ROW -> min-max
    cat "$out/$1".* 2>/dev/null | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {if (NR) print lo "-" hi}'
}

# ---- the shell and the guide ----
shell_status() {  # all six, whatever each answers
    qmicli -d /dev/cdc-wdm0 --uim-get-card-status; qmicli -d /dev/cdc-wdm0 --nas-get-signal-strength
    qmicli -d /dev/cdc-wdm0 --nas-get-serving-system; qmicli -d /dev/cdc-wdm0 --wds-get-packet-service-status
    qmicli -d /dev/cdc-wdm0 --wds-get-current-settings; qmicli -d /dev/cdc-wdm0 --wds-get-packet-statistics
    return 0
}
guide_up() {
    qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 start &&
    ip link set wwan0 up &&
    udhcpc -i wwan0 -f -q -n -t 5 -T 1 -s /etc/udhcpc/default.script
}
guide_down() {
    qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 stop
    ip addr flush dev wwan0; ip route flush dev wwan0; ip link set wwan0 down
}

# ---- service rows: each run starts `qmi-conn watch` (the resident service, as its unit runs it), waits for
# "connected", asks one status unmeasured (the service's first answer loads its command classes once in its
# lifetime), then measures status, down and up through it (each forwarded by a short client JVM), and stops it.
# The service's VmRSS is sampled after connecting and, on the last run, after 100 more status requests.
svc_setup() { :; }
svc_started() {  # LOG: until watch says connected (30 s at most)
    n=0
    until grep -q ' connected ' "$1" 2>/dev/null; do
        n=$((n + 1)); [ "$n" -gt 300 ] && { echo "the service did not connect" >&2; return 1; }
        sleep 0.1
    done
}
svc_each_run() {  # RUN [HOME]: HOME (an older build, BASE) runs its own service, rows NAME-svc-*
    if [ -n "${2:-}" ]; then
        q="env QMI_CONN_HOME=$2 $2/bin/qmi-conn" p="$(basename "$2")-svc"
    else
        q=qmi-conn p=svc
    fi
    log=$out/watch-log.$p.$1
    $q watch --apn "$APN" > "$log" 2>&1 &
    svc=$!
    if svc_started "$log"; then
        $q status --json >/dev/null 2>&1
        awk '/VmRSS/ {print $2}' "/proc/$svc/status" > "$out/$p-rss.$1"
        measure "$p-status" "$1" $q status --json
        measure "$p-down" "$1" $q down
        measure "$p-up" "$1" $q up
        if [ "$1" -eq "$runs" ]; then
            k=0
            while [ "$k" -lt 100 ]; do $q status --json >/dev/null 2>&1; k=$((k + 1)); done
            awk '/VmRSS/ {print $2}' "/proc/$svc/status" > "$out/$p-rss-100"
        fi
    fi
    kill "$svc"; wait "$svc" 2>/dev/null
}
svc_teardown() {  # one VmRSS line per service (this build's "svc", then each base's)
    for p in svc $(for home in $(echo "$BASES" | tr ':' ' '); do echo "$(basename "$home")-svc"; done); do
        printf '%s VmRSS after connecting: median %s MB (%s); after 100 status requests: %s MB\n' \
            "$( [ "$p" = svc ] && echo service || echo "$p")" \
            "$(cat "$out/$p"-rss.* | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.1f", a[int((NR+1)/2)] / 1024}')" \
            "$(cat "$out/$p"-rss.* | sort -n | awk '{printf "%s%.1f", (NR > 1 ? " " : ""), $1 / 1024}')" \
            "$(awk '{printf "%.1f", $1 / 1024}' "$out/$p-rss-100" 2>/dev/null)"
    done > "$out/svc-rss-line"
}
SVC_ROWS="svc-status:shell-status:0.3 svc-up:guide-up:0.8 svc-down:guide-down:"

[ "$ONLY" = standalone ] || svc_setup
i=1
while [ "$i" -le "$runs" ]; do
    measure guide-up "$i" guide_up
    measure guide-down "$i" guide_down
    if [ "$ONLY" != service ]; then
        measure conn-up "$i" qmi-conn up --apn "$APN" --timeout 20s
        measure shell-status "$i" shell_status
        measure conn-status "$i" qmi-conn status --json
        measure conn-down "$i" qmi-conn down
    else
        qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 start >/dev/null 2>&1
        measure shell-status "$i" shell_status  # with a session up, as in the full loop
        qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 stop >/dev/null 2>&1
    fi
    for home in $(echo "$BASES" | tr ':' ' '); do  # older builds, same runs, same load: before/after
        [ "$ONLY" = service ] && break
        b=$(basename "$home")
        measure "$b-up" "$i" env QMI_CONN_HOME="$home" "$home/bin/qmi-conn" up --apn "$APN" --timeout 20s
        measure "$b-status" "$i" env QMI_CONN_HOME="$home" "$home/bin/qmi-conn" status --json
        measure "$b-down" "$i" env QMI_CONN_HOME="$home" "$home/bin/qmi-conn" down
    done
    if [ "$ONLY" != standalone ]; then
        svc_each_run "$i"
        for home in $(echo "$BASES" | tr ':' ' '); do svc_each_run "$i" "$home"; done
    fi
    i=$((i + 1))
done
[ "$ONLY" = standalone ] || svc_teardown

# ---- report: row, median, spread, ratio to its baseline, target ----
printf '\nmodem reply latency %s, %s runs each, load %s\n' "$label" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-20s %8s %12s %16s %7s %s\n' row median_ms min-max vs ratio target
base_rows=""
for home in $(echo "$BASES" | tr ':' ' '); do
    [ "$ONLY" = service ] && break
    b=$(basename "$home")
    base_rows="$base_rows $b-up:guide-up:2.0 $b-status:shell-status:0.7 $b-down:guide-down:"
done
for home in $(echo "$BASES" | tr ':' ' '); do
    b=$(basename "$home")
    SVC_ROWS="$SVC_ROWS $b-svc-status:shell-status:0.3 $b-svc-up:guide-up:0.8 $b-svc-down:guide-down:"
done
[ "$ONLY" = standalone ] && SVC_ROWS=""
CONN_ROWS="conn-up:guide-up:2.0 conn-status:shell-status:0.7 conn-down:guide-down:"
[ "$ONLY" = service ] && CONN_ROWS=""
for spec in guide-up:: shell-status:: guide-down:: $CONN_ROWS $base_rows $SVC_ROWS; do
    row=${spec%%:*}; rest=${spec#*:}; base=${rest%%:*}; target=${rest#*:}
    m=$(median "$row")
    ratio=""
    if [ -n "$base" ]; then
        ratio=$(awk -v a="$m" -v b="$(median "$base")" 'BEGIN {if (b > 0 && a != "-") printf "%.2fx", a / b}')
    fi
    printf '%-20s %8s %12s %16s %7s %s\n' "$row" "$m" "$(spread "$row")" "${base:--}" "${ratio:--}" \
        "${target:+<= ${target}x}"
done
[ "$ONLY" = standalone ] || cat "$out/svc-rss-line" 2>/dev/null
exit 0
