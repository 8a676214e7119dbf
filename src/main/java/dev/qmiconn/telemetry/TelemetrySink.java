package dev.qmiconn.telemetry;

/**
 * Where the service's snapshots go. {@link #publish} returns at once whatever the far end is doing (each sink
 * hands the snapshot to its own thread through a small drop-oldest queue, or just swaps a reference), so a dead
 * broker or a slow disk never holds up the link logic. {@link #close} takes bounded time.
 */
public interface TelemetrySink extends AutoCloseable {

    void publish(TelemetrySnapshot snapshot);

    @Override
    void close();

    /** Telemetry off: nothing is started and nothing is loaded. */
    TelemetrySink NONE = new TelemetrySink() {
        @Override
        public void publish(TelemetrySnapshot snapshot) {
        }

        @Override
        public void close() {
        }
    };
}
