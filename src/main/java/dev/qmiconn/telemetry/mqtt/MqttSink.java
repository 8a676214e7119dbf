package dev.qmiconn.telemetry.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import dev.qmiconn.telemetry.DropOldestQueue;
import dev.qmiconn.telemetry.MqttSettings;
import dev.qmiconn.telemetry.TelemetrySink;
import dev.qmiconn.telemetry.TelemetrySnapshot;

/**
 * Status to an MQTT broker (Eclipse Paho): the JSON snapshot retained on {@code .../state}, "online" retained on
 * {@code .../availability} with "offline" as the last will, QoS 1, optional Home Assistant discovery. One thread
 * of its own does all the talking: {@link #publish} only queues (8 snapshots, oldest dropped), so a broker that
 * is down or slow costs the service nothing. Reconnects with backoff (1 s doubling to 60 s); each (re)connect
 * publishes "online", the discovery configs and the latest state again (a broker without persistence forgot
 * them). Logs one line per change (connected, unreachable, lost), never one per attempt. A state change is
 * published at once; snapshots in an unchanged state at most every {@link #PERIODIC} (the newest one).
 */
public final class MqttSink implements TelemetrySink {

    static final int QOS = 1;
    static final int QUEUE = 8;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_BOUND = Duration.ofSeconds(5);
    /**
     * Snapshots that change no state go out at most this often: the broker is often reached over the metered LTE
     * link itself (a ~0.9 kB publish every 5 min is ~8 MB a month; every 5 s poll would be ~450 MB).
     */
    static final Duration PERIODIC = Duration.ofMinutes(5);
    /** MQTT keep-alive: each PINGREQ/PINGRESP exchange costs ~0.2 kB with TCP/IP; the last will waits 1.5x this. */
    static final int KEEPALIVE_SECONDS = 120;

    private final MqttSettings settings;
    private final Topics topics;
    private final Consumer<String> events;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Duration closeBound;
    private final long periodicMillis;
    private final DropOldestQueue<TelemetrySnapshot> queue = new DropOldestQueue<>(QUEUE);
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final Thread worker;
    private volatile boolean closing;
    private volatile boolean lost;
    private String status = "";
    private TelemetrySnapshot lastSent;
    private long lastSentAt;
    /** The newest snapshot in the same state as {@link #lastSent}, held until {@link #PERIODIC} is due. */
    private TelemetrySnapshot pending;

