package org.winterwatch.coordinator.http;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code GET /api/v1/events} streams, each readable by the roles that may read it over REST: alerts as
 * {@code GET /alerts}, drones as {@code GET /drones}, sweeps as {@code GET /sweeps}, the weather as
 * {@code GET /weather}.
 */
enum EventKind {
    ALERT(EnumSet.of(Role.CONTROLROOM, Role.GROUNDTEAM, Role.ADMIN)),
    DRONE(EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN)),
    SWEEP(EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN)),
    WEATHER(EnumSet.allOf(Role.class));

    private final Set<Role> readers;

    EventKind(Set<Role> readers) {
        this.readers = readers;
    }

    /** The SSE {@code event:} name. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean readableBy(Role role) {
        return readers.contains(role);
    }

    static Optional<EventKind> fromWire(String name) {
        for (EventKind k : values()) {
            if (k.wireName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
