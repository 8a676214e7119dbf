#!/bin/bash
# Runs INSIDE the sandbox (bench/faults starts it with `qmi-conn simulate`); see bench/faults.
set -u
rounds=${1:-3}
APN=fast.metropcs.com
DEV=/dev/cdc-wdm0
LIMIT=8                      # the scenario's clientIdLimit
STATE=/run/qmi-conn/cdc-wdm0.json
HEAD=/etc/resolv.conf.head
USER_HEAD=/tmp/faults-user-head
printf '#OpenDns Servers\nnameserver 1.1.1.1\n' > "$USER_HEAD"
tried=0 held=0 leaked=0 sessions_left=0 torn=0

ms_sleep() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# client ids held now, all services: allocate (and keep) until the modem refuses
held_ids() {
    local total=0 svc n
    for svc in wds dms nas uim; do
        n=0
        while [ "$n" -lt "$LIMIT" ] && qmicli -d "$DEV" --"$svc"-noop --client-no-release-cid >/dev/null 2>&1; do
            n=$((n + 1))
        done
        total=$((total + LIMIT - n))
    done
    echo "$total"
}

reset_modem() {
    qmicli -d "$DEV" --device-open-sync --dms-noop >/dev/null 2>&1
    ip addr flush dev wwan0 2>/dev/null; ip route flush dev wwan0 2>/dev/null
    rm -f "$STATE" "$STATE.damaged" /tmp/qmi-network-state-cdc-wdm0 /etc/.resolv.conf.head.*.tmp /run/qmi-conn/.*.tmp
    cp "$USER_HEAD" "$HEAD"
}

# verdict NAME EXPECTED_EXIT ACTUAL_EXIT [EXPECTED_HEAD_FILE]: recovery, then what is left
verdict() {
    local name=$1 want=$2 got=$3 head=${4:-$USER_HEAD} problems="" rc ids
    tried=$((tried + 1))
    settle; name+=$ORPHAN
    case " $want " in *" $got "*) ;; *) problems+=" exit-$got(want-$want)";; esac
    [ "$got" = wedged ] && problems+=" wedged(still running 30 s after the signal)"
    qmi-conn down >/tmp/faults-down.out 2>&1; rc=$?
    [ "$rc" = 0 ] || problems+=" recovery-down-exit-$rc:$(head -c 160 /tmp/faults-down.out | tr '\n' ' ')"
    if qmicli -d "$DEV" --wds-get-packet-service-status 2>/dev/null | grep -q "'connected'"; then
        problems+=" session-left"; sessions_left=$((sessions_left + 1))
    fi
    ids=$(held_ids)
    [ "$ids" -gt 0 ] && { problems+=" client-ids-$ids"; leaked=$((leaked + ids)); }
    [ -e "$STATE" ] && problems+=" state-left"
    if ! cmp -s "$head" "$HEAD" || ls /etc/.resolv.conf.head.*.tmp /run/qmi-conn/.*.tmp >/dev/null 2>&1; then
        problems+=" file-torn"; torn=$((torn + 1))
    fi
    ip -4 addr show dev wwan0 | grep -q "inet " && problems+=" address-left"
    ip addr show dev lo | grep -q "inet 127.0.0.1/8" || { problems+=" lo-flushed"; ip addr add 127.0.0.1/8 dev lo; }
    if [ -z "$problems" ]; then held=$((held + 1)); echo "held  $name"; else echo "FAIL  $name:$problems"; fi
    reset_modem
}

