package dev.qmiconn.cli.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.error.ExitCode;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build-time generator of the Debian package's man pages and bash completion, from the live command tree
 * ({@link Main#commandLine}): whatever subcommands RootCommand registers when the build runs are documented.
 * Run by the pom (exec-maven-plugin, prepare-package): {@code BuildAssets OUTDIR VERSION}. Writes
 * {@code OUTDIR/man/man1/NAME.1.gz} and {@code OUTDIR/bash-completion/qmi-conn}.
 */
public final class BuildAssets {

    private BuildAssets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuildAssets OUTDIR VERSION");
        }
        write(Path.of(args[0]), args[1]);
    }

    /** Writes every asset under {@code out}; returns the man page names written. */
    public static List<String> write(Path out, String version) throws IOException {
        CommandLine cl = Main.commandLine(AppContext.production());
        String name = cl.getCommandSpec().name();
        Path man1 = Files.createDirectories(out.resolve("man/man1"));
        List<ManPage.Page> pages = ManPage.pages(cl.getCommandSpec(), version, rootSections(), everyPageSections());
        for (ManPage.Page page : pages) {
            Files.write(man1.resolve(page.name() + ".1.gz"), gzip(page.roff()));
        }
        Path completion = Files.createDirectories(out.resolve("bash-completion"));
        Files.writeString(completion.resolve(name), AutoComplete.bash(name, cl), StandardCharsets.UTF_8);
        return pages.stream().map(ManPage.Page::name).toList();
    }

    static List<ManPage.Section> rootSections() {
        return List.of(new ManPage.Section("EXIT STATUS", exitStatus()));
    }

    /** On every page: each command runs through the launcher and reads or writes these files. */
    static List<ManPage.Section> everyPageSections() {
        return List.of(
                new ManPage.Section("ENVIRONMENT", """
                        .TP
                        \\fBJAVA\\fR, \\fBJAVA_HOME\\fR
                        The Java 17 (or newer) runtime the launcher uses; by default the first of \\fBjava\\fR on \
                        PATH and /usr/lib/jvm/* that is version 17 or newer.
                        .TP
                        \\fBQMI_CONN_JAVA_OPTS\\fR
                        Extra JVM options, added after the launcher's small\\-board defaults (serial GC, 48 MB heap).
                        """),
                new ManPage.Section("FILES", """
                        .TP
                        /etc/qmi\\-conn/\\fIDEVICE\\fR.conf
                        Settings of the modem on /dev/\\fIDEVICE\\fR (APN, PIN, APN_PASS, cap, ...), KEY=value, read \
                        by \\fBup\\fR, \\fBwatch\\fR and \\fBensure\\fR (command\\-line options win); written by \
                        \\fBqmi\\-conn generate config\\fR; refused when others can read a PIN or password in it.
                        .TP
                        /lib/systemd/system/qmi\\-conn@.service
                        Runs \\fBqmi\\-conn watch \\-\\-device /dev/\\fIINSTANCE\\fR as a hardened service that \
                        keeps the link up, e.g. \\fBsystemctl enable \\-\\-now qmi\\-conn@cdc\\-wdm0\\fR.
                        .TP
                        /etc/default/qmi\\-conn
                        Extra options of that service: QMI_CONN_WATCH_OPTS (options without a key in the \
                        settings file) and QMI_CONN_JAVA_OPTS.
                        .TP
                        /var/lib/qmi\\-conn/
                        The data\\-usage ledgers of \\fBwatch\\fR and \\fBensure\\fR, one per SIM with its cap and \
                        reset day (\\fB\\-\\-ledger\\-dir\\fR); they survive reboots.
                        .TP
                        /etc/qmi\\-network.conf
                        The qmi\\-network profile (APN, APN_USER, APN_PASS, IP_TYPE, PROXY), read by \
                        \\fBqmi\\-conn up\\fR; command\\-line options win.
                        .TP
                        /run/qmi\\-conn/
                        State of the running session (client id, packet data handle), the device lock, the \
                        service's socket \\fIDEVICE\\fR.sock (root:qmi\\-conn 0660) and the modem's IMEI and ICCID, \
                        one set per device (\\fB\\-\\-state\\-dir\\fR).
                        .TP
                        /usr/share/mobile\\-broadband\\-provider\\-info/serviceproviders.xml
                        Where \\fBup\\fR looks up the APN of the SIM's operator when none is given.
                        .TP
                        /etc/resolv.conf.head
                        DNS servers of the session, in a block marked as qmi\\-conn's; other lines are kept.
                        .TP
                        /etc/network/interfaces.d/
                        Where \\fBqmi\\-conn generate interfaces\\fR puts an ifupdown stanza.
                        .TP
                        /usr/share/doc/qmi\\-conn/
                        USER\\-GUIDE.md (from zero to boot\\-time LTE on a Raspberry Pi), TROUBLESHOOTING.md (by \
                        the exact message), EXIT\\-CODES.md, and the JSON fields of \\fBstatus\\fR, \
                        \\fBdoctor\\fR and \\fBusage\\fR (STATUS\\-JSON.md, DOCTOR\\-JSON.md, USAGE\\-JSON.md), the \
                        settings keys (CONFIG.md).
                        """));
    }

    private static String exitStatus() {
        StringBuilder r = new StringBuilder();
        for (ExitCode code : ExitCode.values()) {
            r.append(".TP\n").append(Roff.bold(Integer.toString(code.code()))).append('\n')
                    .append(Roff.text(code.name() + ": " + code.meaning())).append('\n');
        }
        return r.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) { // mtime 0: reproducible
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
