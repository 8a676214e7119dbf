#!/bin/sh
# Runs INSIDE the sandbox (bench/rss starts it). See bench/rss.
set -u
runs=${1:-3}
out=$RSS_OUT
extra=$WATCH_OPTS
[ -n "$NMT" ] && extra="$extra -XX:NativeMemoryTracking=summary"
[ -n "$CLASSLIST" ] && extra="$extra -XX:DumpLoadedClassList=$out/qmi-conn-watch.classlist"
[ -n "$CLASSES" ] && extra="$extra -Xlog:class+load:file=/tmp/rss-classes.txt"
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
i=1
while [ "$i" -le "$runs" ]; do
    QMI_CONN_JAVA_OPTS="$extra" qmi-conn watch --apn fast.metropcs.com > /tmp/rss-watch.log 2>&1 &
    svc=$!
    n=0
    until grep -q ' connected ' /tmp/rss-watch.log 2>/dev/null; do
        n=$((n + 1)); [ "$n" -gt 300 ] && { echo "the service did not connect" >&2; cat /tmp/rss-watch.log >&2; kill "$svc"; exit 1; }
        sleep 0.1
    done
    qmi-conn status --json > /tmp/rss-status.json 2>&1 || echo "status failed" >&2
    sleep 2
    a=$(rss "$svc")
    # as bench/fast's service rows: a down and an up through the service before the 100 statuses
    qmi-conn down >/dev/null 2>&1 || echo "down failed" >&2
    qmi-conn up >/dev/null 2>&1 || echo "up failed" >&2
    k=0
    while [ "$k" -lt 100 ]; do qmi-conn status --json >/dev/null 2>&1; k=$((k + 1)); done
    sleep 2
    b=$(rss "$svc")
    echo "run $i: VmRSS after connecting $a kB; after 100 status requests $b kB"
    echo "$a $b" >> "$out/runs.txt"
    if [ "$i" -eq "$runs" ]; then
        cat "/proc/$svc/smaps_rollup" > "$out/smaps_rollup.txt"
        cat "/proc/$svc/smaps" > "$out/smaps.txt"
        grep -E 'Threads|VmHWM|VmRSS|RssAnon|RssFile|RssShmem' "/proc/$svc/status" > "$out/status.txt"
        [ -n "$NMT" ] && jcmd "$svc" VM.native_memory summary > "$out/nmt.txt" 2>&1
        [ -n "$CLASSES" ] && cp /tmp/rss-classes.txt "$out/classes.txt"
        jcmd "$svc" Thread.print > "$out/threads.txt" 2>&1 || true
        jcmd "$svc" GC.heap_info > "$out/heap.txt" 2>&1 || true
        jcmd "$svc" VM.metaspace > "$out/metaspace.txt" 2>&1 || true
        [ -n "$HISTO" ] && { jcmd "$svc" GC.class_histogram > "$out/histo.txt" 2>&1; jcmd "$svc" GC.heap_info > "$out/heap-after-gc.txt" 2>&1; }
    fi
    kill "$svc"; wait "$svc" 2>/dev/null
    i=$((i + 1))
done
