package dev.qmiconn.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One misbehaviour on the scenario's timeline. Times are seconds since the emulator started, except
 * {@code afterSessionSeconds} (since the session came up) and {@code recoverAfterSeconds} (since the drop).
 * A {@code roaming} fault turns the registration roaming (NAS roaming indicator on) within its window.
 *
 * @param type                what happens
 * @param fromSeconds         window start (default 0)
 * @param untilSeconds        window end (default: forever)
 * @param times               how many times it fires at most (default: unlimited)
 * @param callEndReason       call-failed: QmiWdsCallEndReason (e.g. 3 generic-no-service)
 * @param verboseType         call-failed: QmiWdsVerboseCallEndReasonType (3 cm, 6 3gpp, ...)
 * @param verboseReason       call-failed: reason within that type (e.g. 2001 no-service)
 * @param afterSessionSeconds session-drop: seconds a session lives
 * @param recoverAfterSeconds session-drop: seconds after the drop during which the modem has no service
 * @param returnAtSeconds     device-vanish: when the device comes back (default: never)
 * @param request             no-answer, slow-reply: which request, {@code service/message} in hex or by name
 *                            (e.g. {@code wds/0x0020} or {@code wds/start-network})
 * @param delaySeconds        slow-reply: the request takes effect at once, its answer leaves this much later
 *                            (a slow network attach: the window in which a killed qmicli leaves a session up
 *                            and its client id held)
 */
public record Fault(Type type, Double fromSeconds, Double untilSeconds, Integer times, Integer callEndReason,
                    Integer verboseType, Integer verboseReason, Double afterSessionSeconds,
                    Double recoverAfterSeconds, Double returnAtSeconds, String request, Double delaySeconds) {

    public enum Type {
        @JsonProperty("call-failed") CALL_FAILED,
        @JsonProperty("no-effect") NO_EFFECT,
        @JsonProperty("session-drop") SESSION_DROP,
        @JsonProperty("device-vanish") DEVICE_VANISH,
        @JsonProperty("no-answer") NO_ANSWER,
        @JsonProperty("roaming") ROAMING,
        @JsonProperty("slow-reply") SLOW_REPLY
    }

    public Fault {
        if (type == null) {
            throw new IllegalArgumentException("fault needs a type (call-failed, no-effect, session-drop, "
                    + "device-vanish, no-answer, roaming, slow-reply)");
        }
        fromSeconds = fromSeconds == null ? 0.0 : fromSeconds;
        if (type == Type.CALL_FAILED) {
            callEndReason = callEndReason == null ? 3 : callEndReason;
            verboseType = verboseType == null ? 3 : verboseType;
            verboseReason = verboseReason == null ? 2001 : verboseReason;
        }
        if (type == Type.SESSION_DROP && afterSessionSeconds == null) {
            throw new IllegalArgumentException("session-drop fault needs afterSessionSeconds");
        }
        if (type == Type.NO_ANSWER && request == null) {
            throw new IllegalArgumentException("no-answer fault needs request (e.g. wds/start-network)");
        }
        if (type == Type.SLOW_REPLY && (request == null || delaySeconds == null || delaySeconds < 0
                || delaySeconds > 60)) {
            throw new IllegalArgumentException("slow-reply fault needs request (e.g. wds/start-network) and "
                    + "delaySeconds from 0 to 60");
        }
        if (request != null) {
            RequestKey.parse(request);
        }
        recoverAfterSeconds = recoverAfterSeconds == null ? 0.0 : recoverAfterSeconds;
    }

    /** Whether the window covers {@code seconds} since start. */
    boolean activeAt(double seconds) {
        return seconds >= fromSeconds && (untilSeconds == null || seconds < untilSeconds);
    }
}
