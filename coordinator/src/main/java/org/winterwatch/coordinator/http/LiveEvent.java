package org.winterwatch.coordinator.http;

import java.util.function.Predicate;

/**
 * One change as the event stream sends it: its kind, the JSON the REST read of the thing gives, and who besides the
 * kind's roles may not see it (a ground team sees only its own team's alerts).
 */
record LiveEvent(EventKind kind, String json, Predicate<AccessTokens.Grant> audience) {

    boolean visibleTo(AccessTokens.Grant grant) {
        return kind.readableBy(grant.role()) && audience.test(grant);
    }
}
