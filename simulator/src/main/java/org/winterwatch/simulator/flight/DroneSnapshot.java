package org.winterwatch.simulator.flight;

import java.time.Instant;
import java.util.Objects;

/** An immutable picture of one simulated drone, as its telemetry streams report it. */
public record DroneSnapshot(String droneId, Instant at, double lat, double lon, double relAltitudeM,
                            double homeLat, double homeLon, double headingDeg, double batteryFraction,
                            boolean armed, boolean inAir, FlightMode mode, int missionCurrent,
                            int missionTotal, boolean missionFinished) {

    public DroneSnapshot {
        Objects.requireNonNull(droneId, "droneId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mode, "mode");
        if (batteryFraction < 0 || batteryFraction > 1) {
            throw new IllegalArgumentException("batteryFraction must be within 0..1, was " + batteryFraction);
        }
    }
}
