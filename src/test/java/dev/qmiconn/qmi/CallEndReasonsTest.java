package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;

/** A refused data call says what to do, in the words docs/TROUBLESHOOTING.md is keyed by. */
class CallEndReasonsTest {

    private static final Path DOC = Path.of("docs", "TROUBLESHOOTING.md");
    private static final Path FIXTURES = Path.of("test-fixtures", "qmicli", "1.32.2", "wds-start-network");
    private static final Pattern ROW = Pattern.compile("^\\| ([^`|][^|]*) \\| (`[^|]*`) \\|$", Pattern.MULTILINE);
    private static final List<String> START = List.of("qmicli", "-d", "/dev/cdc-wdm0",
            "--wds-start-network=apn='fast.metropcs.com'", "--client-no-release-cid");

    private static QmicliException startFailedWith(Path stderr) throws IOException {
        return QmicliException.from(new CommandResult(START, 1, "", Files.readString(stderr), false,
                Duration.ofMillis(80)));
    }

    @Test
    void should_document_every_advice_line_with_its_reasons_word_for_word() throws IOException {
        List<CallEndReasons.Advice> documented = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            List<String> reasons = new ArrayList<>();
            for (String r : m.group(2).split(", ")) {
                reasons.add(r.replaceAll("^`|`$", ""));
            }
            documented.add(new CallEndReasons.Advice(m.group(1), reasons));
        }
        assertEquals(CallEndReasons.ADVICE, documented, "docs/TROUBLESHOOTING.md's call end reason table");
    }

    @Test
    void should_give_each_reason_one_advice_only() {
        Set<String> seen = new HashSet<>();
        for (CallEndReasons.Advice a : CallEndReasons.ADVICE) {
            assertFalse(a.text().contains("|") || a.text().contains("\n"), a.text());
            for (String r : a.reasons()) {
                assertTrue(seen.add(r), "twice: " + r);
            }
        }
    }

    @Test
    void should_prefer_the_verbose_reason_and_fall_back_to_the_generic_one() {
        assertEquals(CallEndReasons.advice(null, "[3gpp] option-unsubscribed"),
                CallEndReasons.advice("generic-unspecified", "[3gpp] option-unsubscribed"));
        assertEquals(CallEndReasons.advice(null, "[3gpp] authentication-failed"),
                CallEndReasons.advice("generic-authentication-failed", "[3gpp] (null)"));
        assertEquals(Optional.empty(), CallEndReasons.advice("generic-unspecified", "[3gpp] (null)"));
        assertEquals(Optional.empty(), CallEndReasons.advice(null, null));
    }

    @Test
    void should_say_what_to_do_about_the_emulators_unsubscribed_sim_and_keep_qmiclis_words() throws IOException {
        QmicliException e = startFailedWith(FIXTURES.resolve("emulator-call-failed.err"));

        assertTrue(e.getMessage().startsWith("data session refused: the SIM has no data plan for this APN: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(qmicli --wds-start-network: CallFailed, call end reason: "
                + "generic-unspecified, [3gpp] option-unsubscribed)"), e.getMessage());
    }

    @Test
    void should_say_what_to_do_when_a_real_modem_has_no_service() throws IOException {
        QmicliException e = startFailedWith(FIXTURES.resolve("call-failed-no-service.err"));

        assertTrue(e.getMessage().startsWith("data session refused: the modem is not on a network: "),
                e.getMessage());
    }

    @Test
    void should_pass_an_unknown_reason_on_as_qmicli_said_it() {
        QmicliException e = QmicliException.from(new CommandResult(START, 1, "",
                "error: couldn't start network: QMI protocol error (14): 'CallFailed'\n"
                        + "call end reason (1): generic-unspecified\n"
                        + "verbose call end reason (6,11): [3gpp] (null)\n", false, Duration.ofMillis(80)));

        assertEquals("qmicli --wds-start-network: couldn't start network: QMI protocol error (14): 'CallFailed' "
                + "(call end reason: generic-unspecified, [3gpp] (null))", e.getMessage());
    }
}
