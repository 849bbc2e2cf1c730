package dev.pipestore.health;

import java.util.List;

/** The health of every port, in a fixed order: object store, catalog, cache. */
public record HealthReport(List<PortHealth> ports) {

    public HealthReport {
        ports = List.copyOf(ports);
    }

    /** Whether every backend answered. */
    public boolean allUp() {
        return ports.stream().allMatch(PortHealth::up);
    }
}
