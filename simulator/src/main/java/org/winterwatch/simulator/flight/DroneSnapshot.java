package org.winterwatch.simulator.flight;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable picture of one simulated drone, as its telemetry streams report it.
 *
 * @param linkUp false while the MAVLink link is lost (the endpoint reports disconnected, streams are quiet)
 * @param telemetryStalled true while streams are silent although the endpoint looks connected
 * @param statusSeq increments with every new status text (PX4's STATUSTEXT: failsafes, refusals)
 */
public record DroneSnapshot(String droneId, Instant at, double lat, double lon, double relAltitudeM,
                            double homeLat, double homeLon, double headingDeg, double batteryFraction,
                            boolean armed, boolean inAir, FlightMode mode, int missionCurrent,
                            int missionTotal, boolean missionFinished, double northMps, double eastMps,
                            double downMps, boolean gpsOk, boolean linkUp, boolean telemetryStalled,
                            long statusSeq, String statusText, long bootMillis, int flightCount) {

    public DroneSnapshot {
        Objects.requireNonNull(droneId, "droneId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mode, "mode");
        if (batteryFraction < 0 || batteryFraction > 1) {
            throw new IllegalArgumentException("batteryFraction must be within 0..1, was " + batteryFraction);
        }
        statusText = statusText == null ? "" : statusText;
    }

    /** What PX4's preflight checks say about arming. */
    public boolean armable() {
        return gpsOk && batteryFraction >= SimDrone.MIN_ARM_BATTERY;
    }

    public double groundSpeedMps() {
        return Math.hypot(northMps, eastMps);
    }
}
