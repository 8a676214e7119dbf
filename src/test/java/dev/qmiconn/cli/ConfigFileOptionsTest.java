package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.IpType;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.watch.WatchOptions;

import picocli.CommandLine;

/** The device's config file fills in the options the command line left out; the command line wins. */
class ConfigFileOptionsTest {

    @TempDir
    Path tmp;

    private Path config(String text) throws IOException {
        Path f = tmp.resolve("etc/cdc-wdm0.conf");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** Parses {@code command args} as the real tree does and returns the command object, config applied. */
    private <T> T parsed(Class<T> type, String command, String... args) {
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(), Map.of()));
        List<String> argv = new ArrayList<>(List.of(command, "--config-dir", tmp.resolve("etc").toString(),
                "--profile", tmp.resolve("none").toString()));
        argv.addAll(List.of(args));
        CommandLine.ParseResult pr = cl.parseArgs(argv.toArray(String[]::new));
        CommandLine sub = pr.subcommand().commandSpec().commandLine();
        T cmd = type.cast(sub.getCommand());
        ConfigFileOptions options = cmd instanceof UpCommand up ? up.config
                : cmd instanceof WatchCommand w ? w.config : ((EnsureCommand) cmd).config;
        options.applyTo(sub.getCommandSpec(), "/dev/cdc-wdm0");
        return cmd;
    }

    private UpRequest request(UpOptions options) {
        return options.toRequest(new ConnectPaths().toPaths(Map.of()));
    }

    @Test
    void should_take_settings_from_the_file_of_the_device() throws IOException {
        config("APN=fast.metropcs.com\nAPN_USER=metro\nAPN_PASS=s3cret\nPIN=1234\nIP_TYPE=4v6\nPROXY=yes\n"
                + "TIMEOUT=2m\nIFACE=wwan1\nMETHOD=qmi\n");
        UpCommand up = parsed(UpCommand.class, "up");
        UpRequest r = request(up.options);
        assertEquals("fast.metropcs.com", r.apn());
        assertEquals("metro", r.user());
        assertEquals("s3cret", r.password());
        assertEquals("1234", r.pin());
        assertEquals(IpType.V4V6, r.ipType());
        assertTrue(r.proxy());
        assertEquals(Duration.ofMinutes(2), r.timeout());
        assertEquals("wwan1", r.iface());
    }

    @Test
    void should_let_the_command_line_win() throws IOException {
        config("APN=fast.metropcs.com\nPIN=1234\nTIMEOUT=2m\nIFACE=wwan1\n");
        UpRequest r = request(parsed(UpCommand.class, "up", "--apn", "fp.com.attz", "--timeout", "60s",
                "--iface", "auto").options);
        assertEquals("fp.com.attz", r.apn());
        assertEquals(Duration.ofSeconds(60), r.timeout(), "an option equal to its default still wins");
        assertEquals(null, r.iface(), "auto given on the command line wins over IFACE=wwan1");
        assertEquals("1234", r.pin());
    }

    @Test
    void should_give_watch_its_cap_poll_and_reset_day() throws IOException {
        config("APN=fast.metropcs.com\nCAP=2GB\nCAP_WARN=90\nRESET_DAY=15\nPOLL=5s\nESCALATE_AFTER=4\n");
        WatchOptions w = parsed(WatchCommand.class, "watch", "--cap-warn", "50").watch.toOptions();
        assertEquals(2_000_000_000L, w.cap().limit().bytes());
        assertEquals(50, w.cap().warnPercent());
        assertEquals(15, w.resetDay());
        assertEquals(Duration.ofSeconds(5), w.pollInterval());
        assertEquals(4, w.escalateAfter());
        assertEquals(15, parsed(EnsureCommand.class, "ensure").watch.toOptions().resetDay());
    }

    @Test
    void should_read_a_named_file_instead() throws IOException {
        config("APN=fast.metropcs.com\n");
        Path other = tmp.resolve("other.conf");
        Files.writeString(other, "APN=fp.com.attz\n");
        assertEquals("fp.com.attz", request(parsed(UpCommand.class, "up", "--config", other.toString()).options)
                .apn());
        QmiConnException missing = assertThrows(QmiConnException.class,
                () -> parsed(UpCommand.class, "up", "--config", tmp.resolve("nope.conf").toString()));
        assertTrue(missing.getMessage().endsWith("nope.conf does not exist"), missing.getMessage());
    }

    @Test
    void should_refuse_the_at_method_where_the_command_has_none() throws IOException {
        Path f = config("APN=x\n\nMETHOD=at\n");
        QmiConnException e = assertThrows(QmiConnException.class, () -> parsed(WatchCommand.class, "watch"));
        assertEquals(f + ":3: METHOD=at: 'watch' supports only METHOD=qmi", e.getMessage());
        assertFalse(parsed(UpCommand.class, "up").method.equals("qmi"), "up has --method: it takes at");
    }

    @Test
    void should_refuse_a_readable_secret_before_anything_runs() throws IOException {
        Path f = config("APN=x\nPIN=1234\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(), Map.of()));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int exit = cl.execute("up", "--config-dir", tmp.resolve("etc").toString());
        assertEquals(3, exit);
        assertEquals("qmi-conn: config file " + f + " holds a PIN or password but is readable by group or others "
                + "(mode 0644): run chmod 600 " + f + "\n", err.toString());
    }
}
