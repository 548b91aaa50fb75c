package org.winterwatch.coordinator.patrol;

import java.time.Instant;
import java.util.Map;

/**
 * What the schedule is computed from, per site id: when it was last swept, when its latest alert was first seen,
 * and when its latest case ended with {@code declined_aid}.
 */
public record PatrolFacts(Map<String, Instant> lastSwept, Map<String, Instant> lastAlert, Map<String, Instant> lastDeclined) {

    public static final PatrolFacts NONE = new PatrolFacts(Map.of(), Map.of(), Map.of());

    public PatrolFacts {
        lastSwept = Map.copyOf(lastSwept);
        lastAlert = Map.copyOf(lastAlert);
        lastDeclined = Map.copyOf(lastDeclined);
    }
}
