package org.winterwatch.simulator.world;

/** Which autopilot the simulated drones behave like behind their MAVSDK endpoint. */
public enum Autopilot {
    /** PX4: takes MAVSDK's Mission plugin. */
    PX4,
    /** ArduPilot (ArduCopter): refuses MAVSDK's Mission plugin; missions go through MissionRaw. */
    ARDUPILOT;

    public static Autopilot parse(String text) {
        if (text == null || text.isBlank()) {
            return PX4;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "px4" -> PX4;
            case "ardupilot", "arducopter" -> ARDUPILOT;
            default -> throw new IllegalArgumentException("autopilot must be px4 or ardupilot, was '" + text + "'");
        };
    }
}
