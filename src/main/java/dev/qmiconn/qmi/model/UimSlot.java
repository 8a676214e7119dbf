package dev.qmiconn.qmi.model;

import java.util.List;

/**
 * One {@code Slot [N]:} block ({@code Card [N-1]:} before libqmi 1.22); {@code slot} counts from 1 whatever the
 * version printed. {@code cardState} is {@code present}, {@code absent} or {@code error: ...}.
 */
public record UimSlot(int slot, String cardState, PinState upinState, int upinRetries, int upukRetries,
                      List<UimApplication> applications) {

    public UimSlot {
        applications = List.copyOf(applications);
    }

    public boolean cardPresent() {
        return "present".equals(cardState);
    }
}
