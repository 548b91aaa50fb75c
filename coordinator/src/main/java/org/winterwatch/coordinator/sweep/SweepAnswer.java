package org.winterwatch.coordinator.sweep;

import java.util.List;

/** What a sweep command came to: done (with the JSON to answer with) or refused with a reason a status follows from. */
public sealed interface SweepAnswer {

    /** Why a command was refused; the HTTP status follows from it. */
    enum Why {
        /** The request itself is wrong: an unknown site or drone, an altitude out of bounds (400). */
        INVALID,
        /** No such sweep or drone (404). */
        NOT_FOUND,
        /** Not now: no free drone, the drone is busy, the sweep has ended (409). */
        CONFLICT,
        /** The coordinator cannot do it now: standby, or the database refused (503). */
        UNAVAILABLE
    }

    /** @param created true when the command created something new (a sweep) */
    record Done(String json, String sweepId, boolean created) implements SweepAnswer {
    }

    record Refused(Why why, String error, List<String> details) implements SweepAnswer {

        public Refused {
            details = List.copyOf(details);
        }

        static Refused of(Why why, String error) {
            return new Refused(why, error, List.of());
        }
    }
}
