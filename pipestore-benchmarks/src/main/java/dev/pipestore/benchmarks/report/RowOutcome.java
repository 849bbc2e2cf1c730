package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.driver.RowResult;
import dev.pipestore.benchmarks.profile.Profile;
import java.util.List;

/**
 * A measured row and, when it missed the target, the profiles of both of its sides.
 *
 * @param description what each side of the row does, for the method section
 */
public record RowOutcome(RowResult result, String description, List<Profile> profiles) {

    public RowOutcome {
        profiles = List.copyOf(profiles);
    }
}
