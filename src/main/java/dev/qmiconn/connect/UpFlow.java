package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.IpConfigurator.Applied;
import dev.qmiconn.dns.Dns;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.LibqmiVersion;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.VersionPolicy;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * {@code qmi-conn up}: the Metro PCS guide's bring-up done in order, bounded, and undone on failure. Steps:
 * device node, libqmi version policy, SIM/PIN, online + registration + signal, roaming guard, APN (from the SIM's
 * operator when none was given), link layer, data session, IP, DNS (through the backend the system runs, see
 * {@link Dns}), report. Once a client id is allocated any failure stops the session and releases the id before
 * the error is reported.
 */
public final class UpFlow {

    static final Duration QMICLI_TIMEOUT = Duration.ofSeconds(25);
    static final Duration DEVICE_WAIT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final Pacer pacer;
    private final PrintWriter out;
    private final Predicate<Path> deviceExists;
    private Map<String, String> environment = Map.of();
    private boolean keepQueryIds;
    private QmiClient radioOn;
    private PreflightMemo preflights;
    private RadioReadiness.Radio known;
    private ParkedWdsId parking;

    public UpFlow(CommandRunner runner, Pacer pacer, PrintWriter out) {
        this(runner, pacer, out, Files::exists);
    }

    /** The environment (PATH) finds qmicli for the version cache; without it the version is always asked. */
    public UpFlow withEnvironment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /**
     * Also keeps a NAS and a UIM client id in the record ({@link KeptQueryIds}) for the one-shot {@code up}: its
     * radio queries and every later {@code status} then take one round trip each. The service keeps its own.
     */
    public UpFlow keepingQueryIds() {
        this.keepQueryIds = true;
        return this;
    }

    /**
     * The service's radio queries (SIM, registration, signal, the SIM's operator) go to the NAS and UIM ids it
     * keeps for its live view: one round trip each instead of three (allocate, ask, release). The watch loop
     * runs both, so the kept ids are never asked twice at once; a forgotten id is asked again on a fresh one.
     */
    public UpFlow askingRadioOn(QmiClient kept) {
        this.radioOn = kept == null ? null : kept.orFresh();
        return this;
    }

    /** The service's memo of the checks made before the modem is touched ({@link PreflightMemo}). */
    public UpFlow rememberingPreflight(PreflightMemo memo) {
        this.preflights = memo;
        return this;
    }

    /**
     * The service's answer to the radio check, read by its live view moments ago: registered with a usable signal
     * means SIM, PIN and operating mode are fine, so no radio query runs. If the network has gone since, the start
     * fails (no-service) and the service asks again with the full check ({@code dev.qmiconn.watch.ServiceUp}).
     */
    public UpFlow knowingRadio(RadioReadiness.Radio radio) {
        this.known = radio;
        return this;
    }

    /** The service's {@code up}: the data session starts on the WDS id its last {@code down} kept. */
    public UpFlow startingOnParked(ParkedWdsId p) {
        this.parking = p;
        return this;
    }

    /** {@code deviceExists} lets a replayed test say the control device is there without a /dev node. */
    public UpFlow(CommandRunner runner, Pacer pacer, PrintWriter out, Predicate<Path> deviceExists) {
        this.runner = runner;
        this.pacer = pacer;
        this.out = out;
        this.deviceExists = deviceExists;
    }

    /**
     * The client {@code down} and {@code status} use for a device: a saved session's proxy choice and libqmi
     * version win, so they run the same way {@code up} did and never ask {@code qmicli --version} again.
     */
    static QmiClient clientFor(CommandRunner runner, String device, boolean proxy, Optional<SessionState> saved) {
        return new QmiClient(runner, device, saved.map(SessionState::proxy).orElse(proxy), QMICLI_TIMEOUT,
                saved.map(SessionState::libqmiVersion).map(LibqmiVersion::parseBare).orElse(null));
    }

