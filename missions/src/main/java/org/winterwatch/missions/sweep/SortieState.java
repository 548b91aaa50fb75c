package org.winterwatch.missions.sweep;

import java.util.Locale;

/** One flight on one battery: {@code planned → uploading → flying → returning → landed | aborted | failed}. */
public enum SortieState {
    PLANNED, UPLOADING, FLYING, RETURNING, LANDED, ABORTED, FAILED;

    /** True while the sortie still owns its drone (it has not landed, been aborted or failed). */
    public boolean isOpen() {
        return this == PLANNED || this == UPLOADING || this == FLYING || this == RETURNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortieState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
