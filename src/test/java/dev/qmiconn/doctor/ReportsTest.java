package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The two renderings: aligned text for people, JSON whose fields docs/DOCTOR-JSON.md documents. */
class ReportsTest {

    private static final DoctorReport REPORT = new DoctorReport("/", List.of(
            Finding.ok("usb-modem", "Huawei E397u-53 (12d1:1506 at USB 1-1.3)"),
            Finding.fail("qmicli", "qmicli is not installed", "sudo apt install libqmi-utils"),
            Finding.warn("raw-ip", "no raw_ip", "sudo apt full-upgrade")));

    @Test
    void should_align_one_line_per_check_with_the_fix_below() {
        String nl = System.lineSeparator();
        assertEquals("ok    usb-modem  Huawei E397u-53 (12d1:1506 at USB 1-1.3)" + nl
                + "fail  qmicli     qmicli is not installed" + nl
                + "                 fix: sudo apt install libqmi-utils" + nl
                + "warn  raw-ip     no raw_ip" + nl
                + "                 fix: sudo apt full-upgrade" + nl
                + nl
                + "1 failure, 1 warning, 1 ok" + nl, TextReport.render(REPORT));
    }

    @Test
    void should_say_the_worst_finding_and_its_exit_code_in_json() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(REPORT));

        assertEquals("fail", json.get("worst").asText());
        assertEquals(15, json.get("exit_code").asInt());
        assertEquals(1, json.get("counts").get("warn").asInt());
        assertEquals("sudo apt install libqmi-utils", json.get("findings").get(1).get("fix").asText());
    }

    @Test
    void should_document_every_check_id_the_fixture_trees_produce() {
        String doc = DoctorRun.read(Path.of("docs/DOCTOR-JSON.md"));
        Set<String> ids = documented(doc, "## Check ids, in order");
        for (String tree : List.of("e397u53-storage", "e397u53-modem", "quectel-ec25-rawip", "sierra-em7455-mbim",
                "nothing-plugged")) {
            DoctorRun.read(DoctorRun.TREES.resolve(tree).resolve("expected-findings.txt")).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> assertTrue(ids.contains(l.split(" ")[0]), l + " is not in docs/DOCTOR-JSON.md"));
        }
        assertTrue(ids.contains("modem-answers"));
    }

    /** First-column entries of the markdown table under a heading: {@code | `name` | ...}. */
    private static Set<String> documented(String doc, String heading) {
        String section = doc.substring(doc.indexOf(heading));
        int next = section.indexOf("\n## ", heading.length());
        section = next < 0 ? section : section.substring(0, next);
        Matcher m = Pattern.compile("(?m)^\\| `([a-zA-Z-]+)` \\|").matcher(section);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return new TreeSet<>(out);
    }
}
