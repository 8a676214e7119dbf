package dev.qmiconn.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logback starts only when a line is written. Each case runs in a class loader of its own over the test class path
 * (this JVM's SLF4J and Logback have long started), which says which classes a run loaded, as a fresh qmi-conn
 * would: nothing of SLF4J's binding nor Logback for a plain run's debug lines; a warning starts it and reaches
 * stderr through LogConfigurator's appender and pattern, as before.
 */
class LogsTest {

    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";
    private static final String BINDING = "org.slf4j.LoggerFactory";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stderr;
    private Fresh jvm;

    /** The program's classes and its libraries, loaded anew (the parent has only the JDK). */
    private static final class Fresh extends URLClassLoader {
        Fresh() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        Object logger(Class<?> owner) throws ReflectiveOperationException {
            return loadClass(Logs.class.getName()).getMethod("of", Class.class).invoke(null, owner);
        }

        /** {@code logger.method(format, args...)} through SLF4J's interface, with the overload the compiler picks. */
        Object call(Object logger, String method, Object... args) throws ReflectiveOperationException {
            Class<?>[] types = switch (args.length) {
                case 0 -> new Class<?>[0];
                case 1 -> new Class<?>[] {String.class};
                case 2 -> new Class<?>[] {String.class, args[1] instanceof Throwable ? Throwable.class : Object.class};
                case 3 -> new Class<?>[] {String.class, Object.class, Object.class};
                default -> new Class<?>[] {String.class, Object[].class};
            };
            Object[] values = args.length > 3 ? new Object[] {args[0], java.util.Arrays.copyOfRange(args, 1,
                    args.length)} : args;
            Method m = loadClass("org.slf4j.Logger").getMethod(method, types);
            try {
                return m.invoke(logger, values);
            } catch (InvocationTargetException e) {
                throw new AssertionError(e.getCause());
            }
        }

        /** Logback's own logger of that name, as {@code LoggerFactory.getLogger} gave it before. */
        Object logback(Class<?> owner) throws ReflectiveOperationException {
            return loadClass("org.slf4j.LoggerFactory").getMethod("getLogger", Class.class).invoke(null, owner);
        }

        void verbose(boolean on) throws ReflectiveOperationException {
            loadClass("dev.qmiconn.cli.Logging").getMethod("setVerbose", boolean.class).invoke(null, on);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }

    @BeforeEach
    void freshLoaderAndStderr() throws MalformedURLException {
        jvm = new Fresh();
        stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        jvm.close();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_not_start_logback_for_debug_and_info_lines_of_a_plain_run() throws Exception {
        Object log = jvm.logger(LogsTest.class);
        jvm.call(log, "debug", "argv {}", "qmicli");
        jvm.call(log, "info", "a note");
        assertEquals(false, jvm.call(log, "isDebugEnabled"));
        assertEquals(false, jvm.call(log, "isInfoEnabled"));
        jvm.verbose(false); // picocli may set -v's default: still nothing to start
        assertFalse(jvm.loaded(LOGBACK), "Logback started for nothing");
        assertFalse(jvm.loaded(BINDING), "SLF4J looked for its provider for nothing");
        assertEquals("", err());
    }

    /** Each call through the lazy logger, then through Logback's logger directly: the same stderr. */
    @Test
    void should_start_logback_and_write_warnings_and_errors_to_stderr_as_logback_itself_does() throws Exception {
        List<Object[]> calls = List.of(
                new Object[] {"warn", "plugged modem: the network drops the session"},
                new Object[] {"warn", "accept on {} failed: {}", "/run/x.sock", "Connection reset"},
                new Object[] {"warn", "cannot {}: {}", "restore", new IllegalStateException("busy")},
                new Object[] {"error", "request failed", new IllegalStateException("boom")},
                new Object[] {"warn", "bad {} ({}): dropping with {} s of no service", "drop", "x", 5},
                new Object[] {"debug", "not shown"},
                new Object[] {"info", "not shown either"});
        Object lazy = jvm.logger(LogsTest.class);
        for (Object[] c : calls) {
            jvm.call(lazy, (String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
        }
        assertTrue(jvm.loaded(LOGBACK), "a warning starts Logback");
        String viaLogs = err();
        err.reset();
        Object direct = jvm.logback(LogsTest.class);
        for (Object[] c : calls) {
            jvm.call(direct, (String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
        }
        String time = "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
        assertTrue(viaLogs.startsWith(" WARN  LogsTest: plugged modem: the network drops the session\n", 12), viaLogs);
        assertTrue(viaLogs.contains("\tat "), "stack traces are there: " + viaLogs);
        assertFalse(viaLogs.contains("not shown"), viaLogs);
        assertEquals(err().replaceAll(time, "T "), viaLogs.replaceAll(time, "T "));
    }

    @Test
    void should_write_debug_lines_after_verbose() throws Exception {
        Object log = jvm.logger(LogsTest.class);
        jvm.verbose(true);
        assertTrue(jvm.loaded(LOGBACK), "-v starts Logback at once, as before");
        assertEquals(true, jvm.call(log, "isDebugEnabled"));
        jvm.call(log, "debug", "argv {}", "qmicli");
        assertTrue(err().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG LogsTest: argv qmicli\n"), err());
        jvm.verbose(false);
        jvm.call(log, "debug", "after");
        assertFalse(err().contains("after"), "back to WARN: " + err());
    }

    /** One way to a logger: a class that asked LoggerFactory itself would start Logback on every run again. */
    @Test
    void should_be_the_only_place_that_asks_slf4j_for_a_logger() throws Exception {
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        try (var files = java.nio.file.Files.walk(main)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(java.nio.file.Path.of("dev/qmiconn/log/Logs.java")))
                    .filter(f -> {
                        try {
                            return java.nio.file.Files.readString(f).contains("LoggerFactory");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(main::relativize).map(Object::toString).sorted().toList();
            assertEquals(List.of(), offenders, "take loggers from dev.qmiconn.log.Logs.of");
        }
    }
}
