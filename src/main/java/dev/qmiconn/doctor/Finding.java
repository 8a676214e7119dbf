package dev.qmiconn.doctor;

import java.util.Objects;

/**
 * What one check found: a stable id (e.g. {@code usb-modem}), the result, one line saying why, and the exact
 * thing to type to fix it (empty when there is nothing to fix).
 */
public record Finding(String id, Result result, String why, String fix) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(why, "why");
        fix = fix == null ? "" : fix;
    }

    public static Finding ok(String id, String why) {
        return new Finding(id, Result.OK, why, "");
    }

    public static Finding warn(String id, String why, String fix) {
        return new Finding(id, Result.WARN, why, fix);
    }

    public static Finding fail(String id, String why, String fix) {
        return new Finding(id, Result.FAIL, why, fix);
    }
}
