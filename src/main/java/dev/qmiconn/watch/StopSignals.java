package dev.qmiconn.watch;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

import dev.qmiconn.log.Logs;

/**
 * SIGTERM and SIGINT as a request to stop, not as the end of the JVM. With the JVM's own handling a SIGTERM starts
 * the shutdown sequence and the process exits 128+15 = 143 whatever a shutdown hook did, so {@code systemctl stop}
 * left the unit "failed" after a clean teardown. Handled here, the signal only asks watch's loop to stop; the loop
 * takes the link down, the command returns and qmi-conn exits 0 like any finished command.
 *
 * <p>The handler is {@code sun.misc.Signal} (module jdk.unsupported, in every JDK 17 and later), reached by
 * reflection so the build has no proprietary-API warning. A JVM without it keeps its own handling: the caller's
 * shutdown hook still tears down, and the exit is 143 (the unit counts that as success, SuccessExitStatus=143).
 */
public final class StopSignals {

    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private StopSignals() {
    }

    /**
     * Runs {@code onStop} (on a JVM signal thread; it must not block) for each SIGTERM or SIGINT. True when SIGTERM
     * is handled; a SIGINT the JVM cannot take (ignored, as for a background job of a shell) keeps its default.
     */
    public static boolean install(Runnable onStop) {
        boolean term = false;
        for (String name : SIGNALS) {
            try {
                Class<?> signal = Class.forName("sun.misc.Signal");
                Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
                Method handle = signal.getMethod("handle", signal, handlerType);
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler(handlerType,
                        onStop));
                term |= name.equals("TERM");
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Logs.of(StopSignals.class).debug("SIG{} keeps the JVM's handling: {}", name,
                        e.toString());
            }
        }
        return term;
    }

    private static Object handler(Class<?> handlerType, Runnable onStop) {
        InvocationHandler call = (Object proxy, Method m, Object[] args) -> switch (m.getName()) {
            case "handle" -> {
                onStop.run();
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "qmi-conn stop on SIGTERM/SIGINT";
        };
        return Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, call);
    }
}
