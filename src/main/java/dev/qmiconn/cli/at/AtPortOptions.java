package dev.qmiconn.cli.at;

import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.at.AtModem;
import dev.qmiconn.at.PortFinder;
import dev.qmiconn.at.SerialPort;
import dev.qmiconn.config.Validation;
import dev.qmiconn.process.CommandRunner;

import picocli.CommandLine.Option;

/** The options every {@code at} command shares: which port, where devices live, how long a reply may take. */
public final class AtPortOptions {

    @Option(names = "--port", paramLabel = "DEV|auto", defaultValue = "/dev/ttyUSB0",
            description = "The modem's AT port, or 'auto' for the first ttyUSB port that answers AT "
                    + "(default: ${DEFAULT-VALUE}).")
    String port;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/", hidden = true,
            description = "Look for devices under DIR instead of / (tests, chroots).")
    Path root;

    @Option(names = "--reply-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long one AT command may take to answer (default: ${DEFAULT-VALUE}).")
    double replyTimeout;

    public AtModem open(CommandRunner runner) {
        Duration timeout = Duration.ofMillis(Math.max(100, (long) (replyTimeout * 1000)));
        if ("auto".equals(port)) {
            return new AtModem(PortFinder.find(runner, root), timeout);
        }
        Validation.device(port);
        return new AtModem(SerialPort.open(runner, root.resolve(port.substring(1))), timeout);
    }
}
