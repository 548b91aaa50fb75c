package org.winterwatch.simulator.flight;

/** A camera instruction carried by a mission item. */
public enum CameraCommand {
    NONE,
    START,
    STOP
}
