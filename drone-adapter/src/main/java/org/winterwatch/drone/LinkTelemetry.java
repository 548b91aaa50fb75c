package org.winterwatch.drone;

import io.mavsdk.telemetry.Telemetry;
import java.time.Clock;

/** The latest value of each telemetry stream of one {@link MavsdkDroneLink} (mutable, guarded by the link's lock). */
final class LinkTelemetry {
    boolean connected;
    double lat = Double.NaN;
    double lon = Double.NaN;
    double relAltitudeM = Double.NaN;
    boolean homeKnown;
    double homeLat = Double.NaN;
    double homeLon = Double.NaN;
    Boolean gpsFix;
    Boolean globalPositionOk;
    Boolean homePositionOk;
    double headingDeg = Double.NaN;
    double groundSpeedMps = Double.NaN;
    String statusText = "";
    double batteryPercent = Double.NaN;
    /** Null until the vehicle reported it on this connection. */
    Boolean armed;
    /** Null until the vehicle reported it on this connection. */
    Boolean inAir;
    String flightMode = DroneState.UNKNOWN_MODE;
    Boolean healthAllOk;
    int missionCurrent;
    int missionTotal;

    void position(Telemetry.Position p) {
        if (finite(p.getLatitudeDeg()) && finite(p.getLongitudeDeg())
                && Math.abs(p.getLatitudeDeg()) <= 90 && Math.abs(p.getLongitudeDeg()) <= 180) {
            lat = p.getLatitudeDeg();
            lon = p.getLongitudeDeg();
        }
        Float rel = p.getRelativeAltitudeM();
        relAltitudeM = rel == null ? Double.NaN : rel;
    }

    void home(Telemetry.Position h) {
        homeKnown = finite(h.getLatitudeDeg()) && finite(h.getLongitudeDeg());
        if (homeKnown) {
            homeLat = h.getLatitudeDeg();
            homeLon = h.getLongitudeDeg();
        }
    }

    boolean positionKnown() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    boolean hasGpsFix() {
        return Boolean.TRUE.equals(gpsFix) && !Boolean.FALSE.equals(globalPositionOk);
    }

    /** Why the drone must not be armed now (the link is down, or the vehicle is unfit), or null when it may. */
    DroneLinkException unfitToArm(double minBatteryPercent) {
        if (!connected) {
            return unfit(DroneLinkException.Reason.CONNECTION, "not connected");
        }
        if (!hasGpsFix()) {
            return unfit(DroneLinkException.Reason.UNHEALTHY, gpsFix == null ? "no GPS fix reported yet" : "no GPS fix");
        }
        if (!homeKnown || Boolean.FALSE.equals(homePositionOk)) {
            return unfit(DroneLinkException.Reason.UNHEALTHY, "home position not set");
        }
        if (Double.isNaN(batteryPercent)) {
            return unfit(DroneLinkException.Reason.UNHEALTHY, "battery level not reported yet");
        }
        if (batteryPercent < minBatteryPercent) {
            return unfit(DroneLinkException.Reason.UNHEALTHY, String.format(java.util.Locale.ROOT,
                    "battery %.0f%% is below the %.0f%% needed to arm", batteryPercent, minBatteryPercent));
        }
        if (Boolean.FALSE.equals(healthAllOk)) {
            return unfit(DroneLinkException.Reason.UNHEALTHY, "the drone reports it is not ready to fly (pre-flight checks)");
        }
        return null;
    }

    private static DroneLinkException unfit(DroneLinkException.Reason reason, String why) {
        return new DroneLinkException(reason, "arm: " + why);
    }

    /** After a lost connection, whether it flies is unknown until the vehicle says so again. */
    void forgetGroundState() {
        armed = null;
        inAir = null;
    }

    /**
     * The state as the coordinator reads it. Connected only once the vehicle said whether it is armed and in
     * the air: a link just (re)opened would otherwise show a drone in flight as landed and disarmed, which after a
     * coordinator restart reads as a sortie ended and starts the next one over the one in flight.
     */
    DroneState toState(String droneId, Clock clock, Autopilot autopilot) {
        boolean flightKnown = armed != null && inAir != null;
        return new DroneState(droneId, connected && flightKnown, lat, lon, relAltitudeM, batteryPercent,
                Boolean.TRUE.equals(armed), Boolean.TRUE.equals(inAir), flightMode,
                Math.max(-1, missionCurrent), Math.max(0, missionTotal), clock.instant(), hasGpsFix(),
                homeKnown && !Boolean.FALSE.equals(homePositionOk), Boolean.TRUE.equals(healthAllOk), headingDeg,
                groundSpeedMps, statusText, autopilot);
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
