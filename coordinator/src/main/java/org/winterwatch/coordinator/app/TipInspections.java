package org.winterwatch.coordinator.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.AlertPipeline;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.fleet.Inspection;
import org.winterwatch.coordinator.fleet.InspectionRefusal;
import org.winterwatch.coordinator.fleet.InspectionResult;
import org.winterwatch.coordinator.store.AuditLog;

/**
 * A tip sends the nearest free drone to look (when inspections are on), and the alert says so: which drone, how far,
 * when it landed back, or why none could go. What the drone's thermal camera sees there folds into the same alert
 * like any detection.
 *
 * <p>One drone per alert at a time: further tips about an alert whose inspection is under way, or that was looked
 * at in the last {@link #AGAIN_AFTER}, send no other drone.
 */
final class TipInspections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TipInspections.class);
    /** After this long a new tip about the same alert may send a drone again (people move; batteries recharge). */
    static final Duration AGAIN_AFTER = Duration.ofMinutes(15);

    private final FleetSupervisor fleet;
    private final AlertPipeline pipeline;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Timers.daemons("ww-inspections"));

    TipInspections(FleetSupervisor fleet, AlertPipeline pipeline, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.fleet = fleet;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Takes a committed tip; planning runs on its own thread so the alert worker never waits for it. */
    void onTip(Detection tip, Alert alert) {
        try {
            executor.execute(() -> inspect(tip, alert));
        } catch (RejectedExecutionException e) {
            LOG.debug("inspection not started, shutting down alertId={}", alert.alertId());
        }
    }

    private void inspect(Detection tip, Alert alert) {
        Instant now = clock.instant();
        Instant before = lastSent.get(alert.alertId());
        if (before != null && before.plus(AGAIN_AFTER).isAfter(now)) {
            return;
        }
        InspectionResult result;
        try {
            result = fleet.inspect(alert.alertId(), tip.lat(), tip.lon());
        } catch (RuntimeException e) {
            LOG.warn("inspection could not be planned alertId={} reason={}", alert.alertId(), e.toString());
            pipeline.submitNote(alert.alertId(), "no drone sent to look: " + e.getMessage());
            return;
        }
        if (result instanceof InspectionRefusal refusal) {
            if (refusal.reason() != InspectionRefusal.Reason.DISABLED) {
                pipeline.submitNote(alert.alertId(), "no drone sent to look: " + refusal.message());
            }
            return;
        }
        Inspection inspection = (Inspection) result;
        lastSent.put(alert.alertId(), now);
        audit.record("coordinator, for a tip by " + tip.source(), "drone sent to look", inspection.droneId(),
                String.format(Locale.ROOT, "alert %s at %.5f,%.5f, %.0f m away", alert.alertId(), tip.lat(), tip.lon(),
                        inspection.distanceM()));
        pipeline.submitNote(alert.alertId(), String.format(Locale.ROOT, "drone %s sent to look: %.1f km away, about %d min",
                inspection.droneId(), inspection.distanceM() / 1000, Math.max(1, Math.round(inspection.estimatedDurationS() / 60))));
        inspection.done().whenComplete((ok, error) -> pipeline.submitNote(alert.alertId(), error == null
                ? "drone " + inspection.droneId() + " looked and landed back"
                : "drone " + inspection.droneId() + " could not finish its look: " + Coordinator.rootMessage(error)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
