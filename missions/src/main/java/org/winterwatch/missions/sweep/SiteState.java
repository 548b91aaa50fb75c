package org.winterwatch.missions.sweep;

import java.util.Locale;

/** A site within a sweep: {@code pending → assigned → sweeping → swept | skipped}. */
public enum SiteState {
    PENDING, ASSIGNED, SWEEPING, SWEPT, SKIPPED;

    public boolean isFinished() {
        return this == SWEPT || this == SKIPPED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SiteState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
