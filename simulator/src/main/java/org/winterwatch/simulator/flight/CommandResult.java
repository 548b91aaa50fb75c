package org.winterwatch.simulator.flight;

/** How the simulated autopilot answered a command; the gRPC services map it to MAVSDK result codes. */
public enum CommandResult {
    SUCCESS,
    DENIED,
    DENIED_NOT_LANDED,
    NO_MISSION,
    BUSY,
    INVALID_ARGUMENT,
    TOO_MANY_ITEMS;

    public boolean ok() {
        return this == SUCCESS;
    }
}
