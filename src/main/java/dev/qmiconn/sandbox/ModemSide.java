package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.slf4j.Logger;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * The two network namespaces and what the modem does on its side of the link. wwan0 (Pi side) and mdm0 (modem
 * side) are one veth pair created straight between the namespaces, so no name ever appears in the machine's own.
 * The modem side follows the emulator's session: none => mdm0 down, no DHCP answer; up => mdm0 carries the
 * gateway address and dnsmasq leases the session's address; a drop takes mdm0 down, so wwan0 loses carrier.
 */
final class ModemSide implements AutoCloseable {

    private static final Logger LOG = Logs.of(ModemSide.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final SandboxNames names;
    private final SandboxLayout layout;
    private final LongConsumer onStart;
    private final boolean plugHere;
    private BackgroundProcess dnsmasq;
    private Optional<SessionSettings> current = Optional.empty();
    private boolean closed;

    /** {@code onStart} hears the PID of every process started here (dnsmasq), for the sweeper. */
    ModemSide(CommandRunner runner, SandboxNames names, SandboxLayout layout, LongConsumer onStart) {
        this(runner, names, layout, onStart, false);
    }

    /** @param plugHere wwan0 goes into the caller's own network namespace; no host namespace is made */
    ModemSide(CommandRunner runner, SandboxNames names, SandboxLayout layout, LongConsumer onStart,
              boolean plugHere) {
        this.runner = runner;
        this.names = names;
        this.layout = layout;
        this.onStart = onStart;
        this.plugHere = plugHere;
    }

    void create() {
        ip("netns", "add", names.modemNamespace()).orThrow();
        if (plugHere) {
            ip("link", "add", FakeSysfs.IFACE, "type", "veth", "peer", "name", Dnsmasq.MODEM_IFACE, "netns",
                    names.modemNamespace()).orThrow();
        } else {
            ip("netns", "add", names.hostNamespace()).orThrow();
            ip("-n", names.hostNamespace(), "link", "add", FakeSysfs.IFACE, "type", "veth", "peer", "name",
                    Dnsmasq.MODEM_IFACE, "netns", names.modemNamespace()).orThrow();
            ip("-n", names.hostNamespace(), "link", "set", "lo", "up").orThrow();
        }
        ip("-n", names.modemNamespace(), "link", "set", "lo", "up").orThrow();
    }

    synchronized void follow(Optional<SessionSettings> session) {
        if (closed || session.equals(current)) {
            return;
        }
        LOG.debug("modem side follows session {}", session);
        stopDnsmasq();
        String m = names.modemNamespace();
        ip("-n", m, "link", "set", Dnsmasq.MODEM_IFACE, "down").orThrow();
        ip("-n", m, "addr", "flush", "dev", Dnsmasq.MODEM_IFACE).orThrow();
        current = session;
        if (session.isEmpty()) {
            return;
        }
        SessionSettings s = session.get();
        ip("-n", m, "addr", "add", s.gateway() + "/" + s.prefixLength(), "dev", Dnsmasq.MODEM_IFACE).orThrow();
        // the carrier's DNS servers live behind the gateway: the Pi reaches them through its default route
        for (String dns : new java.util.LinkedHashSet<>(java.util.Arrays.asList(s.dns1(), s.dns2()))) {
            if (dns != null && !dns.isBlank() && !dns.equals(s.gateway())) {
                ip("-n", m, "addr", "add", dns + "/32", "dev", Dnsmasq.MODEM_IFACE).orThrow();
            }
        }
        ip("-n", m, "link", "set", Dnsmasq.MODEM_IFACE, "up").orThrow();
        dnsmasq = runner.start(CommandSpec.of(Dnsmasq.argv(m, s, layout.dnsmasqLeases(), layout.dnsmasqPid())));
        onStart.accept(dnsmasq.pid());
        awaitDnsmasq();
    }

    /** dnsmasq writes its PID file once its DHCP socket is bound; before that a DISCOVER would go unanswered. */
    private void awaitDnsmasq() {
        ProcessStartup.await(dnsmasq, "dnsmasq",
                () -> Files.exists(layout.dnsmasqPid()) && !Files.readString(layout.dnsmasqPid()).isBlank());
    }

    private void stopDnsmasq() {
        if (dnsmasq != null) {
            dnsmasq.stop(Duration.ofSeconds(2));
            dnsmasq = null;
            try {
                Files.deleteIfExists(layout.dnsmasqPid());
            } catch (IOException e) {
                LOG.debug("cannot remove {}: {}", layout.dnsmasqPid(), e.getMessage());
            }
        }
    }

    synchronized Optional<Long> dnsmasqPid() {
        return dnsmasq == null ? Optional.empty() : Optional.of(dnsmasq.pid());
    }

    /** Stops dnsmasq and deletes both namespaces (the veth pair goes with them); returns what failed. */
    @Override
    public synchronized void close() {
        closed = true;
        stopDnsmasq();
        List<String> failed = deleteNamespaces(runner, names);
        if (!failed.isEmpty()) {
            throw new SandboxException("cannot delete network namespace(s) " + failed);
        }
    }

    /** Deletes both namespaces of {@code names} (also for the sweeper); returns "ns: error" for each that failed. */
    static List<String> deleteNamespaces(CommandRunner runner, SandboxNames names) {
        List<String> failed = new ArrayList<>();
        for (String ns : List.of(names.hostNamespace(), names.modemNamespace())) {
            CommandResult r = ip(runner, "netns", "delete", ns);
            if (!r.succeeded() && !r.stderr().contains("No such file")) {
                failed.add(ns + ": " + r.stderr().strip());
            }
        }
        return failed;
    }

    private CommandResult ip(String... args) {
        return ip(runner, args);
    }

    private static CommandResult ip(CommandRunner runner, String... args) {
        List<String> argv = new ArrayList<>(List.of(Programs.path("ip")));
        argv.addAll(List.of(args));
        return runner.run(new CommandSpec(argv, STEP_TIMEOUT, null, null));
    }
}
