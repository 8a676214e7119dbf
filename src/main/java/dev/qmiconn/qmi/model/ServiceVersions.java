package dev.qmiconn.qmi.model;

import java.util.List;
import java.util.Optional;

/** {@code --get-service-version-info}: the QMI services the modem supports. The E397u-53 has no {@code wda}. */
public record ServiceVersions(List<ServiceVersion> services) {

    public ServiceVersions {
        services = List.copyOf(services);
    }

    public Optional<ServiceVersion> find(String service) {
        return services.stream().filter(s -> s.service().equals(service)).findFirst();
    }

    public boolean supports(String service) {
        return find(service).isPresent();
    }
}
