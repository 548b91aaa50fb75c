package org.winterwatch.alerts.book;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the ground team found and did (CONTRACT §4; CONTEXT.md). */
public enum Outcome {
    ON_SITE_AID, ESCORTED_TO_CENTRE, HOSPITAL, PROTECTIVE_CUSTODY, DECLINED_AID, NOT_FOUND, FALSE_ALARM;

    public String wireName() {
        return name().toLowerCase();
    }

    /** True when a person was there: the place becomes a known spot. */
    public boolean personFound() {
        return this != NOT_FOUND && this != FALSE_ALARM;
    }

    public static Optional<Outcome> fromWire(String text) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(text)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Outcome::wireName).collect(Collectors.joining(", "));
    }
}
