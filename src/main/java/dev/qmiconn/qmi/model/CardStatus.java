package dev.qmiconn.qmi.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code --uim-get-card-status}. The convenience accessors look at the SIM/USIM application of the first
 * slot holding a card (the primary GW session on a single-slot dongle).
 */
public record CardStatus(List<UimSlot> slots) {

    public CardStatus {
        slots = List.copyOf(slots);
    }

    public boolean cardPresent() {
        return slots.stream().anyMatch(UimSlot::cardPresent);
    }

    /** The 3GPP application (usim, else sim, else the first) of the first present card. */
    public Optional<UimApplication> primaryApplication() {
        for (UimSlot s : slots) {
            if (!s.cardPresent() || s.applications().isEmpty()) {
                continue;
            }
            for (String type : List.of("usim", "sim")) {
                for (UimApplication a : s.applications()) {
                    if (a.type().equals(type)) {
                        return Optional.of(a);
                    }
                }
            }
            return Optional.of(s.applications().get(0));
        }
        return Optional.empty();
    }

    public PinState pin1State() {
        return primaryApplication().map(UimApplication::pin1State).orElse(PinState.UNKNOWN);
    }

    public int pin1Retries() {
        return primaryApplication().map(UimApplication::pin1Retries).orElse(0);
    }

    public int puk1Retries() {
        return primaryApplication().map(UimApplication::puk1Retries).orElse(0);
    }
}
