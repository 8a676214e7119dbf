#!/bin/sh
# Runs INSIDE the sandbox (bench/run starts it with `qmi-conn simulate`). Interleaves the guide's path and
# qmi-conn so machine load hits both alike; prints one line per run and the medians. Uses /usr/bin/time for
# wall time, CPU time and peak RSS (the largest single process of the command: the JVM, or one qmicli/udhcpc).
set -u
runs=${1:-7}
out=/tmp/bench
mkdir -p "$out"
printf 'APN=fast.metropcs.com\n' > /tmp/bench-qmi-network.conf
T="/usr/bin/time -f %e\t%U\t%S\t%M -o"

cat > /tmp/bench-guide-up.sh <<'X'
# the Metro PCS guide: qmi-network start, then the interface's dhcp (udhcpc with Debian's default script)
qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 start >/dev/null &&
ip link set wwan0 up &&
udhcpc -i wwan0 -f -q -n -t 5 -T 1 -s /etc/udhcpc/default.script >/dev/null 2>&1
X
cat > /tmp/bench-shell-status.sh <<'X'
# the same facts qmi-conn status reports, one qmicli after another
qmicli --version && qmicli -d /dev/cdc-wdm0 --uim-get-card-status &&
qmicli -d /dev/cdc-wdm0 --nas-get-serving-system && qmicli -d /dev/cdc-wdm0 --nas-get-signal-strength &&
qmicli -d /dev/cdc-wdm0 --wds-get-packet-service-status && qmicli -d /dev/cdc-wdm0 --wds-get-current-settings &&
qmicli -d /dev/cdc-wdm0 --wds-get-packet-statistics
X
guide_down() {
    qmi-network --profile=/tmp/bench-qmi-network.conf /dev/cdc-wdm0 stop >/dev/null 2>&1
    ip addr flush dev wwan0; ip route flush dev wwan0 2>/dev/null; ip link set wwan0 down
}

i=1
while [ "$i" -le "$runs" ]; do
    $T "$out/guide-up.$i" sh /tmp/bench-guide-up.sh >/dev/null 2>&1 || echo "guide up $i failed" >&2
    guide_down
    $T "$out/conn-up.$i" qmi-conn up --apn fast.metropcs.com --timeout 20s >/dev/null 2>&1 || echo "qmi-conn up $i failed" >&2
    $T "$out/shell-status.$i" sh /tmp/bench-shell-status.sh >/dev/null 2>&1 || echo "shell status $i failed" >&2
    $T "$out/conn-status.$i" qmi-conn status --json >/dev/null 2>&1 || echo "qmi-conn status $i failed" >&2
    QMI_CONN_JAVA_OPTS=-Xshare:off $T "$out/conn-status-nocds.$i" qmi-conn status --json >/dev/null 2>&1 ||
        echo "qmi-conn status (no CDS) $i failed" >&2
    $T "$out/conn-help.$i" qmi-conn --help >/dev/null 2>&1
    qmi-conn down >/dev/null 2>&1
    i=$((i + 1))
done

median() {  # column $1 of every file $2.*
    for f in "$out/$2".*; do cut -f"$1" "$f" | tail -1; done | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
cpu() {  # user+sys per run, median
    for f in "$out/$1".*; do tail -1 "$f" | awk -F'\t' '{print $2+$3}'; done | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
printf 'runs\t%s\n' "$runs"
printf 'what\twall_s\tcpu_s\tpeak_rss_kb\n'
for w in guide-up conn-up shell-status conn-status conn-status-nocds conn-help; do
    printf '%s\t%s\t%s\t%s\n' "$w" "$(median 1 "$w")" "$(cpu "$w")" "$(median 4 "$w")"
done
