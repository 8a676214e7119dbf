package dev.qmiconn.qmi.model;

/**
 * {@code --dms-get-operating-mode}: the mode, the offline reason (only printed for offline/low-power, may be
 * null) and whether the hardware restricts the mode (e.g. a W_DISABLE switch).
 */
public record OperatingModeStatus(OperatingMode mode, String offlineReason, boolean hardwareRestricted) {
}
