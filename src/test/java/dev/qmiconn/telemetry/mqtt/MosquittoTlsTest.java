package dev.qmiconn.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.telemetry.LoopbackServer;
import dev.qmiconn.telemetry.MqttSettings;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySettings;
import dev.qmiconn.testing.RealTools;

/**
 * MQTT_TLS_CA, MQTT_USER and MQTT_PASS against a real mosquitto with a TLS listener (certificates made by the real
 * openssl for 127.0.0.1) and a password file made by mosquitto_passwd, anonymous access off.
 */
@RealTools({"mosquitto", "mosquitto_sub", "mosquitto_passwd", "openssl"})
class MosquittoTlsTest {

    private static final String PASSWORD = "s3cr3t-Pw";

    @TempDir
    Path dir;

    @Test
    void should_publish_over_tls_with_the_users_password_and_report_a_wrong_one_once() throws Exception {
        makeCertificates();
        run("mosquitto_passwd", "-b", "-c", dir.resolve("passwd").toString(), "pi-7", PASSWORD);
        String tls = "cafile " + dir.resolve("ca.pem") + "\ncertfile " + dir.resolve("server.pem") + "\nkeyfile "
                + dir.resolve("server.key") + "\nallow_anonymous false\npassword_file " + dir.resolve("passwd") + "\n";
        try (Mosquitto broker = new Mosquitto(dir, LoopbackServer.freePort(), tls)) {
            broker.start();
            String url = "mqtts://127.0.0.1:" + broker.port();
            List<String> good = new CopyOnWriteArrayList<>();
            List<String> bad = new CopyOnWriteArrayList<>();
            try (MqttSink ok = open(url, PASSWORD, good); MqttSink wrong = open(url, "not-it", bad)) {
                ok.publish(Snapshots.connected());
                wrong.publish(Snapshots.linkDown());
                String[] sub = {"--cafile", dir.resolve("ca.pem").toString(), "-u", "pi-7", "-P", PASSWORD};
                String topic = "qmi-conn/pi-7/cdc-wdm0/state";
                String state = "";
                long end = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < end && state.isEmpty()) {
                    state = broker.retained(topic, 2, sub);
                }
                assertTrue(state.contains("\"state\":\"connected\""), state);
                Thread.sleep(1500);
                assertEquals(List.of("mqtt: connected to ssl://127.0.0.1:" + broker.port()
                        + " as qmi-conn_pi-7_cdc-wdm0"), good);
                assertEquals(1, bad.size(), "one line for any number of refused attempts: " + bad);
                assertTrue(bad.get(0).startsWith("mqtt: cannot reach ssl://127.0.0.1:" + broker.port() + ": "),
                        bad.get(0));
                assertTrue(bad.get(0).toLowerCase(java.util.Locale.ROOT).contains("not authori"), bad.get(0));
            }
        }
    }

    private MqttSink open(String url, String password, List<String> events) {
        MqttSettings s = TelemetrySettings.from(Map.of("MQTT_URL", url, "MQTT_USER", "pi-7", "MQTT_PASS", password,
                "MQTT_TLS_CA", dir.resolve("ca.pem").toString())).mqtt().orElseThrow();
        // two sinks, one client id each: the same id would make the broker drop the other connection
        return MqttSink.open(s, "pi-7", password.equals(PASSWORD) ? "cdc-wdm0" : "cdc-wdm1", events::add,
                Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private void makeCertificates() throws Exception {
        String d = dir.toString();
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", d + "/ca.key", "-out", d + "/ca.pem", "-days", "2", "-subj", "/CN=qmi-conn test CA");
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                d + "/server.key", "-out", d + "/server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run("openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/server.pem", "-days", "2", "-extfile", d + "/san.cnf");
    }

    private static void run(String... argv) {
        CommandResult r = Mosquitto.RUN.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(30)));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.stdout() + r.stderr());
    }
}
