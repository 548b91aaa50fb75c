package org.winterwatch.alerts.book;

/**
 * How urgently a ground team should go, derived from an alert's risk (0..1) by fixed thresholds. Ordered from most to
 * least urgent.
 */
public enum Priority {
    CRITICAL(0.62), HIGH(0.45), MEDIUM(0.28), LOW(0);

    private final double floor;

    Priority(double floor) {
        this.floor = floor;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    /** The lowest risk of this priority. */
    public double floor() {
        return floor;
    }

    /** The priority of a risk: the most urgent one whose floor it reaches. */
    public static Priority fromRisk(double risk) {
        for (Priority p : values()) {
            if (risk >= p.floor) {
                return p;
            }
        }
        return LOW;
    }

    /** One step more urgent (escalation); critical stays critical. */
    Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }
}
