package dev.qmiconn.qmi.model;

/** One line of {@code --get-service-version-info}, e.g. {@code wds (1.67)}. */
public record ServiceVersion(String service, int major, int minor) {
}
