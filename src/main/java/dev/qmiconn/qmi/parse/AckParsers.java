package dev.qmiconn.qmi.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.model.Ack;

/** Parsers for actions that only confirm: they check qmicli's confirmation line (1.16 to 1.32). */
public final class AckParsers {

    private static final Pattern DEVICE_LINE = Pattern.compile("^\\[[^\\]]*\\] (.*)$", Pattern.MULTILINE);

    private AckParsers() {
    }

    /**
     * {@code --wds-stop-network=PDH --client-cid=N} (recorded from qmicli 1.32.2 against the emulator):
     * <pre>
     * Network cancelled... releasing resources
     * [/dev/cdc-wdm0] Network stopped
     * </pre>
     */
    public static Ack stopNetwork(String out) {
        return confirmed("--wds-stop-network", out, "Network stopped");
    }

    /** {@code --dms-set-operating-mode=online}: {@code [/dev/cdc-wdm0] Operating mode set successfully}. */
    public static Ack setOperatingMode(String out) {
        return confirmed("--dms-set-operating-mode", out, "Operating mode set successfully");
    }

    /** {@code --uim-verify-pin=PIN1,NNNN}: {@code [/dev/cdc-wdm0] PIN verified successfully}. */
    public static Ack verifyPin(String out) {
        return confirmed("--uim-verify-pin", out, "PIN verified successfully");
    }

    /** {@code --set-expected-data-format=raw-ip}: {@code [/dev/cdc-wdm0] expected data format set to: raw-ip}. */
    public static Ack setExpectedDataFormat(String out) {
        return confirmed("--set-expected-data-format", out, "expected data format set to:");
    }

    /** {@code --wda-set-data-format=raw-ip}: {@code [/dev/cdc-wdm0] Successfully set data format} + the format. */
    public static Ack wdaSetDataFormat(String out) {
        return confirmed("--wda-set-data-format", out, "Successfully set data format");
    }

    /**
     * {@code --wds-noop} / {@code --dms-noop}: nothing when the client id was released, else
     * <pre>
     * [/dev/cdc-wdm0] Client ID not released:
     * 	Service: 'dms'
     * 	    CID: '6'
     * </pre>
     */
    public static Ack noop(String out) {
        String text = out == null ? "" : out.strip();
        if (text.isEmpty()) {
            return new Ack(null, null);
        }
        if (!text.contains("Client ID not released:")) {
            throw QmicliParseException.of("--noop", "neither empty nor 'Client ID not released'", out);
        }
        return new Ack(null, WdsParsers.releasedCid(out).orElse(null));
    }

    private static Ack confirmed(String action, String out, String confirmation) {
        Fields.requireHeader(action, out, confirmation);
        Matcher m = DEVICE_LINE.matcher(out);
        String line = confirmation;
        while (m.find()) {
            if (m.group(1).startsWith(confirmation)) {
                line = m.group(1).strip();
                break;
            }
        }
        return new Ack(line, WdsParsers.releasedCid(out).orElse(null));
    }
}
