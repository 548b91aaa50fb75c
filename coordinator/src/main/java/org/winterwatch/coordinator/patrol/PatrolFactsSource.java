package org.winterwatch.coordinator.patrol;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.missions.sweep.SweepRepository;

/** Reads the schedule's facts from the stores: sweeps for the last sweep of each site, alerts for follow-ups. */
public final class PatrolFactsSource {

    /** The facts as of {@code now}. */
    @FunctionalInterface
    public interface Facts {
        PatrolFacts load(Instant now) throws SQLException;
    }

    private PatrolFactsSource() {
    }

    /** Facts from the sweep and alert stores; alerts older than the policy's follow-up window are not read. */
    public static Facts of(SweepRepository sweeps, AlertReads alerts, PatrolPolicy policy) {
        return now -> {
            Map<String, Instant> lastAlert = new HashMap<>();
            Map<String, Instant> lastDeclined = new HashMap<>();
            for (Alert a : alerts.alerts(null, now.minus(policy.followUpWindow()))) {
                if (a.siteId() == null) {
                    continue;
                }
                lastAlert.merge(a.siteId(), a.firstSeen(), (x, y) -> x.isAfter(y) ? x : y);
                if (a.outcome() == Outcome.DECLINED_AID) {
                    lastDeclined.merge(a.siteId(), a.updatedAt(), (x, y) -> x.isAfter(y) ? x : y);
                }
            }
            return new PatrolFacts(sweeps.lastSwept(), lastAlert, lastDeclined);
        };
    }
}
