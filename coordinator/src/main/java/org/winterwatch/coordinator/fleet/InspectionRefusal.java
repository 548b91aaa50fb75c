package org.winterwatch.coordinator.fleet;

import java.util.Objects;

/**
 * Why no drone was sent to look at a point: a reason to act on, and a sentence for the control room, e.g.
 * "the nearest free drone, drone-2, is 6.2 km away, beyond the 3.0 km inspection range".
 */
public record InspectionRefusal(Reason reason, String message) implements InspectionResult {

    /** Why no drone was sent. */
    public enum Reason {
        /** Inspection sorties are switched off. */
        DISABLED,
        /** The coordinator is shutting down. */
        SHUTTING_DOWN,
        /** The point lies inside a no-fly zone. */
        INSIDE_NO_FLY_ZONE,
        /** No drone is configured, or none is connected. */
        NO_DRONE_CONNECTED,
        /** Every connected drone is flying a sweep or another inspection. */
        ALL_DRONES_BUSY,
        /** No free drone is on the ground, disarmed, with a position and a home. */
        NO_DRONE_READY,
        /** No free drone has the minimum battery, or enough for this sortie and its reserve. */
        LOW_BATTERY,
        /** Every free drone stands beyond the inspection range. */
        OUT_OF_RANGE,
        /** No sortie can reach the point (an orbit squeezed between no-fly zones, a drone standing in one). */
        NO_ROUTE
    }

    public InspectionRefusal {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a message");
        }
    }
}
