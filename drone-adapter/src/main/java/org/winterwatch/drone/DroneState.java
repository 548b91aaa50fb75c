package org.winterwatch.drone;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one drone. Position, altitude and battery are NaN until first reported;
 * {@code flightMode} is MAVSDK's mode name ({@code MISSION}, {@code RETURN_TO_LAUNCH}, ...) or
 * {@code UNKNOWN}.
 *
 * @param missionCurrent index of the item being flown (0-based); equals {@code missionTotal} when finished
 *                       (on the MissionRaw path: raw MAVLink sequence numbers)
 * @param gpsFix the vehicle has a 3D GPS fix / a global position estimate
 * @param homeSet the vehicle has a home position
 * @param healthAllOk the vehicle's own pre-flight checks pass (MAVSDK's health-all-ok)
 * @param headingDeg 0..360, NaN until known
 * @param groundSpeedMps NaN until known
 * @param statusText the vehicle's latest status text (failsafes, refusals), empty when none
 * @param autopilot PX4 or ARDUPILOT once the link has asked the vehicle, UNKNOWN before
 */
public record DroneState(String droneId, boolean connected, double lat, double lon, double relAltitudeM,
                         double batteryPercent, boolean armed, boolean inAir, String flightMode,
                         int missionCurrent, int missionTotal, Instant updatedAt, boolean gpsFix, boolean homeSet,
                         boolean healthAllOk, double headingDeg, double groundSpeedMps, String statusText,
                         Autopilot autopilot) {

    public static final String UNKNOWN_MODE = "UNKNOWN";

    /** A state without health, motion, status text and autopilot details (healthy, as before they existed). */
    public DroneState(String droneId, boolean connected, double lat, double lon, double relAltitudeM,
                      double batteryPercent, boolean armed, boolean inAir, String flightMode,
                      int missionCurrent, int missionTotal, Instant updatedAt) {
        this(droneId, connected, lat, lon, relAltitudeM, batteryPercent, armed, inAir, flightMode, missionCurrent,
                missionTotal, updatedAt, !Double.isNaN(lat), !Double.isNaN(lat), true, Double.NaN, Double.NaN, "",
                Autopilot.UNKNOWN);
    }

    public DroneState {
        if (droneId == null || droneId.isBlank()) {
            throw new IllegalArgumentException("droneId must not be blank");
        }
        if (!Double.isNaN(lat) && (lat < -90 || lat > 90)) {
            throw new IllegalArgumentException("lat must be within -90..90 or NaN, was " + lat);
        }
        if (!Double.isNaN(lon) && (lon < -180 || lon > 180)) {
            throw new IllegalArgumentException("lon must be within -180..180 or NaN, was " + lon);
        }
        if (!Double.isNaN(batteryPercent) && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("batteryPercent must be within 0..100 or NaN, was " + batteryPercent);
        }
        if (flightMode == null || flightMode.isBlank()) {
            flightMode = UNKNOWN_MODE;
        }
        if (missionTotal < 0 || missionCurrent < -1) {
            throw new IllegalArgumentException("mission progress " + missionCurrent + "/" + missionTotal + " is impossible");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
        statusText = statusText == null ? "" : statusText;
        autopilot = autopilot == null ? Autopilot.UNKNOWN : autopilot;
    }

    /** A drone nothing is known about yet. */
    public static DroneState unknown(String droneId, Instant at) {
        return new DroneState(droneId, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false,
                UNKNOWN_MODE, 0, 0, at, false, false, false, Double.NaN, Double.NaN, "", Autopilot.UNKNOWN);
    }

    public boolean positionKnown() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    /** True once the last item is reached (MAVSDK reports current == total). */
    public boolean missionFinished() {
        return missionTotal > 0 && missionCurrent >= missionTotal;
    }
}
