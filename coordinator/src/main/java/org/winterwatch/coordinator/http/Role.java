package org.winterwatch.coordinator.http;

import java.util.Locale;

/** Who a bearer token speaks for (CONTRACT §5). */
public enum Role {
    OPERATOR, CONTROLROOM, GROUNDTEAM, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
