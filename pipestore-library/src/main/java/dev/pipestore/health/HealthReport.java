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

    /**
     * Whether the store can serve: the object store and the catalog answer. A cache that is down only slows reads
     * (invariant 6), and every instance shares it, so taking instances out of service for it would turn a slowdown
     * into an outage.
     */
    public boolean canServe() {
        return ports.stream().filter(port -> !port.port().equals("cache")).allMatch(PortHealth::up);
    }
}
