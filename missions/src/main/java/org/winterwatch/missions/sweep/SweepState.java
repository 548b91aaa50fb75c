package org.winterwatch.missions.sweep;

import java.util.Locale;

/** A sweep's life: {@code planned → flying → done | aborted | failed}. */
public enum SweepState {
    PLANNED, FLYING, DONE, ABORTED, FAILED;

    public boolean isOpen() {
        return this == PLANNED || this == FLYING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SweepState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
