package org.winterwatch.alerts.book;

/** Where an alert is in the ground team's workflow. */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED, ESCALATED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** Detections still fold into an alert in these states (CONTRACT §4). */
    public boolean isActive() {
        return this == OPEN || this == ACKNOWLEDGED || this == ESCALATED;
    }
}