    public SessionState run(UpRequest req) {
        Paths paths = req.paths();
        // the one-shot up checks while it takes the lock and finds the device; the service's memo says when to
        EarlyChecks early = preflights == null ? EarlyChecks.start(req) : null;
        try (DeviceLock lock = DeviceLock.acquire(paths.stateDir(), req.deviceName(), req.device())) {
            Pacer.Deadline deadline = pacer.deadline(req.timeout());
            Instant checkedAt = pacer.now();
            boolean checked = preflights != null && preflights.fresh(checkedAt);
            if (preflights != null) {
                preflights.forget(); // until this up has passed again
            }
            if (!checked && early == null) {
                EarlyChecks.preflight(req, paths);
            }
            try {
                waitForDevice(req.device(), req.timeout().compareTo(DEVICE_WAIT) < 0 ? req.timeout() : DEVICE_WAIT);
            } catch (RuntimeException e) {
                throw early == null ? e : early.before(e);
            }
            if (!checked && early == null) {
                ModemManagerGuard.check(paths, req.device(), req.proxy());
            }
            VersionCache versions = new VersionCache(paths.stateDir(), environment);
            QmiClient qmi = new QmiClient(runner, req.device(), req.proxy(), QMICLI_TIMEOUT,
                    versions.get().orElse(null));
            NetConfig net = new NetConfig(runner);
            QmiNetworkBackend qmiNetwork = new QmiNetworkBackend(runner, paths);
            StateStore store = new StateStore(paths.stateFile(req.deviceName()));
            Dns dns = new Dns(runner, paths.stateDir());
            Teardown teardown = new Teardown(qmi, qmiNetwork, net, dns);
            if (early != null) {
                early.await(); // before anything acts on the modem or the files
            }
            StateRecovery.reclaimBeforeUp(req, store, teardown, qmi, out);

            LibqmiVersion version = qmi.version();
            versions.put(version);
            VersionPolicy policy = VersionPolicy.of(version);
            applyPolicy(req, policy);
            Sysfs sysfs = new Sysfs(paths.sysfsRoot());
            String iface = resolveIface(req, sysfs, qmi);

            // DNS files: none; the DNS backend keeps its own record (dev.qmiconn.dns), older blocks are still removed
            SessionRecord rec = new SessionRecord(store, SessionState.begin(
                    new SessionState.Link(req.device(), iface, req.backend().word(), req.proxy(), version.text(),
                            pacer.now().getEpochSecond()), null));
            // armed before the first allocation: SIGTERM/Ctrl-C from here on stops what the record names
            UndoOnExit guard = UndoOnExit.arm(() -> {
                runner.cancelOthers();
                rec.close(); // after an allocation under way is recorded, none starts behind the undo
                teardown.undo(rec);
            });
            RadioReadiness.Radio service;
            KeptQueryIds kept = radioOn == null && keepQueryIds ? new KeptQueryIds(rec, qmi) : null;
            try {
                ServingSystem first = kept != null ? kept.nasWithServingSystem() : null;
                QmiClient ask = radioOn != null ? radioOn : kept != null ? kept.allocate("nas") : qmi;
                Optional<RadioReadiness.Radio> ready = known != null ? Optional.of(known)
                        : new RadioReadiness(ask, deadline, out).readyNow(first);
                if (ready.isEmpty() && kept != null) {
                    ask = kept.allocate("uim"); // card status and PIN; when ready, the UIM id waits for DHCP
                }
                RadioReadiness radio = new RadioReadiness(ask, deadline, out);
                service = ready.orElseGet(() -> {
                    radio.unlockSim(req.pin());
                    radio.goOnline();
                    return radio.awaitService();
                });
                RoamingPolicy.check(req.roaming(), service.servingSystem());
                UpRequest call = ApnFromSim.fill(req, ask, service.servingSystem(), out);
                new LinkLayerReconciler(qmi, () -> NoWdaMemo.wdaDataFormat(qmi, Path.of(req.device()),
                        paths.stateDir().resolve(req.deviceName() + ".no-wda")), sysfs, net, out).reconcile(iface);
                var resolver = Dns.detectAhead(paths.dns(req.dns()).root()); // while the call starts and DHCP runs
                if (call.backend() == Backend.QMI_NETWORK) {
                    qmiNetwork.start(call, policy, rec);
                } else {
                    new QmicliBackend(qmi, out).startingOnParked(parking).start(call, rec);
                }
                IpConfigurator ip = new IpConfigurator(qmi, new Dhcp(runner, paths.dhcpHook()), net, out);
                // read before the UIM allocation starts: it holds the record while its qmicli runs
                List<SessionState.DataSession> started = rec.state().sessions();
                if (kept != null) {
                    kept.meanwhile(KeptQueryIds.SERVICES.toArray(String[]::new));
                    ip.sharingQmiUntil(kept::await);
                }
                Applied applied = ip.configure(iface, req.ipConfig(), req.ipType() == null || req.ipType().wantsV4(),
                        req.ipType() != null && req.ipType().wantsV6(), started);
                if (kept != null) {
                    kept.await();
                }
                IpSettings v4 = applied.v4();
                rec.update(s -> s.up(new SessionState.Addressing(v4 == null ? "none" : v4.source(),
                        v4 == null ? null : v4.address(), v4 == null ? null : v4.prefix(),
                        v4 == null ? null : v4.gateway(), applied.dns(), v4 == null ? null : v4.mtu(),
                        applied.v6Address(), applied.v6Prefix())));
                dns.apply(paths.dns(req.dns()), req.deviceName(), iface, applied.dns(), resolver)
                        .forEach(out::println);
                guard.disarm();
            } catch (RuntimeException e) {
                if (kept != null) {
                    kept.settle(); // a UIM id allocated during DHCP is recorded before the undo reads the record
                }
                if (!guard.disarm()) {
                    throw e; // killed meanwhile: the exit hook is undoing it
                }
                boolean held = KeptQueryIds.holdsSession(rec.state());
                List<String> left = teardown.undo(rec);
                String undone = !left.isEmpty()
                        ? "; could NOT undo everything (" + String.join("; ", left) + "): run qmi-conn down"
                        : held ? "; the session was stopped and its client id released" : "";
                if (undone.isEmpty()) {
                    throw e; // failed before any session (SIM, registration, roaming): its own words suffice
                }
                ExitCode code = e instanceof QmiConnException q ? q.exitCode() : ExitCode.FAILURE;
                throw new QmiConnException(code, e.getMessage() + undone, e);
            }
            if (preflights != null) {
                preflights.passed(checkedAt);
            }
            UpReport.print(out, rec.state(), service);
            return rec.state();
        }
    }

