package org.winterwatch.simulator.world;

import java.util.Locale;

/** The failures a scenario can inject into a drone at a given time. */
public enum FailureKind {
    /** The MAVLink link to the vehicle is lost for a while: its endpoint reports disconnected and streams go quiet. */
    LINK_LOSS,
    /** The GPS loses its fix for a while. */
    GPS_LOSS,
    /** The battery suddenly reads {@code percent} (a failing cell). */
    BATTERY_FAULT,
    /** Telemetry streams go silent while the endpoint still looks connected (a known mavsdk_server failure). */
    TELEMETRY_STALL,
    /**
     * The vehicle accepts mission uploads but keeps them without their last waypoint (a mission item lost on the
     * way), so the mission read back is not the one sent.
     */
    MISSION_MISMATCH;

    public static FailureKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("failure kind must be link_loss, gps_loss, battery_fault, telemetry_stall or mission_mismatch, was '"
                    + text + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