# waits up to $2 s for pid $1 (a child) to end and sets R to its exit code, or "wedged" (then kills its group)
reap() {
    local i=0
    while kill -0 "$1" 2>/dev/null && [ "$i" -lt $(($2 * 10)) ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$1" 2>/dev/null; then kill -9 -- "-$1" 2>/dev/null; wait "$1" 2>/dev/null; R=wedged; return; fi
    wait "$1" 2>/dev/null; R=$?
}

# qmicli and udhcpc of this sandbox (its mount namespace) still running: a killed qmi-conn's children run on
ours_running() {
    local p me
    me=$(readlink /proc/self/ns/mnt)
    for p in $(pgrep -x qmicli) $(pgrep -x udhcpc); do
        [ "$(readlink "/proc/$p/ns/mnt" 2>/dev/null)" = "$me" ] && return 0
    done
    return 1
}

# the documented recovery comes after the command is gone: its orphaned children first end on their own
settle() {
    local i=0
    ORPHAN=""
    ours_running && ORPHAN=" (its qmicli ran on)"
    while ours_running && [ "$i" -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
}

# signal SIG TARGET PID: TARGET pid or group (systemd's stop, a Ctrl-C)
send() { if [ "$2" = group ]; then kill -"$1" -- "-$3" 2>/dev/null; else kill -"$1" "$3" 2>/dev/null; fi; }

wait_up() {  # watch's session recorded as up, within $1 s
    local i=0
    while ! grep -qs '"phase" : "up"' "$STATE" && [ "$i" -lt $(($1 * 10)) ]; do sleep 0.1; i=$((i + 1)); done
    grep -qs '"phase" : "up"' "$STATE"
}

KINDS="KILL:pid TERM:pid TERM:group INT:group"
# a shell without job control starts background commands with SIGINT ignored, and the JVM keeps it ignored:
# without this reset a Ctrl-C case would measure the shell, not qmi-conn
DEFAULT_SIGNALS="env --default-signal=INT,QUIT"

signal_up() {  # a signal at a random instant of up (0-4.5 s: before, during and after the slow start)
    local sig=${1%:*} target=${1#*:} at=$((RANDOM % 4500)) p r
    setsid $DEFAULT_SIGNALS qmi-conn up --apn "$APN" --timeout 20s >/tmp/faults-case.out 2>&1 & p=$!
    ms_sleep "$at"; send "$sig" "$target" "$p"; reap "$p" 30; r=$R
    verdict "up $sig to $target at ${at}ms (exit $r)" "$r" "$r"
}

signal_down() {
    local sig=${1%:*} target=${1#*:} at=$((RANDOM % 1500)) p r
    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1
    setsid $DEFAULT_SIGNALS qmi-conn down >/tmp/faults-case.out 2>&1 & p=$!
    ms_sleep "$at"; send "$sig" "$target" "$p"; reap "$p" 30; r=$R
    verdict "down $sig to $target at ${at}ms (exit $r)" "$r" "$r"
}

signal_watch() {  # $2 steady: connected; reconnect: the session ended under it (CTL sync) just before
    local sig=${1%:*} target=${1#*:} mode=$2 at=$((RANDOM % 4500)) p r
    setsid $DEFAULT_SIGNALS qmi-conn watch --apn "$APN" --timeout 20s >/tmp/faults-case.out 2>&1 & p=$!
    if ! wait_up 30; then send KILL group "$p"; reap "$p" 5; verdict "watch $mode: never up" 0 1; return; fi
    [ "$mode" = reconnect ] && qmicli -d "$DEV" --device-open-sync --dms-noop >/dev/null 2>&1
    ms_sleep "$at"; send "$sig" "$target" "$p"; reap "$p" 30; r=$R
    verdict "watch $mode $sig to $target at ${at}ms (exit $r)" "$r" "$r"
}

concurrency() {
    local p1 p2 r1 r2 p
    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1 & p1=$!
    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1 & p2=$!
    reap "$p1" 60; r1=$R; reap "$p2" 60; r2=$R
    verdict "two ups at once ($r1 $r2)" "0:11 11:0" "$r1:$r2"

    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1 & p1=$!
    sleep 0.$((RANDOM % 9)); qmi-conn down >/dev/null 2>&1 & p2=$!
    reap "$p1" 60; r1=$R; reap "$p2" 60; r2=$R
    verdict "up and down at once ($r1 $r2)" "0:11 0:0 11:0 143:0" "$r1:$r2"

    setsid $DEFAULT_SIGNALS qmi-conn watch --apn "$APN" --timeout 20s >/dev/null 2>&1 & p=$!
    wait_up 30
    qmi-conn up --apn "$APN" --timeout 20s >/tmp/faults-case.out 2>&1; r1=$?
    setsid $DEFAULT_SIGNALS qmi-conn watch --apn "$APN" --timeout 20s >/dev/null 2>&1 & p2=$!
    reap "$p2" 15; r2=$R
    send TERM group "$p"; reap "$p" 30
    verdict "up during watch ($r1)" 11 "$r1"
    tried=$((tried + 1))
    if [ "$r2" = 11 ]; then held=$((held + 1)); echo "held  second watch refused"; else
        echo "FAIL  second watch on the device: exit $r2 (want 11)"; fi
}

damaged() {  # $1: what the state file becomes
    local r rs
    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1
    case $1 in
        empty) : > "$STATE" ;;
        garbage) head -c 200 /dev/urandom > "$STATE" ;;
        truncated) head -c $((RANDOM % $(stat -c %s "$STATE"))) "$STATE" > /tmp/t && cp /tmp/t "$STATE" ;;
    esac
    qmi-conn status >/tmp/faults-case.out 2>&1; rs=$?
    verdict "status, down over a $1 state file (status $rs)" "0 12" "$rs"
    qmi-conn up --apn "$APN" --timeout 20s >/dev/null 2>&1
    : > "$STATE"
    qmi-conn up --apn "$APN" --timeout 20s >/tmp/faults-case.out 2>&1; r=$?
    verdict "up over a $1 state file" 0 "$r"
}

bad_input() {  # NAME EXPECTED_EXIT HEAD_FILE ARGS...
    local name=$1 want=$2 head=$3 r; shift 3
    qmi-conn "$@" >/tmp/faults-case.out 2>&1; r=$?
    if [ "$r" = 1 ] || [ "$r" = 70 ] || [ "$(wc -l < /tmp/faults-case.out)" -gt 1 ] && [ "$r" != 0 ]; then
        name+=" [$(head -c 120 /tmp/faults-case.out | tr '\n' ' ')]"
    fi
    verdict "$name" "$want" "$r" "$head"
}

head_case() {  # NAME CONTENT(printf) WANT_UP_EXIT; --dns dhcpcd: the mode that keeps a block in resolv.conf.head
    printf "$2" > /tmp/faults-head; cp /tmp/faults-head "$HEAD"
    qmi-conn up --apn "$APN" --dns dhcpcd --timeout 20s >/tmp/faults-case.out 2>&1
    verdict "$1" "$3" "$?" /tmp/faults-head
}

reset_modem
for round in $(seq "$rounds"); do
    echo "-- round $round: signals at random instants"
    for k in $KINDS; do signal_up "$k"; done
    for k in $KINDS; do signal_down "$k"; done
    for k in $KINDS; do signal_watch "$k" steady; done
    for k in $KINDS; do signal_watch "$k" reconnect; done
    damaged truncated
done
echo "-- concurrency"; concurrency
echo "-- damaged state files"; for d in empty garbage; do damaged "$d"; done
echo "-- bad input"
mkdir -p /tmp/head-dir
bad_input "up --iface lo" 3 "$USER_HEAD" up --apn "$APN" --iface lo
bad_input "down --iface lo" 3 "$USER_HEAD" down --iface lo
bad_input "up --iface eth9" 3 "$USER_HEAD" up --apn "$APN" --iface eth9
bad_input "up --resolv-head DIR" 3 "$USER_HEAD" up --apn "$APN" --dns dhcpcd --resolv-head /tmp/head-dir
bad_input "up --state-dir /etc/passwd" 3 "$USER_HEAD" up --apn "$APN" --state-dir /etc/passwd
bad_input "up --profile /nonexistent.conf" 3 "$USER_HEAD" up --profile /nonexistent.conf
for apn in 'a;reboot' '$(reboot)' "x'y" 'fast.metropcs.com
reboot' '' "$(head -c 120 /dev/zero | tr '\0' a)"; do
    bad_input "up --apn $(printf %q "$apn")" 3 "$USER_HEAD" up --apn "$apn"
done
head_case "head with only a BEGIN marker" '# BEGIN qmi-conn cdc-wdm0\n' 3
head_case "Latin-1 head" '# caf\351\nnameserver 1.1.1.1\n' 0
head_case "head without final newline" 'nameserver 1.1.1.1' 0
head_case "empty head" '' 0

printf '\ncases tried\t%s\nheld\t%s\nclient ids leaked\t%s\nsessions left up\t%s\nfiles torn\t%s\n' \
    "$tried" "$held" "$leaked" "$sessions_left" "$torn"
