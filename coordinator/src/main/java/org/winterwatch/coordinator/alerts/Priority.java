package org.winterwatch.coordinator.alerts;

/** How urgently a ground team should go. Ordered from most to least urgent. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String wireName() {
        return name().toLowerCase();
    }

    static Priority fromScore(double score) {
        if (score >= 0.8) {
            return CRITICAL;
        }
        if (score >= 0.6) {
            return HIGH;
        }
        if (score >= 0.4) {
            return MEDIUM;
        }
        return LOW;
    }
}
