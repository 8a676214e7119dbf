package dev.qmiconn.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.WatchLog;

/**
 * {@code qmi-conn watch} as the resident service, inside the sandbox with the real qmicli, udhcpc and ip: a second
 * watch is refused, {@code status}, {@code down}, {@code up} and {@code usage} are answered through its socket
 * (status from its live view: no QMI message reaches the modem for it), a non-member of the qmi-conn group is
 * refused in one line, garbage on the socket changes nothing, and a kill -9 followed by a restart leaves no
 * client id but the ones the running service holds.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare", "setpriv", "groupadd"})
class ServiceSandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    static final String STATE = "/tmp/qmi-state";

    /** {@code qmi-conn ARGS --state-dir STATE}: the sandbox service tests' state directory. */
    static List<String> qmiConn(String... args) {
        List<String> argv = new ArrayList<>(List.of("qmi-conn"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--state-dir", STATE));
        return argv;
    }

    private static List<String> watch(String poll) {
        return qmiConn("watch", "--apn", "fast.metropcs.com", "--timeout", "15s", "--poll", poll,
                "--backoff-scale", "0.2");
    }

    @Test
    void should_answer_status_up_down_usage_through_its_socket_and_refuse_a_second_watch() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            box.exec(List.of("groupadd", "-r", "qmi-conn"), PATIENCE); // the sandbox's own /etc, as the .deb does
            BackgroundProcess watch = box.start(watch("20s"));
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));

                CommandResult second = box.exec(watch("1s"), PATIENCE);
                assertEquals(11, second.exitCode(), second.stdout() + second.stderr());
                assertTrue(second.stderr().contains("already runs on /dev/cdc-wdm0"), second.stderr());

                long before = box.emulator().requestsSeen();
                CommandResult status = box.exec(qmiConn("status", "--json"), PATIENCE);
                assertEquals(0, status.exitCode(), status.stdout() + status.stderr());
                assertTrue(status.stdout().contains("\"connection\" : \"connected\""), status.stdout());
                assertEquals(before, box.emulator().requestsSeen(), "status came from the live view");

                CommandResult down = box.exec(qmiConn("down"), PATIENCE);
                assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
                assertEquals(0, box.emulator().liveSessions());
                assertEquals(12, box.exec(qmiConn("status"), PATIENCE).exitCode(), "down stays down");
                assertEquals(0, box.emulator().liveSessions());

                CommandResult up = box.exec(qmiConn("up"), PATIENCE);
                assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
                assertEquals(1, box.emulator().liveSessions());
                CommandResult changed = box.exec(qmiConn("up", "--apn", "other.apn"), PATIENCE);
                assertEquals(11, changed.exitCode(), changed.stderr());
                assertEquals(0, box.exec(qmiConn("usage"), PATIENCE).exitCode());

                CommandResult nobody = box.exec(asUser("65534", qmiConn("status")), PATIENCE);
                assertEquals(77, nobody.exitCode(), nobody.stdout() + nobody.stderr());
                assertEquals(1, nobody.stderr().lines().count(), nobody.stderr());
                String gid = box.exec(List.of("getent", "group", "qmi-conn"), PATIENCE).stdout().split(":")[2];
                CommandResult member = box.exec(asMember(gid, qmiConn("status")), PATIENCE);
                assertEquals(0, member.exitCode(), member.stdout() + member.stderr());

                Path socket = box.tmpDir().resolve("qmi-state/cdc-wdm0.sock");
                assertTrue(exchange(socket, "hello\n").contains("exit 2"));
                assertTrue(exchange(socket, "QMI-CONN/1\treboot\n").contains("exit 2"));
                assertEquals(1, box.emulator().liveSessions(), "garbage changed nothing");
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            // systemctl stop: a SIGTERM that watch handled ends with exit 0 (the JVM's own handling exits 143)
            assertEquals(java.util.OptionalInt.of(0), watch.waitFor(Duration.ofSeconds(5)), watch.stderr());
            assertTrue(watch.stdout().contains(" stopped link down"), watch.stdout());
            assertEquals(0, box.emulator().liveSessions(), watch.stdout());
            assertEquals(0, box.emulator().liveClientIds(), watch.stdout());
        }
    }

    @Test
    void should_release_what_a_killed_service_held_when_it_starts_again() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess first = box.start(watch("1s"));
            WatchLog.await(first, PATIENCE, log -> log.contains(" connected "));
            ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroyForcibly);
            first.waitFor(Duration.ofSeconds(10));
            assertEquals(4, box.emulator().liveClientIds(), "the session's WDS id and the kept NAS, UIM, DMS ids");

            BackgroundProcess second = box.start(watch("1s"));
            try {
                WatchLog.await(second, PATIENCE, log -> log.contains(" connected "));
                assertEquals(1, box.emulator().liveSessions(), second.stdout());
                assertEquals(4, box.emulator().liveClientIds(), "no more than the running service holds");
            } finally {
                second.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), second.stdout());
            assertEquals(0, box.emulator().liveSessions(), second.stdout());
        }
    }

    private static List<String> asUser(String uid, List<String> argv) {
        List<String> a = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        a.addAll(argv);
        return a;
    }

    private static List<String> asMember(String gid, List<String> argv) {
        List<String> a = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--groups=" + gid));
        a.addAll(argv);
        return a;
    }

    private static String exchange(Path socket, String request) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            try (InputStream in = Channels.newInputStream(ch)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

