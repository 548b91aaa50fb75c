package org.winterwatch.coordinator.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.figures.TimeToHelp;
import org.winterwatch.drone.DroneState;
import org.winterwatch.missions.sweep.SweepRepository;
import org.winterwatch.missions.sweep.SweepState;

/**
 * The gauges of {@code GET /metrics} that read what the coordinator already knows: alerts by state and priority,
 * stored detections, the outbox, sweeps by state and the night's times to help from the database (read once per
 * scrape, then the registry is scraped); the alert queue, the MQTT connection, each configured drone's link and
 * battery and the sources' clocks from memory. A standby shows the stored figures and no broker, queue or drones.
 * A database that cannot be read does not fail the scrape (see {@link #scrape}).
 */
final class StateGauges {

    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);
    private static final Duration NIGHT = Duration.ofHours(24);

    /** What the database said at the last scrape. */
    private record Stored(Map<String, Map<String, Long>> alerts, long detections, long unsent,
                          Map<SweepState, Long> sweeps, TimeToHelp.Figures night) {
    }

    private final PrometheusMeterRegistry registry;
    private final AlertReads reads;
    private final SweepRepository sweeps;
    private final SourceClocks clocks;
    private final Supplier<ActiveParts> active;
    private final Clock clock;
    /** Null when the database could not be read at the last scrape: its gauges are NaN, the others still shown. */
    private volatile Stored stored;
    private volatile SourceClocks.Report clocksReport;

    /** @param active the active parts, or null while this coordinator is standby */
    StateGauges(PrometheusMeterRegistry registry, AlertReads reads, SweepRepository sweeps, SourceClocks clocks,
                Supplier<ActiveParts> active, Clock clock, List<String> droneIds) {
        this.registry = registry;
        this.reads = reads;
        this.sweeps = sweeps;
        this.clocks = clocks;
        this.active = active;
        this.clock = clock;
        this.clocksReport = clocks.report(1);
        registerStored();
        registerLive(droneIds);
    }

    /**
     * Reads the stored figures, then the whole registry in Prometheus text format (0.0.4). Blocks: a worker's job. A
     * database that cannot be read leaves its figures NaN and {@code ww_database_up} 0; the rest is still shown, since
     * during an outage the queue and the broker are what the people on call look at.
     */
    synchronized String scrape() {
        clocksReport = clocks.report(1);
        Instant now = clock.instant();
        try {
            stored = new Stored(reads.countByStateAndPriority(), reads.detectionCount(), reads.unsentCount(),
                    sweeps.countByState(), reads.timeToHelp(now.minus(NIGHT), now));
        } catch (SQLException | RuntimeException e) {
            stored = null;
            LOG.warn("metrics: the database could not be read reason={}", e.toString());
        }
        return registry.scrape();
    }

    private void registerStored() {
        for (AlertState state : AlertState.values()) {
            for (Priority priority : Priority.values()) {
                gauge("ww_alerts", "Alerts by state and priority.", s -> s.alerts()
                        .getOrDefault(state.wireName(), Map.of()).getOrDefault(priority.wireName(), 0L),
                        "state", state.wireName(), "priority", priority.wireName());
            }
        }
        gauge("ww_detections_stored", "Detections and tips stored.", Stored::detections);
        gauge("ww_outbox_unsent", "Outbox messages not yet acknowledged by the broker.", Stored::unsent);
        for (SweepState state : SweepState.values()) {
            gauge("ww_sweeps", "Sweeps by state.", s -> s.sweeps().getOrDefault(state, 0L), "state", state.wireName());
        }
        timeToHelp("acknowledgement", TimeToHelp.Times::acknowledged);
        timeToHelp("team_on_site", TimeToHelp.Times::onSite);
        timeToHelp("resolution", TimeToHelp.Times::resolved);
        gauge("ww_alerts_escalated_24h", "Alerts first seen in the last 24 hours that escalated.", s -> s.night().escalated());
        Gauge.builder("ww_database_up", () -> stored == null ? 0 : 1)
                .description("1 when the last scrape could read the database.").register(registry);
    }

    /** The median and 90th percentile of one time to help; NaN while no alert of the night has it. */
    private void timeToHelp(String to, Function<TimeToHelp.Times, TimeToHelp.Measure> measure) {
        String help = "Time from the first detection to the acknowledgement, the team on site and the resolution, over "
                + "the alerts first seen in the last 24 hours.";
        gauge("ww_time_to_help_seconds", help, s -> orNaN(measure.apply(s.night().all()).medianS()),
                "to", to, "quantile", "0.5");
        gauge("ww_time_to_help_seconds", help, s -> orNaN(measure.apply(s.night().all()).p90S()),
                "to", to, "quantile", "0.9");
    }

    private void registerLive(List<String> droneIds) {
        Gauge.builder("ww_source_clocks_ahead", () -> clocksReport.sourcesAhead())
                .description("Sensors and drones whose clock runs ahead of the coordinator's.").register(registry);
        Gauge.builder("ww_source_clock_ahead_max_seconds",
                        () -> clocksReport.worst().map(w -> w.last().toMillis() / 1000.0).orElse(0.0))
                .description("How far ahead the furthest-ahead source's clock ran at its last detection.")
                .register(registry);
        live("ww_coordinator_active", "1 on the active coordinator, 0 on a standby.", a -> 1);
        live("ww_alert_queue", "Inbound messages waiting for the alert worker.", a -> a.pipeline.backlog());
        live("ww_broker_connected", "1 when the MQTT connection is up.", a -> a.bridge.isConnected() ? 1 : 0);
        live("ww_drones_connected", "Drone links connected.",
                a -> a.fleet.states().stream().filter(DroneState::connected).count());
        for (String id : droneIds) {
            Gauge.builder("ww_drone_link_up", () -> drone(id).map(d -> d.connected() ? 1 : 0).orElse(0))
                    .description("1 while the drone's link is connected.").tag("drone", id).register(registry);
            Gauge.builder("ww_drone_battery_percent", () -> drone(id).map(DroneState::batteryPercent).orElse(Double.NaN))
                    .description("The drone's battery as it last reported it; NaN until it has, and on a standby.")
                    .tag("drone", id).register(registry);
        }
    }

    private Optional<DroneState> drone(String id) {
        ActiveParts a = active.get();
        return a == null ? Optional.empty() : a.fleet.link(id).map(link -> link.state());
    }

    /** A gauge of the stored figures; NaN when the database could not be read. */
    private void gauge(String name, String help, ToDoubleFunction<Stored> value, String... tags) {
        Gauge.builder(name, () -> {
            Stored s = stored;
            return s == null ? Double.NaN : value.applyAsDouble(s);
        }).description(help).tags(tags).register(registry);
    }

    /** A gauge of the active parts; 0 on a standby. */
    private void live(String name, String help, ToDoubleFunction<ActiveParts> value) {
        Gauge.builder(name, () -> {
            ActiveParts a = active.get();
            return a == null ? 0 : value.applyAsDouble(a);
        }).description(help).register(registry);
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