    private void applyPolicy(UpRequest req, VersionPolicy policy) {
        if (policy.hasIpFamilyBug()) {
            if (req.backend() == Backend.QMI_NETWORK) {
                throw new QmiConnException(ExitCode.LIBQMI_BROKEN, "libqmi " + policy.version() + " has the "
                        + "IP-family bug (Debian #845979): qmi-network start always fails there with QMI error 64; "
                        + "use --backend qmicli (qmi-conn then sends ip-type=4) or install libqmi >= 1.18");
            }
            if (req.ipType() == null) {
                out.println("libqmi " + policy.version() + " has the IP-family bug (Debian #845979): "
                        + "sending ip-type=4 explicitly to avoid QMI error 64");
            }
        }
    }

    private String resolveIface(UpRequest req, Sysfs sysfs, QmiClient qmi) {
        String iface = req.iface();
        if (iface == null) {
            Optional<String> fromSysfs = sysfs.ifaceOf(req.deviceName());
            iface = fromSysfs.orElseGet(qmi::wwanIface);
            dev.qmiconn.config.Validation.iface(iface);
        }
        if (!sysfs.ifaceExists(iface)) {
            String hint = sysfs.ifaceOf(req.deviceName()).map(n -> " (" + req.device() + " belongs to " + n + ")")
                    .orElse("");
            throw new QmiConnException(ExitCode.BAD_INPUT, "network interface '" + iface + "' does not exist" + hint);
        }
        return iface;
    }

    private void waitForDevice(String device, Duration bound) {
        Pacer.Deadline d = pacer.deadline(bound);
        Path p = Path.of(device);
        while (!deviceExists.test(p)) {
            if (d.passed()) {
                throw new QmiConnException(ExitCode.DEVICE_MISSING, device + " did not appear within "
                        + RadioReadiness.human(bound) + ": is the modem plugged in and bound to qmi_wwan "
                        + "(ls /dev/cdc-wdm*)?");
            }
            d.sleep(Duration.ofMillis(200));
        }
    }
}
