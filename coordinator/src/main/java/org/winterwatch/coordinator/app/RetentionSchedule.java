package org.winterwatch.coordinator.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.store.LocationRetention;
import org.winterwatch.coordinator.store.AuditLog;

/**
 * The hourly location purge: an hour after the start and every hour after, on the active coordinator only, what is
 * older than the retention period is purged or coarsened (see {@link LocationRetention}) and the audit trail says so.
 */
final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ScheduledExecutorService timer = Timers.single("ww-retention");

    RetentionSchedule(LocationRetention purge, AuditLog audit, Clock clock, Duration keep, BooleanSupplier active) {
        timer.scheduleWithFixedDelay(() -> {
            if (active.getAsBoolean()) {
                purge(purge, audit, clock.instant().minus(keep));
            }
        }, 60, 60, TimeUnit.MINUTES);
    }

    private static void purge(LocationRetention purge, AuditLog audit, Instant cutoff) {
        try {
            LocationRetention.Purged done = purge.purge(cutoff);
            if (!done.isEmpty()) {
                LOG.info("locations purged olderThan={} detections={} versions={} coarsened={}", cutoff,
                        done.detections(), done.versions(), done.coarsened());
                audit.record("coordinator", "purge locations", "older than " + cutoff, done.detections()
                        + " detections and " + done.versions() + " old alert versions deleted, " + done.coarsened()
                        + " resolved alerts coarsened to 0.001 degrees");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("location purge failed, tried again in an hour reason={}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
