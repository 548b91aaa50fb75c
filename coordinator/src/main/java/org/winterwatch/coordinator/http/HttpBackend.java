package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.pipeline.TipResult;
import org.winterwatch.coordinator.sweep.SweepControl;
import org.winterwatch.drone.DroneState;

/** What the HTTP API reads from and asks of the rest of the coordinator. Blocking calls run on worker threads. */
public interface HttpBackend {

    /**
     * Each part (broker, database, drones) usable or not; up only when all are.
     *
     * @param role    "active" or "standby" (a standby is healthy without a broker connection of its own)
     * @param details further figures shown beside the components by name (such as {@code clocks}); they never make
     *                the coordinator down
     * @param why     for a part that is down, the reason when one is known (the broker: "not authorised")
     */
    record Health(Map<String, Boolean> components, String role, Map<String, JsonNode> details, Map<String, String> why) {

        public Health {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
            details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
            why = why == null ? Map.of() : Map.copyOf(why);
        }

        public Health(Map<String, Boolean> components, String role, Map<String, JsonNode> details) {
            this(components, role, details, Map.of());
        }

        public boolean up() {
            return components.values().stream().allMatch(Boolean::booleanValue);
        }

        /** A part as health shows it: "UP", "DOWN", or "DOWN (reason)". */
        public String shown(String component) {
            if (Boolean.TRUE.equals(components.get(component))) {
                return "UP";
            }
            String reason = why.get(component);
            return reason == null ? "DOWN" : "DOWN (" + reason + ")";
        }
    }

    Health health();

    /** Alerts in a state (or all: null) changed at or after {@code since} (or whenever: null), newest change first. */
    List<Alert> alerts(AlertState state, Instant since) throws Exception;

    Optional<Alert> alert(String alertId) throws Exception;

    List<DroneState> drones();

    /** The site layer as a GeoJSON FeatureCollection. */
    String sitesGeoJson();

    CompletableFuture<TipResult> tip(byte[] body);

    CompletableFuture<ActionResult> act(TeamAction action);

    /** The temperature and wind in force. */
    Weather.Conditions weather();

    boolean coldWave();

    /** Sets the temperature and wind through the alert pipeline; completes once stored. */
    CompletableFuture<Weather.Conditions> setWeather(Weather.Conditions conditions);

    /** The control room's figures (JSON object). */
    String stats() throws Exception;

    /** Prometheus text exposition. */
    String metrics() throws Exception;

    /** What is due for patrol and when ({@code GET /api/v1/schedule}), as a JSON object. */
    String schedule() throws Exception;

    /** Sweeps: flown by the active coordinator, read from the store on a standby. */
    SweepControl sweeps();

    /** Records an audited act: a read of people's locations, a drone command. Never blocks. */
    void audit(String actor, String action, String target, String detail);

    /** The latest audit records, newest first, as a JSON array. */
    String auditJson(int limit) throws Exception;

    /** The changes the event stream ({@code GET /api/v1/events}) sends as they happen. */
    LiveEvents events();
}
