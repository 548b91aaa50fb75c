package org.winterwatch.simulator.flight;

/** How the simulated autopilot answered a command; the gRPC services map it to MAVSDK result codes. */
public enum CommandResult {
    SUCCESS,
    DENIED,
    DENIED_NOT_LANDED,
    NO_MISSION,
    BUSY,
    INVALID_ARGUMENT,
    TOO_MANY_ITEMS,
    /** The mission breaks the geofence (PX4's feasibility check). */
    FENCE_VIOLATION,
    /** The vehicle did not answer: the MAVLink link is down. */
    TIMEOUT;

    public boolean ok() {
        return this == SUCCESS;
    }
}
