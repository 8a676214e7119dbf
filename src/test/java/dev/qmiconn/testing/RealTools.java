package dev.qmiconn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the real-tool tier: it runs the real qmicli, qmi-network, dnsmasq, udhcpc, ip or
 * ifupdown, as root, inside namespaces it creates. Runs in failsafe (after `package`). Where root or a
 * tool is missing the test is skipped, except with CI=true, where that is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("realtools")
@ExtendWith(RealToolsCondition.class)
public @interface RealTools {
    /** Programs that must be on PATH (or in /usr/sbin, /sbin) for the test to run. */
    String[] value() default {};
}
