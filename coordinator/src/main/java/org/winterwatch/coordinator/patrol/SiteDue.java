package org.winterwatch.coordinator.patrol;

import java.time.Duration;
import java.time.Instant;

/**
 * When one site is due for a patrol sweep, and why.
 *
 * @param lastSweptAt null when it was never swept
 * @param interval how long after the last sweep it is due (shortened for a follow-up or a cold wave)
 */
public record SiteDue(String siteId, String name, String category, int priority, Instant lastSweptAt,
                      Duration interval, Instant dueAt, String reason) {

    public boolean dueBy(Instant now) {
        return !dueAt.isAfter(now);
    }
}
