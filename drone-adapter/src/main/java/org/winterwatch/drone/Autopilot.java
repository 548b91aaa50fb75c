package org.winterwatch.drone;

import java.util.Locale;

/**
 * The autopilot family behind a MAVSDK endpoint, which decides how missions are uploaded: PX4 takes
 * MAVSDK's Mission plugin, ArduPilot needs MissionRaw.
 */
public enum Autopilot {
    PX4,
    ARDUPILOT,
    /** Not known yet (before the link has asked Info). */
    UNKNOWN;

    /**
     * Decides from what MAVSDK's Info reports: a vendor or product name naming ArduPilot (or one of its
     * vehicles) means ArduPilot; otherwise a flight software major version of 3 or more does (ArduPilot is
     * at 4.x, PX4 at 1.x); anything else is taken for PX4.
     */
    static Autopilot fromInfo(String vendorName, String productName, int flightSwMajor) {
        String names = ((vendorName == null ? "" : vendorName) + " " + (productName == null ? "" : productName))
                .toLowerCase(Locale.ROOT);
        if (names.contains("ardupilot") || names.contains("arducopter") || names.contains("arduplane")) {
            return ARDUPILOT;
        }
        if (names.contains("px4")) {
            return PX4;
        }
        return flightSwMajor >= 3 ? ARDUPILOT : PX4;
    }
}
