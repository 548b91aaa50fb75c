package org.winterwatch.simulator.flight;

/** What the simulated autopilot is doing; mirrors the MAVSDK telemetry flight modes we model. */
public enum FlightMode {
    /** On the ground, disarmed or armed and waiting. */
    READY,
    TAKEOFF,
    MISSION,
    HOLD,
    RETURN_TO_LAUNCH,
    LAND
}