    MqttSink(MqttSettings settings, String host, String device, Consumer<String> events, Duration minBackoff,
             Duration maxBackoff, Duration closeBound, Duration periodic) {
        this.settings = settings;
        this.topics = new Topics(settings.topicPrefix(), host, device);
        this.events = events;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.closeBound = closeBound;
        this.periodicMillis = periodic.toMillis();
        try {
            // in memory: Paho's default persistence writes files into the working directory
            this.client = new MqttClient(settings.url(), topics.nodeId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("MQTT client for " + settings.url() + ": " + e.getMessage(), e);
        }
        client.setTimeToWait(CONNECT_TIMEOUT.toMillis());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost = true;
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        this.options = connectOptions(settings, topics);
        this.worker = new Thread(this::run, "qmi-conn-mqtt");
        worker.setDaemon(true);
    }

    /** The device label comes from the snapshots; the client id and topics need it first, so it is given here. */
    public static MqttSink open(MqttSettings settings, String host, String device, Consumer<String> events) {
        return open(settings, host, device, events, Duration.ofSeconds(1), Duration.ofSeconds(60), CLOSE_BOUND,
                PERIODIC);
    }

    static MqttSink open(MqttSettings settings, String host, String device, Consumer<String> events,
                         Duration minBackoff, Duration maxBackoff) {
        return open(settings, host, device, events, minBackoff, maxBackoff, CLOSE_BOUND, PERIODIC);
    }

    static MqttSink open(MqttSettings settings, String host, String device, Consumer<String> events,
                         Duration minBackoff, Duration maxBackoff, Duration closeBound, Duration periodic) {
        MqttSink sink = new MqttSink(settings, host, device, events, minBackoff, maxBackoff, closeBound, periodic);
        sink.worker.start();
        return sink;
    }

    public Topics topics() {
        return topics;
    }

    private static MqttConnectOptions connectOptions(MqttSettings s, Topics topics) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) CONNECT_TIMEOUT.toSeconds());
        o.setKeepAliveInterval(KEEPALIVE_SECONDS);
        o.setWill(topics.availability(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), QOS, true);
        s.user().ifPresent(o::setUserName);
        s.password().ifPresent(p -> o.setPassword(p.toCharArray()));
        s.tlsCa().ifPresent(ca -> o.setSocketFactory(CaCertificates.socketFactory(ca)));
        return o;
    }

    @Override
    public void publish(TelemetrySnapshot snapshot) {
        if (!closing) {
            queue.offer(snapshot);
        }
    }

    private void run() {
        long backoff = minBackoff.toMillis();
        long nextAttempt = 0;
        try {
            while (!closing) {
                if (!connected()) {
                    long wait = nextAttempt - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(Math.min(wait, 200));
                        continue;
                    }
                    if (connect()) {
                        backoff = minBackoff.toMillis();
                    } else {
                        nextAttempt = System.currentTimeMillis() + backoff;
                        backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                    }
                    continue;
                }
                TelemetrySnapshot s = queue.poll(200);
                if (s != null && (lastSent == null || s.state() != lastSent.state())) {
                    // a state change goes out at once; what was held in the old state is superseded by it
                    pending = null;
                    if (!send(s)) {
                        queue.putBack(s);
                    }
                    continue;
                }
                if (s != null) {
                    pending = s;
                }
                if (pending != null && System.currentTimeMillis() - lastSentAt >= periodicMillis && send(pending)) {
                    pending = null;
                }
            }
            finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean connected() {
        if (lost && status.equals("connected")) {
            change("lost", "mqtt: lost " + settings.url() + "; reconnecting with backoff up to "
                    + maxBackoff.toSeconds() + " s");
        }
        return !lost && client.isConnected();
    }

    private boolean connect() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            lost = false;
            client.connect(options);
            change("connected", "mqtt: connected to " + settings.url() + " as " + topics.nodeId());
            publishRaw(topics.availability(), Topics.ONLINE);
            if (settings.homeAssistantDiscovery()) {
                for (Map.Entry<String, String> c : HaDiscovery.configs(topics).entrySet()) {
                    publishRaw(c.getKey(), c.getValue());
                }
            }
            TelemetrySnapshot latest = pending != null ? pending : lastSent;
            if (queue.isEmpty() && latest != null) {
                publishRaw(topics.state(), StatePayload.render(latest, topics.host()));
                lastSent = latest;
                lastSentAt = System.currentTimeMillis();
                pending = null;
            }
            return true;
        } catch (MqttException e) {
            lost = true;
            if (!status.equals("lost") && !status.equals("unreachable")) {
                change("unreachable", "mqtt: cannot reach " + settings.url() + ": " + reason(e)
                        + "; retrying with backoff up to " + maxBackoff.toSeconds() + " s");
            }
            return false;
        }
    }

    private boolean send(TelemetrySnapshot s) {
        try {
            publishRaw(topics.state(), StatePayload.render(s, topics.host()));
            lastSent = s;
            lastSentAt = System.currentTimeMillis();
            return true;
        } catch (MqttException e) {
            lost = true;
            return false;
        }
    }

    private void publishRaw(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), QOS, true);
    }

    /** On close: the last queued states, then "offline" (retained) and a clean disconnect. */
    private void finish() {
        try {
            if (connected()) {
                TelemetrySnapshot s;
                if (pending != null) {
                    send(pending);
                }
                while ((s = queue.poll(0)) != null && send(s)) {
                    // drained in order; the last one stays retained
                }
                publishRaw(topics.availability(), Topics.OFFLINE);
                client.disconnect(1000);
            }
        } catch (MqttException | InterruptedException e) {
            // the broker will publish the last will instead
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // nothing left to release
            }
        }
    }

    private void change(String next, String line) {
        if (!next.equals(status)) {
            status = next;
            events.accept(line);
        }
    }

    private static String reason(MqttException e) {
        Throwable c = e.getCause();
        return c != null && c.getMessage() != null ? c.getMessage() : e.getMessage();
    }

    @Override
    public void close() {
        closing = true;
        try {
            worker.join(closeBound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            events.accept("mqtt: " + settings.url() + " did not answer within " + closeBound.toMillis()
                    + " ms; left to the last will");
        }
    }
}
