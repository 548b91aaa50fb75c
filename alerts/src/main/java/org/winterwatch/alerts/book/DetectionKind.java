package org.winterwatch.alerts.book;

import java.util.Arrays;
import java.util.Optional;

/** What saw something: a thermal camera, a motion sensor, or a person's tip. */
public enum DetectionKind {
    THERMAL, MOTION, TIP;

    public String wireName() {
        return name().toLowerCase();
    }

    /** Sensor kinds accepted on the detections topic (tips have their own topic). */
    public static Optional<DetectionKind> sensorKind(String text) {
        return Arrays.stream(values()).filter(k -> k != TIP && k.wireName().equals(text)).findFirst();
    }
}
