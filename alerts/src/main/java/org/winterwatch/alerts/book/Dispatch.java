package org.winterwatch.alerts.book;

/**
 * Who an alert is in front of. Confident alerts go straight to the team; doubtful ones wait for the control room;
 * faint ones are only kept, so a lone low-confidence blip pages nobody at 3 a.m.
 */
public enum Dispatch {
    /** Below the review threshold: stored and visible over HTTP, not sent. */
    WATCH,
    /** Between the thresholds: sent to the control room to confirm or dismiss. */
    REVIEW,
    /** Sent to the ground team. */
    TEAM;

    public String wireName() {
        return name().toLowerCase();
    }
}
