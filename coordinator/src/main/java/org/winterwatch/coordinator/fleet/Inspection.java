package org.winterwatch.coordinator.fleet;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A drone on its way to look at a point for an alert.
 *
 * @param distanceM          straight-line distance from where the drone took off to the point
 * @param routeLengthM       horizontal length of the whole sortie, there (around no-fly zones), the orbit and back
 * @param estimatedDurationS expected flight time, take-off to landing
 * @param done               completes once the sortie is over and the drone is free again: normally when it
 *                           has landed, exceptionally with the reason when the sortie failed
 */
public record Inspection(String alertId, String droneId, double distanceM, double routeLengthM,
                         double estimatedDurationS, CompletableFuture<Void> done) implements InspectionResult {

    public Inspection {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(droneId, "droneId");
        Objects.requireNonNull(done, "done");
    }
}
