package org.winterwatch.drone;

/** Which MAVSDK plugin carried a mission to the vehicle. */
public enum MissionPath {
    /** MAVSDK's Mission plugin (PX4). */
    MISSION,
    /** MAVSDK's MissionRaw plugin with MAVLink items (ArduPilot). */
    MISSION_RAW
}
