package dev.qmiconn.at;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandRunner;

/**
 * The FreedomPOP guide's bring-up, automated: {@code AT^NDISDUP=1,1,"APN"}, wait until
 * {@code AT^NDISSTATQRY?} says connected, read {@code AT^DHCP?} and put that address, mask and default route on
 * the interface statically (no DHCP client needed). DNS is the caller's job (the same writer as the QMI path).
 * {@link #down} sends {@code AT^NDISDUP=1,0} and flushes the address.
 */
public final class AtBringUp {

    private static final Logger LOG = Logs.of(AtBringUp.class);

    private final StaticIpApplier ip;
    private final Duration pollInterval;

    public AtBringUp(CommandRunner runner) {
        this(runner, Duration.ofMillis(500));
    }

    AtBringUp(CommandRunner runner, Duration pollInterval) {
        this.ip = new StaticIpApplier(runner);
        this.pollInterval = pollInterval;
    }

    /**
     * Connects (or reuses a live session), applies the settings to {@code iface} and returns them. When a step
     * after our own NDISDUP fails, the session is hung up and the address flushed before the error is reported,
     * so nothing is left half up.
     */
    public DhcpSettings up(AtModem modem, String apn, String iface, Duration timeout) {
        Validation.apn(apn);
        Validation.iface(iface);
        long deadline = System.nanoTime() + timeout.toNanos();
        modem.prepare();
        boolean dialed = false;
        try {
            AtModem.SessionCheck session = modem.checkSession();
            Optional<DhcpSettings> live = session.live();
            if (session.connected()) {
                LOG.debug("NDIS session already up on {}; reusing it", modem.port());
            } else {
                modem.connect(apn);
                dialed = true;
                if (session.status().isPresent()) {
                    waitConnected(modem, deadline, timeout);
                } else {
                    live = waitForAddress(modem, deadline, timeout);
                }
            }
            DhcpSettings settings = live.orElseGet(modem::dhcp);
            if (!settings.hasAddress()) {
                throw new QmiConnException(ExitCode.NO_ADDRESS, "connected, but AT^DHCP? reports no address");
            }
            ip.apply(settings, iface);
            return settings;
        } catch (QmiConnException e) {
            if (!dialed) {
                throw e;
            }
            throw new QmiConnException(e.exitCode(), e.getMessage() + undo(modem, iface), e);
        }
    }

    private String undo(AtModem modem, String iface) {
        try {
            down(modem, iface);
            return "; the session was hung up (AT^NDISDUP=1,0)";
        } catch (QmiConnException again) {
            return "; could NOT hang up (" + again.getMessage() + "): run qmi-conn at disconnect";
        }
    }

    public void down(AtModem modem, String iface) {
        Validation.iface(iface);
        modem.disconnect();
        ip.remove(iface);
    }

    private NdisStatus waitConnected(AtModem modem, long deadline, Duration timeout) {
        while (true) {
            NdisStatus s = modem.ndisStatus();
            if (s.state() == NdisStatus.State.CONNECTED) {
                return s;
            }
            if (s.state() == NdisStatus.State.DISCONNECTED && s.error().isPresent()) {
                // e.g. 33 "requested service option not subscribed": usually a wrong APN
                throw new QmiConnException(ExitCode.CALL_FAILED, "the modem could not start the data session: "
                        + "^NDISSTATQRY reports cause " + s.error().getAsInt() + cause(s.error().getAsInt()));
            }
            if (System.nanoTime() + pollInterval.toNanos() > deadline) {
                throw new QmiConnException(ExitCode.CALL_FAILED, "the data session was not up within "
                        + AtSession.seconds(timeout) + " (last state: " + s.state().word() + ")");
            }
            sleep(pollInterval);
        }
    }

    /** The guides' way, for firmware without ^NDISSTATQRY: ask ^DHCP? until it names an address. */
    private Optional<DhcpSettings> waitForAddress(AtModem modem, long deadline, Duration timeout) {
        while (true) {
            Optional<DhcpSettings> s = modem.dhcpIfUp();
            if (s.isPresent()) {
                return s;
            }
            if (System.nanoTime() + pollInterval.toNanos() > deadline) {
                throw new QmiConnException(ExitCode.CALL_FAILED, "AT^DHCP? named no address within "
                        + AtSession.seconds(timeout) + " of AT^NDISDUP (wrong APN, or no data service?)");
            }
            sleep(pollInterval);
        }
    }

    /** 3GPP TS 24.008 session-management causes the network gives a refused NDISDUP. */
    public static String cause(int code) {
        return switch (code) {
            case 26 -> " (insufficient resources)";
            case 27 -> " (missing or unknown APN)";
            case 29 -> " (user authentication failed)";
            case 30 -> " (activation rejected by the gateway)";
            case 31 -> " (activation rejected, unspecified)";
            case 32 -> " (service option not supported)";
            case 33 -> " (requested service option not subscribed: check the APN)";
            case 34 -> " (service option temporarily out of order)";
            default -> "";
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmiConnException(ExitCode.FAILURE, "interrupted while waiting for the data session");
        }
    }
}
