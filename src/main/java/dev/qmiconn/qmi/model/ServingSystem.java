package dev.qmiconn.qmi.model;

import java.util.List;

/**
 * {@code --nas-get-serving-system}. Optional TLVs are null when absent: {@code roaming} (qmicli prints
 * {@code Roaming status: 'on'|'off'}), the PLMN, the 3GPP cell id, the LAC and the LTE tracking area code.
 */
public record ServingSystem(RegistrationState registration, AttachState cs, AttachState ps,
                            String selectedNetwork, List<RadioInterface> radioInterfaces, Boolean roaming,
                            List<String> dataCapabilities, Plmn plmn, Integer lac, Long cellId, Integer tac) {

    public ServingSystem {
        radioInterfaces = List.copyOf(radioInterfaces);
        dataCapabilities = List.copyOf(dataCapabilities);
    }

    public boolean registered() {
        return registration == RegistrationState.REGISTERED;
    }
}
