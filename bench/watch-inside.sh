#!/bin/sh
# Runs INSIDE the sandbox (bench/watch starts it with `qmi-conn simulate`): one `qmi-conn watch` with its
# defaults (poll 2 s, state in /run/qmi-conn), as the systemd unit runs it. Three witnesses, all on this
# machine's clock:
#   - `ip -ts monitor` on wwan0: the sandbox takes the modem's end of the link down when the emulator ends the
#     session, so wwan0 losing carrier marks the drop without asking the modem anything;
#   - watch's lines, stamped with the epoch as they arrive (watch flushes each line);
#   - VmRSS and CPU time (user+system clock ticks) of the watch JVM every 5 s (bin/qmi-conn execs java, so $!
#     is the JVM).
#   watch-inside.sh RECONNECTS SECONDS [JAVA_OPTS]
# Stops after RECONNECTS reconnects (a "connected" line after a carrier loss; 0: never) or SECONDS, whichever
# comes first. Prints one row per event for bench/watch to reduce:
#   carrier-lost EPOCH | line EPOCH WORD | rss SECONDS_SINCE_START KB CPU_TICKS | hwm KB | stop EPOCH
set -u
want=$1
limit=$2
if [ -n "${3:-}" ]; then export QMI_CONN_JAVA_OPTS="$3"; fi
d=/tmp/bench-watch
rm -rf "$d"
mkdir -p "$d"
mkfifo "$d/fifo"

ip -ts monitor link dev wwan0 > "$d/monitor" 2>&1 &
monitor=$!
while IFS= read -r l; do printf '%s %s\n' "$(date +%s.%N)" "$l"; done < "$d/fifo" > "$d/watch" &
reader=$!
qmi-conn watch --apn fast.metropcs.com > "$d/fifo" 2> "$d/watch.err" &
jvm=$!

lost() {  # carrier losses so far: flags UP without LOWER_UP (an admin "link set down" has no UP)
    grep -c '<NO-CARRIER,[^>]*,UP>' "$d/monitor"
}
start=$(date +%s)
next=5
while :; do
    t=$(($(date +%s) - start))
    if [ "$t" -ge "$next" ]; then
        next=$((next + 5))
        printf 'rss %s %s %s\n' "$t" "$(awk '/^VmRSS/ {print $2}' "/proc/$jvm/status")" \
            "$(awk '{print $14 + $15}' "/proc/$jvm/stat")"
    fi
    kill -0 "$jvm" 2>/dev/null || { echo "watch ended early:" >&2; cat "$d/watch" "$d/watch.err" >&2; break; }
    [ "$t" -ge "$limit" ] && break
    if [ "$want" -gt 0 ] && [ "$(lost)" -ge "$want" ]; then
        # the last loss's reconnect: as many "connected" lines after the first as losses wanted
        [ "$(grep -c ' connected ' "$d/watch")" -gt "$want" ] && break
    fi
    sleep 0.5
done
printf 'hwm %s\n' "$(awk '/^VmHWM/ {print $2}' "/proc/$jvm/status")"
printf 'stop %s\n' "$(date +%s.%N)"
kill -TERM "$jvm"
wait "$jvm"
kill "$monitor"
wait "$reader"

sed -n 's/^\[\([^]]*\)\].*<NO-CARRIER,[^>]*,UP>.*/\1/p' "$d/monitor" | while IFS= read -r ts; do
    printf 'carrier-lost %s\n' "$(date -d "$(echo "$ts" | tr T ' ')" +%s.%N)"
done
awk '{print "line", $1, $3}' "$d/watch"
