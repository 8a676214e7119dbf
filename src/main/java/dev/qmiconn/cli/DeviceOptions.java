package dev.qmiconn.cli;

import dev.qmiconn.config.Validation;
import picocli.CommandLine.Option;

/** {@code --device} and {@code --proxy} of the commands that only look at or stop a session (a picocli mixin). */
public final class DeviceOptions {

    /** Named so that StatusPrefetch assumes exactly this default without reading the annotation. */
    static final String DEFAULT_DEVICE = "/dev/cdc-wdm0";

    @Option(names = "--device", paramLabel = "PATH", defaultValue = DEFAULT_DEVICE,
            description = "QMI control device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--proxy", description = "Talk to the modem through qmi-proxy (qmicli -p).")
    boolean proxy;

    /** The device path, validated (one-line error, BAD_INPUT). */
    String device() {
        return Validation.device(device);
    }
}
