package dev.qmiconn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --record transcripts are shared as fixtures: owner-only files, no password or PIN in them. */
class RecordingRunnerTest {

    @TempDir
    Path dir;

    private static final List<String> SECRET_ARGS = List.of(
            "--wds-start-network=apn='internet',username='u',password='pa,ss w0rd',auth=BOTH",
            "--uim-verify-pin=PIN1,73519",
            "--dms-uim-verify-pin=PIN2,86420",
            "--uim-change-pin=PIN1,73519,24680");

    private Transcript recordPrintf() throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(SECRET_ARGS);
        CommandResult live = new RecordingRunner(new ExecRunner(), dir).run(CommandSpec.of(argv));
        assertTrue(live.stdout().contains("password='pa,ss w0rd'"), "the caller gets the real output");
        return Transcript.fromJson(Files.readString(dir.resolve("001-printf.json")));
    }

    @Test
    void should_write_transcripts_readable_by_the_owner_only() throws Exception {
        recordPrintf();
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("001-printf.json"))));
    }

    @Test
    void should_mask_passwords_and_pins_in_argv_and_output() throws Exception {
        Transcript t = recordPrintf();
        String file = Files.readString(dir.resolve("001-printf.json"));
        for (String secret : List.of("pa,ss", "w0rd", "73519", "86420", "24680")) {
            assertFalse(file.contains(secret), secret + " written: " + file);
        }
        List<String> expected = List.of(
                "--wds-start-network=apn='internet',username='u',password=***,auth=BOTH",
                "--uim-verify-pin=PIN1,****",
                "--dms-uim-verify-pin=PIN2,****",
                "--uim-change-pin=PIN1,****,****");
        assertEquals(expected, t.argv().subList(2, t.argv().size()));
        assertEquals(String.join("\n", expected) + "\n", t.stdout());
    }

    @Test
    void should_leave_text_without_secrets_alone() {
        String text = "[/dev/cdc-wdm0] PIN1:\n\tStatus: enabled-not-verified\n\tVerify retries: '3'\n"
                + "qmicli --uim-verify-pin=PIN1,YOUR-PIN apn=internet";
        assertEquals(text, Secrets.redact(text));
        assertEquals("AT+CPIN=****\r\nOK", Secrets.redact("AT+CPIN=\"1234\"\r\nOK"));
    }
}
