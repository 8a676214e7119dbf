package dev.qmiconn.at;

import java.time.Duration;
import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The Huawei AT commands qmi-conn uses, typed. Commands E397u-53 firmware 11.x answers (the FreedomPOP and
 * Metro PCS guides): {@code AT}, {@code ATZ}, {@code AT^NDISDUP=1,1,"apn"} / {@code =1,0}, {@code AT^DHCP?},
 * {@code AT^NDISSTATQRY?}, {@code AT+CSQ}, {@code AT+COPS?}.
 */
public final class AtModem implements AutoCloseable {

    private final AtSession session;
    private final Duration timeout;

    public AtModem(AtSession session, Duration timeout) {
        this.session = session;
        this.timeout = timeout;
    }

    public String port() {
        return session.name();
    }

    /**
     * Any command line for {@code at send}: must start with AT, no CR/LF or other control characters (one of
     * them would end the line early and run whatever follows as a second command).
     */
    public static String checkCommand(String command) {
        if (command == null || command.isEmpty()) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "empty AT command");
        }
        if (command.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "AT command '" + Validation.printable(command)
                    + "' contains control or non-ASCII characters; give exactly one command line");
        }
        if (!command.regionMatches(true, 0, "AT", 0, 2)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "AT command '" + command + "' must start with AT");
        }
        return command;
    }

    /** Sends a command and returns the reply as it is, OK or not. */
    public AtReply send(String command) {
        return session.send(checkCommand(command), timeout);
    }

    /** Sends a command and returns the reply, or throws the modem's error as a one-line message. */
    public AtReply require(String command) {
        return send(command).orThrow();
    }

    /** {@code AT}, then {@code AT+CMEE=1} so later failures say +CME ERROR: n instead of a bare ERROR. */
    public void prepare() {
        require("AT");
        send("AT+CMEE=1"); // best effort: an ERROR here only costs us detailed error codes
    }

    public void reset() {
        require("ATZ");
    }

    public void connect(String apn) {
        require("AT^NDISDUP=1,1,\"" + Validation.apn(apn) + "\"");
    }

    public void disconnect() {
        require("AT^NDISDUP=1,0");
    }

    public NdisStatus ndisStatus() {
        AtReply r = require("AT^NDISSTATQRY?");
        return NdisStatus.parse(infoLine(r, "^NDISSTATQRY"));
    }

    /**
     * Empty when this firmware does not know {@code AT^NDISSTATQRY?} (COMMAND NOT SUPPORT, or a bare ERROR):
     * the guides never used it, only {@code AT^DHCP?}, so the bring-up can fall back to that.
     */
    public Optional<NdisStatus> ndisStatusIfKnown() {
        AtReply r = send("AT^NDISSTATQRY?");
        if (r.result() == AtReply.Result.NOT_SUPPORTED || r.result() == AtReply.Result.ERROR) {
            return Optional.empty();
        }
        r.orThrow();
        return Optional.of(NdisStatus.parse(infoLine(r, "^NDISSTATQRY")));
    }

    /**
     * Whether a data session is up: {@code AT^NDISSTATQRY?} when the firmware knows it, else (the guides' way)
     * whether {@code AT^DHCP?} already names an address.
     */
    public SessionCheck checkSession() {
        Optional<NdisStatus> status = ndisStatusIfKnown();
        return new SessionCheck(status, status.isPresent() ? Optional.empty() : dhcpIfUp());
    }

    /** {@code live} holds the ^DHCP settings only when they were read to answer the question (no ^NDISSTATQRY). */
    public record SessionCheck(Optional<NdisStatus> status, Optional<DhcpSettings> live) {

        public boolean connected() {
            return status.map(s -> s.state() == NdisStatus.State.CONNECTED).orElse(live.isPresent());
        }
    }

    /** The settings when a session is up; empty while the modem answers ERROR or all zeros (no session yet). */
    public Optional<DhcpSettings> dhcpIfUp() {
        AtReply r = send("AT^DHCP?");
        if (r.result() == AtReply.Result.ERROR) {
            return Optional.empty();
        }
        r.orThrow();
        DhcpSettings s = dhcp(r);
        return s.hasAddress() ? Optional.of(s) : Optional.empty();
    }

    public DhcpSettings dhcp() {
        return dhcp(require("AT^DHCP?"));
    }

    private static DhcpSettings dhcp(AtReply r) {
        String line = infoLine(r, "^DHCP");
        try {
            return DhcpDecoder.decode(line);
        } catch (QmiConnException e) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "the modem's answer cannot be decoded: " + e.getMessage());
        }
    }

    public SignalQuality signal() {
        AtReply r = require("AT+CSQ");
        return SignalQuality.parse(infoLine(r, "+CSQ"));
    }

    public NetworkOperator operator() {
        AtReply r = require("AT+COPS?");
        return NetworkOperator.parse(infoLine(r, "+COPS"));
    }

    /** The reply's {@code prefix:} line; an OK without it is a modem error. */
    private static String infoLine(AtReply r, String prefix) {
        return r.line(prefix).orElseThrow(() -> new QmiConnException(ExitCode.MODEM_ERROR, r.command()
                + " answered OK without a " + prefix + ": line (got " + r.lines() + ")"));
    }

    @Override
    public void close() {
        session.close();
    }
}
