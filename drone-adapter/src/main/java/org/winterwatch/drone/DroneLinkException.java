package org.winterwatch.drone;

import java.util.Objects;

/** A drone command or connection that did not succeed, with why. */
public class DroneLinkException extends RuntimeException {

    /** Why a call to a drone failed. */
    public enum Reason {
        /** No answer in time. */
        TIMEOUT,
        /** The link (gRPC to mavsdk_server / simulator, or MAVLink behind it) is down. */
        CONNECTION,
        /** The vehicle answered and said no (denied, busy, no mission, invalid mission...). */
        REFUSED,
        /** The vehicle reports it is not fit to fly (health checks, battery). */
        UNHEALTHY,
        /** The vehicle took the upload but holds something else: what it reads back differs from what was sent. */
        MISMATCH
    }

    private final Reason reason;
    private final String resultText;

    public DroneLinkException(Reason reason, String message, String resultText, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.resultText = resultText == null ? "" : resultText;
    }

    public DroneLinkException(Reason reason, String message) {
        this(reason, message, "", null);
    }

    public Reason reason() {
        return reason;
    }

    /** MAVSDK's result, e.g. {@code NO_MISSION_AVAILABLE: no mission uploaded}; empty when there was none. */
    public String resultText() {
        return resultText;
    }
}
