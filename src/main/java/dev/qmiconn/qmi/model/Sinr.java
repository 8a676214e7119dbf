package dev.qmiconn.qmi.model;

/** SINR level 0..8 as reported by the modem and its dB value (null when qmicli prints {@code N/A}). */
public record Sinr(int level, Double db) {
}
