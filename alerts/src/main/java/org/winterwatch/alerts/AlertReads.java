package org.winterwatch.alerts;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.figures.TimeToHelp;
import org.winterwatch.alerts.store.AlertStore;

/**
 * What the stored alerts say, for the HTTP API, stats and metrics: served by the active coordinator and a standby
 * alike, so it needs no running {@link AlertPipeline}.
 */
public final class AlertReads {

    private final AlertStore store;

    public AlertReads(AlertStore store) {
        this.store = store;
    }

    /** The latest version of every alert in {@code state} (every alert when null), most urgent first. */
    public List<Alert> alerts(AlertState state) throws SQLException {
        return store.queries().alerts(state);
    }

    /** As {@link #alerts(AlertState)}, changed at or after {@code since} (any time when null). */
    public List<Alert> alerts(AlertState state, Instant since) throws SQLException {
        return store.queries().alerts(state, since);
    }

    public Optional<Alert> alert(String alertId) throws SQLException {
        return store.queries().alert(alertId);
    }

    /** Alerts by their wire state name. */
    public Map<String, Long> countByState() throws SQLException {
        return store.queries().countBy("state");
    }

    /** Alerts by their wire priority name. */
    public Map<String, Long> countByPriority() throws SQLException {
        return store.queries().countBy("priority");
    }

    /** Alerts by their wire state name, then by their wire priority name; only the pairs that occur. */
    public Map<String, Map<String, Long>> countByStateAndPriority() throws SQLException {
        return store.queries().countByStateAndPriority();
    }

    /** Alerts by their wire outcome name ({@code none} for those without one). */
    public Map<String, Long> countByOutcome() throws SQLException {
        return store.queries().countBy("outcome");
    }

    /** Detections and tips stored. */
    /** How fast people were reached, for the alerts first seen within {@code [from, to)} (see {@link TimeToHelp}). */
    public TimeToHelp.Figures timeToHelp(Instant from, Instant to) throws SQLException {
        return TimeToHelp.of(alerts(null, from), from, to);
    }

    public long detectionCount() throws SQLException {
        return store.queries().detectionCount();
    }

    /** Outbox messages not yet acknowledged by the broker. */
    public long unsentCount() throws SQLException {
        return store.queries().unsentCount();
    }
}
