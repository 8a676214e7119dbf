package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.CallEndReasons;
import dev.qmiconn.qmi.QmicliErrors;
import dev.qmiconn.qmi.VersionPolicy;

/**
 * The guide's way: libqmi's {@code qmi-network DEVICE start}. qmi-network <em>sources</em> its profile with the
 * shell and later expands the start command unquoted, so the profile is one qmi-conn writes itself from
 * validated values only (single-quoted; no value may hold a quote, '$', '`', '\', whitespace or a glob
 * character). Its state file {@code /tmp/qmi-network-state-<dev>} (CID="N", PDH="N") is read back, not guessed.
 * Exit codes (qmi-network 1.32): 1 no client id, 2 no packet data handle (it released the id), 3 already started.
 */
public final class QmiNetworkBackend {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STATE = Pattern.compile("^(CID|PDH)=\"?(\\d+)\"?\\s*$", Pattern.MULTILINE);
    private static final Pattern REASON = Pattern.compile("^.*call end reason.*$", Pattern.MULTILINE);

    private final CommandRunner runner;
    private final Paths paths;

    public QmiNetworkBackend(CommandRunner runner, Paths paths) {
        this.runner = runner;
        this.paths = paths;
    }

    /** The profile text: only validated values, single-quoted. */
    public static String profile(UpRequest req, VersionPolicy policy) {
        StringBuilder sb = new StringBuilder("# written by qmi-conn up for qmi-network; regenerated on every up\n");
        sb.append("APN='").append(safe("APN", req.apn())).append("'\n");
        if (req.user() != null) {
            sb.append("APN_USER='").append(safe("user name", req.user())).append("'\n");
        }
        if (req.password() != null) {
            sb.append("APN_PASS='").append(safe("password", req.password())).append("'\n");
        }
        if (req.ipType() != null && policy.qmiNetworkKnowsIpType()) {
            if (req.ipType() == ConnectOptions.IpType.V4V6) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "qmi-network starts one IP family: use --ip-type "
                        + "4 or 6 with --backend qmi-network, or --backend qmicli for 4v6");
            }
            sb.append("IP_TYPE=").append(req.ipType().word()).append('\n');
        }
        if (req.proxy()) {
            sb.append("PROXY=yes\n");
        }
        return sb.toString();
    }

    private static String safe(String what, String v) {
        if (!v.matches("[A-Za-z0-9._@+=:%/^~!#-]+")) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "the " + what + " cannot be passed through qmi-network"
                    + " safely (it expands the value unquoted); use --backend qmicli");
        }
        return v;
    }

    /**
     * qmi-network allocates its client id inside {@code start}, so qmi-conn cannot learn it first: the record
     * gets a pending marker for the whole run (a kill leaves it, and the next run syncs), then the id and handle
     * qmi-network saved.
     */
    public List<DataSession> start(UpRequest req, VersionPolicy policy, SessionRecord rec) {
        rec.update(s -> s.allocating("wds"));
        List<DataSession> started;
        try {
            started = start(req, policy);
        } catch (RuntimeException e) {
            rec.update(s -> s.allocating(null)); // the script ran to its end and released what it allocated
            throw e;
        }
        for (DataSession d : started) {
            rec.update(s -> s.allocating(null).allocated("wds", d.cid()).withSession(d));
        }
        return started;
    }

    List<DataSession> start(UpRequest req, VersionPolicy policy) {
        Path profile = paths.qmiNetworkProfile(req.deviceName());
        if (!isPlain(profile)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot hand qmi-network the profile " + profile
                    + ": it sources the path unquoted, so only letters, digits and / . _ - are safe there; use a"
                    + " plain --state-dir or --backend qmicli");
        }
        AtomicFiles.write(profile, profile(req, policy),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CommandResult r = runner.run(CommandSpec.of("qmi-network", "--profile=" + profile, req.device(), "start")
                .withTimeout(TIMEOUT));
        if (r.exitCode() == 127) {
            throw new QmiConnException(ExitCode.TOOL_MISSING, "qmi-network is not installed (libqmi-utils)");
        }
        if (!r.succeeded()) {
            String reason = reason(r);
            String what = switch (r.exitCode()) {
                case 1 -> "qmi-network got no client id";
                case 2 -> "qmi-network started no session (no packet data handle; it released the client id)";
                case 3 -> "qmi-network says a session is already started (state " + stateFile(req) + ")";
                default -> "qmi-network start " + (r.timedOut() ? "timed out" : "exited " + r.exitCode());
            };
            // qmi-network repeats qmicli's CallFailed lines: the same reasons, the same advice as the qmicli backend
            String advice = QmicliErrors.classify(r)
                    .flatMap(f -> CallEndReasons.advice(f.callEndReason(), f.verboseCallEndReason()))
                    .map(a -> QmicliErrors.REFUSED + a + "; ").orElse("");
            throw new QmiConnException(ExitCode.CALL_FAILED, advice + what + reason);
        }
        Optional<DataSession> s = readState(stateFile(req));
        if (s.isEmpty()) {
            throw new QmiConnException(ExitCode.CALL_FAILED, "qmi-network said started but left no CID/PDH in "
                    + stateFile(req));
        }
        return List.of(s.get());
    }

    public List<String> stop(String device, String deviceName) {
        Path profile = paths.qmiNetworkProfile(deviceName);
        List<String> argv = new ArrayList<>(List.of("qmi-network"));
        if (Files.exists(profile) && isPlain(profile)) { // `start` never wrote one that is not plain
            argv.add("--profile=" + profile);
        }
        argv.addAll(List.of(device, "stop"));
        CommandResult r = runner.run(CommandSpec.of(argv).withTimeout(TIMEOUT));
        return r.succeeded() ? List.of() : List.of("qmi-network stop exited " + r.exitCode() + reason(r));
    }

    /**
     * qmi-network (1.32.2 and earlier) runs {@code . $PROFILE_FILE} unquoted: a space splits the path and a glob
     * expands, so root would source some other file. Only such plain paths reach it.
     */
    static boolean isPlain(Path profile) {
        return profile.toString().matches("[A-Za-z0-9/._-]+");
    }

    Path stateFile(UpRequest req) {
        return paths.qmiNetworkState(req.deviceName());
    }

    /** Reads {@code CID="17"} / {@code PDH="3634026241"} (qmi-network writes both quoted). */
    public static Optional<DataSession> readState(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) { // none (NoSuchFileException) or unreadable: no session to hand over
            return Optional.empty();
        }
        Integer cid = null;
        Long pdh = null;
        Matcher m = STATE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("CID")) {
                cid = Integer.valueOf(m.group(2));
            } else {
                pdh = Long.valueOf(m.group(2));
            }
        }
        return cid == null || pdh == null ? Optional.empty() : Optional.of(new DataSession("ipv4", cid, pdh));
    }

    private static String reason(CommandResult r) {
        String all = r.stdout() + "\n" + r.stderr();
        Matcher m = REASON.matcher(all);
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group().strip());
        }
        if (!lines.isEmpty()) {
            return " (" + String.join("; ", lines) + ")";
        }
        for (String l : all.split("\n")) {
            if (l.startsWith("error: ")) {
                return " (" + l.strip() + ")";
            }
        }
        return "";
    }
}
