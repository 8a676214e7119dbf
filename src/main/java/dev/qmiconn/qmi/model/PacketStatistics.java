package dev.qmiconn.qmi.model;

/**
 * {@code --wds-get-packet-statistics}. A counter the modem did not report (or reported as 0xFFFFFFFF, which
 * qmicli 1.32 hides) is null. The {@code (last)} byte counters are those of the last call.
 */
public record PacketStatistics(Long txPacketsOk, Long rxPacketsOk, Long txPacketsError, Long rxPacketsError,
                               Long txOverflows, Long rxOverflows, Long txPacketsDropped, Long rxPacketsDropped,
                               Long txBytesOk, Long rxBytesOk, Long txBytesOkLast, Long rxBytesOkLast) {
}
