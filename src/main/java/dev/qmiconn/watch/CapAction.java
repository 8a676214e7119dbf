package dev.qmiconn.watch;

import java.util.List;

/**
 * What watch does when the period's data cap is used up: disconnect and stay down until the period resets,
 * or run the user's hook (an argv, never a shell string) and keep the link.
 */
public record CapAction(List<String> hookArgv) {

    public static final CapAction DISCONNECT = new CapAction(List.of());

    public CapAction {
        hookArgv = List.copyOf(hookArgv);
    }

    public boolean disconnects() {
        return hookArgv.isEmpty();
    }
}
