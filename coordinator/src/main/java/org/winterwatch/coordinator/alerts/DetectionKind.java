package org.winterwatch.coordinator.alerts;

import java.util.Arrays;
import java.util.Optional;

/** What kind of sensor saw something. */
public enum DetectionKind {
    THERMAL, MOTION;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<DetectionKind> fromWire(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(text)).findFirst();
    }
}
