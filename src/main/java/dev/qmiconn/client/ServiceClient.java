package dev.qmiconn.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.qmiconn.service.Protocol;

/**
 * The lean client path: when a service runs for the device, {@code status}, {@code up}, {@code down} and
 * {@code usage} are sent to its socket and its answer relayed, before picocli, Jackson or Logback are loaded
 * (this class, {@link Protocol} and the JDK are all a forwarded call touches). No service, a stale socket, or a
 * command it does not serve: the caller runs the command itself, as without a service. On the path of a
 * forwarded call: no lambda, stream or {@code +} on strings (each bootstraps invokedynamic, ~10 ms of a ~60 ms
 * start), no logger.
 */
public final class ServiceClient {

    /**
     * Exit code of a refusal by the socket's permissions: ExitCode.NO_PERMISSION, spelled here so the lean path
     * loads no enum of the rest of the program (a test keeps the two equal).
     */
    public static final int NO_PERMISSION = 77;
    static final Set<String> SERVED = Set.of("status", "up", "down", "usage");
    static final String DEFAULT_STATE_DIR = "/run/qmi-conn";
    static final String DEFAULT_DEVICE = "/dev/cdc-wdm0";

    private ServiceClient() {
    }

    /** The exit code of the forwarded command, or -1 when the caller must run it itself. */
    public static int forward(String[] args, PrintStream out, PrintStream err) {
        List<String> words = served(args);
        if (words == null) {
            return -1;
        }
        // concat, not +: string concatenation bootstraps invokedynamic, which this start-up cannot afford
        Path socket = Path.of(option(words, "--state-dir", DEFAULT_STATE_DIR))
                .resolve(deviceName(option(words, "--device", DEFAULT_DEVICE)).concat(".sock"));
        if (!Files.exists(socket)) {
            return -1;
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(Protocol.request(words)));
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(ch))) {
                int code = Protocol.relay(in, out, err);
                if (code < 0) {
                    err.println("qmi-conn: the service on " + socket + " hung up without an answer");
                    return 1;
                }
                return code;
            }
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Permission denied") || why.contains("Access denied")) {
                err.println("qmi-conn: the qmi-conn service (" + socket + ") answers only root and members of "
                        + "the group qmi-conn: use sudo, or ask an admin to run 'adduser " + user() + " qmi-conn'");
                return NO_PERMISSION;
            }
            return -1; // refused: a socket left by a dead service; run the command directly
        } catch (IllegalArgumentException e) {
            return -1; // a word the protocol cannot carry: let the full parser give its one-line error
        }
    }

    /**
     * The words to send, or null when this command line is not for the service: another command, help, version,
     * or {@code --record} (recording needs the external calls, which only a local run makes). {@code -v} is
     * dropped: the service's diagnostics are in its journal.
     */
    static List<String> served(String[] args) {
        List<String> words = new ArrayList<>();
        String command = null;
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) {
                continue;
            }
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")
                    || a.startsWith("--record")) {
                return null;
            }
            if (command == null && !a.startsWith("-")) {
                command = a;
            }
            words.add(a);
        }
        return command != null && SERVED.contains(command) && words.get(0).equals(command) ? words : null;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE} (the last one wins, as in picocli). */
    static String option(List<String> words, String name, String fallback) {
        String value = fallback;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(name) && i + 1 < words.size()) {
                value = words.get(i + 1);
            } else if (w.startsWith(name) && w.length() > name.length() && w.charAt(name.length()) == '=') {
                value = w.substring(name.length() + 1);
            }
        }
        return value;
    }

    static String deviceName(String device) {
        return device.substring(device.lastIndexOf('/') + 1);
    }

    private static String user() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "USER" : u;
    }
}
