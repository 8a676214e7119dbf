#!/bin/sh
# Runs INSIDE the sandbox (bench/classlist starts it): each command once, its loaded classes into OUT/NAME.classlist.
#   classlist-inside.sh HOME OUT
set -u
home=$1
out=$2
run() {  # NAME ARGS...
    name=$1; shift
    QMI_CONN_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$out/$name.classlist" "$home/bin/qmi-conn" "$@" \
        >/dev/null 2>&1 || echo "$name exited $?" >&2
}
run up up --apn fast.metropcs.com --timeout 20s
run status-json status --json
run status status
run down down
run help --help
