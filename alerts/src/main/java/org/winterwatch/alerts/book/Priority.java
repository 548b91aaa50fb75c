package org.winterwatch.alerts.book;

/** How urgently a ground team should go. Ordered from most to least urgent. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String wireName() {
        return name().toLowerCase();
    }

    static Priority fromScore(double score) {
        if (score >= 0.85) {
            return CRITICAL;
        }
        if (score >= 0.65) {
            return HIGH;
        }
        if (score >= 0.45) {
            return MEDIUM;
        }
        return LOW;
    }

    /** One step more urgent (escalation); critical stays critical. */
    Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }

    /** The more urgent of the two. */
    Priority atLeast(Priority other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
