package dev.qmiconn.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.qmiconn.doctor.Hardware.TtyPort;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;

/**
 * The modem's serial ports. The E397u-53 (option driver) shows ttyUSB0-2: the first answers AT, the second
 * reports errors, the third is GPS (Raspberry Pi guide). Listing is free; probing writes {@code AT} to each port
 * and only happens with {@code --probe-at}, because a port may belong to something else.
 */
final class TtyChecks {

    /** Per port: socat sends AT, waits up to 2 s for the reply; the runner kills it after 4 s regardless. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);

    /**
     * A port name goes into a socat address, where ',' starts options, ':' a type and '!!' a second address:
     * a directory named so under --root must not become {@code exec:...}. Real tty names never need more.
     */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private TtyChecks() {
    }

    static Optional<Finding> ttyPorts(Probe p) {
        List<TtyPort> ports = p.hardware().ttyPorts();
        boolean modem = p.hardware().knownModems().stream()
                .anyMatch(d -> d.known().get().mode() == KnownModem.Mode.MODEM)
                || !p.hardware().controlDevices().isEmpty();
        if (ports.isEmpty()) {
            if (!modem) {
                return Optional.empty();
            }
            boolean huawei = p.hardware().knownModems().stream().anyMatch(d -> d.vendorId().equals("12d1")
                    && d.known().get().mode() == KnownModem.Mode.MODEM);
            return Optional.of(huawei
                    ? Finding.warn("tty-ports", "no ttyUSB ports: the option driver did not bind to the modem "
                            + "(the AT path and qmi-conn at need one)", "sudo modprobe option")
                    : Finding.ok("tty-ports", "no ttyUSB ports (QMI does not need them)"));
        }
        String listing = ports.stream().map(t -> t.name() + (t.driver().isEmpty() ? "" : " (" + t.driver() + ")"))
                .collect(Collectors.joining(", "));
        if (!p.options().probeAt()) {
            return Optional.of(Finding.ok("tty-ports", listing + "; not probed (--probe-at finds the AT port)"));
        }
        List<String> answering = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        for (TtyPort port : ports) {
            if (!SAFE_NAME.matcher(port.name()).matches()) {
                unsafe.add(port.name());
            } else if (answersAt(p, "/dev/" + port.name())) {
                answering.add(port.name());
            }
        }
        String skipped = unsafe.isEmpty() ? ""
                : "; not probed (name unsafe in a socat address): " + String.join(", ", unsafe);
        if (answering.isEmpty()) {
            return Optional.of(Finding.warn("tty-ports", listing + "; none answered AT" + skipped,
                    "sudo fuser -v /dev/ttyUSB*   (something else, e.g. ModemManager, may hold them)"));
        }
        return Optional.of(Finding.ok("tty-ports", listing + "; " + String.join(", ", answering)
                + " answers AT" + skipped));
    }

    static boolean answersAt(Probe p, String port) {
        CommandSpec spec = CommandSpec.of("socat", "-t", "2", "-T", "2", "-", port + ",raw,echo=0")
                .withStdin("AT\r").withTimeout(PROBE_TIMEOUT);
        CommandResult r = p.runner().run(spec);
        return r.stdout().lines().anyMatch(l -> l.strip().equals("OK"));
    }
}
