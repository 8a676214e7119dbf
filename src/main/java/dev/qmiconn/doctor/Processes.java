package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.RunningPrograms;

/**
 * Running programs, read from {@code /proc/<pid>/comm} under the root (no ps). Which device files a process holds
 * comes from its {@code /proc/<pid>/fd/*} links; for other users' processes that needs root, else it reads as
 * none.
 */
final class Processes {

    record Running(int pid, String comm) {
    }

    private Processes() {
    }

    /** Processes of this system only: a container's ModemManager (same /proc, other root) is not ours. */
    static List<Running> named(SystemRoot sys, String comm) {
        List<Running> out = new ArrayList<>();
        RunningPrograms.named(sys.root(), comm).forEach(pid -> out.add(new Running(pid, comm)));
        return out;
    }

    /** The device files (under /dev) among the process's open files, e.g. {@code /dev/cdc-wdm0}. */
    static List<String> openDevices(SystemRoot sys, int pid, String prefix) {
        List<String> out = new ArrayList<>();
        String fdDir = "/proc/" + pid + "/fd";
        for (String fd : sys.list(fdDir)) {
            sys.linkTarget(fdDir + "/" + fd).filter(t -> t.startsWith(prefix)).filter(t -> !out.contains(t))
                    .ifPresent(out::add);
        }
        return out;
    }
}
