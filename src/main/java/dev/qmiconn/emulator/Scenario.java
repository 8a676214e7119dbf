package dev.qmiconn.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one emulated modem is and does, read from JSON (src/main/resources/scenarios/NAME.json or a file).
 * Unknown fields are errors, so a typo in a scenario does not silently become a default.
 *
 * @param name          scenario name (e.g. {@code e397u-53})
 * @param description   one line for humans
 * @param identity      DMS ids
 * @param radio         NAS view: technology, signal, registration
 * @param sim           UIM/DMS PIN state
 * @param data          WDS/WDA: APNs, auth, what a session hands out, link layer
 * @param faults        timeline of misbehaviour
 * @param clientIdLimit live client ids per service before allocate fails with ClientIdsExhausted (null: none)
 * @param replyLatencyMs every answer leaves this many ms after its request arrived (null: at once). Answers
 *                       are pipelined, not queued: requests sent together are answered together, as a USB modem
 *                       does; against an instant emulator the JVM's start hides everything else in a benchmark
 */
public record Scenario(String name, String description, Identity identity, Radio radio, Sim sim, Data data,
                       List<Fault> faults, Integer clientIdLimit, Integer replyLatencyMs) {

    /** The most {@link #replyLatencyMs} may be: qmicli gives up after about 10 s of silence. */
    public static final int MAX_REPLY_LATENCY_MS = 5_000;

    /** Scenarios shipped in the jar, loadable by name. */
    public static final List<String> BUILT_IN = List.of("e397u-53", "raw-ip", "no-signal", "call-failed", "flaky",
            "pin", "pap", "vanish", "cid-limit", "no-answer", "no-sim", "roaming", "roaming-later", "o2-uk");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Scenario {
        Objects.requireNonNull(name, "scenario needs a name");
        identity = identity == null ? Identity.DEFAULT : identity;
        radio = radio == null ? Radio.DEFAULT : radio;
        sim = sim == null ? Sim.DEFAULT : sim;
        Objects.requireNonNull(data, "scenario '" + name + "' needs a data section (ipv4 at least)");
        faults = faults == null ? List.of() : List.copyOf(faults);
        if (clientIdLimit != null && (clientIdLimit < 1 || clientIdLimit > 254)) {
            throw new IllegalArgumentException("clientIdLimit must be 1..254, got " + clientIdLimit);
        }
        if (replyLatencyMs != null && (replyLatencyMs < 0 || replyLatencyMs > MAX_REPLY_LATENCY_MS)) {
            throw new IllegalArgumentException("replyLatencyMs must be 0.." + MAX_REPLY_LATENCY_MS + ", got "
                    + replyLatencyMs);
        }
    }

    /** How long each answer is held back after its request arrived (zero: answered at once). */
    public java.time.Duration replyLatency() {
        return java.time.Duration.ofMillis(replyLatencyMs == null ? 0 : replyLatencyMs);
    }

    /**
     * This scenario with every answer held back {@code latency} (whole ms) after its request.
     *
     * @throws IllegalArgumentException outside 0..{@link #MAX_REPLY_LATENCY_MS} ms
     */
    public Scenario withReplyLatency(java.time.Duration latency) {
        long ms = latency.toMillis();
        if (latency.isNegative() || ms > MAX_REPLY_LATENCY_MS) {
            throw new IllegalArgumentException("reply latency must be 0.." + MAX_REPLY_LATENCY_MS + " ms, got "
                    + ms + " ms");
        }
        return new Scenario(name, description, identity, radio, sim, data, faults, clientIdLimit, (int) ms);
    }

    /**
     * Loads a built-in scenario by name, or a JSON file by path (anything with a '/' or ending in .json).
     *
     * @throws ScenarioException with a one-line reason (file, line, column) when it cannot
     */
    public static Scenario load(String nameOrFile) {
        Objects.requireNonNull(nameOrFile, "scenario");
        if (nameOrFile.contains("/") || nameOrFile.endsWith(".json")) {
            Path file = Path.of(nameOrFile);
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException("scenario file not found: " + file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new ScenarioException("cannot read scenario " + file + ": " + e.getMessage());
            }
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + nameOrFile + ".json")) {
            if (in == null) {
                throw new ScenarioException("unknown scenario '" + nameOrFile + "' (built in: "
                        + String.join(", ", BUILT_IN) + "; or give a .json file)");
            }
            return parse(in, nameOrFile);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + nameOrFile + ": " + e.getMessage());
        }
    }

    /** Parses scenario JSON; {@code origin} names it in errors. */
    public static Scenario parse(InputStream json, String origin) {
        try {
            return MAPPER.readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ScenarioException("bad scenario " + origin + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + origin + ": " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScenarioException("bad scenario " + origin + ": " + e.getMessage());
        }
    }

    public static Scenario parse(String json, String origin) {
        return parse(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                origin);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A scenario that cannot be loaded; the message is one line for the user. */
    public static final class ScenarioException extends RuntimeException {
        public ScenarioException(String message) {
            super(message);
        }
    }
}
