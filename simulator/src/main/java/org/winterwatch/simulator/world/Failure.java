package org.winterwatch.simulator.world;

/**
 * A failure injected into one drone at a simulated time after the start.
 *
 * @param droneId the drone it happens to ({@code drone-2})
 * @param durationS how long it lasts (link, GPS, stall); ignored for a battery fault
 * @param percent the battery reading after a battery fault; ignored otherwise
 */
public record Failure(double atS, String droneId, FailureKind kind, double durationS, double percent) {

    public Failure {
        if (!Double.isFinite(atS) || atS < 0) {
            throw new IllegalArgumentException("failure atS must be >= 0, was " + atS);
        }
        if (droneId == null || droneId.isBlank()) {
            throw new IllegalArgumentException("failure drone must be named (e.g. drone-2)");
        }
        if (kind == null) {
            throw new IllegalArgumentException("failure kind is required");
        }
        if (kind == FailureKind.BATTERY_FAULT) {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("battery_fault percent must be within 0..100, was " + percent);
            }
        } else if (!(durationS > 0)) {
            throw new IllegalArgumentException(kind.wireName() + " durationS must be > 0, was " + durationS);
        }
    }
}
