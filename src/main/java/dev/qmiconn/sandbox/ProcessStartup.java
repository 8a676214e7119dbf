package dev.qmiconn.sandbox;

import java.io.IOException;
import java.time.Duration;

import dev.qmiconn.process.BackgroundProcess;

/** Waits up to 5 s for a process the sandbox started to become ready, failing early if it exits instead. */
final class ProcessStartup {

    /** Whether the process is ready yet; an IOException (a file half there) means "look again". */
    @FunctionalInterface
    interface ReadyCheck {
        boolean ready() throws IOException;
    }

    private ProcessStartup() {
    }

    /** @param name what the one-line error calls the process, e.g. {@code dnsmasq} */
    static void await(BackgroundProcess process, String name, ReadyCheck check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new SandboxException(name + " exited: " + process.stderr().strip());
            }
            try {
                if (check.ready()) {
                    return;
                }
            } catch (IOException e) {
                // not there yet (or being written): look again
            }
            pause(Duration.ofMillis(10));
        }
        String stderr = process.stderr().strip();
        throw new SandboxException(name + " did not start in 5 s" + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while building the sandbox", e);
        }
    }
}
