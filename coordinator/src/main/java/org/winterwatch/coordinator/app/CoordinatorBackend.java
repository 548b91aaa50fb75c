package org.winterwatch.coordinator.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.pipeline.TipResult;
import org.winterwatch.coordinator.http.HttpBackend;
import org.winterwatch.coordinator.http.LiveEvents;
import org.winterwatch.coordinator.mqtt.LoginRefusal;
import org.winterwatch.coordinator.patrol.PatrolBook;
import org.winterwatch.coordinator.patrol.PatrolFactsSource;
import org.winterwatch.coordinator.patrol.ScheduleJson;
import org.winterwatch.coordinator.store.AuditLog;
import org.winterwatch.coordinator.sweep.StoredSweeps;
import org.winterwatch.coordinator.sweep.SweepControl;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.missions.sweep.SweepFigures;
import org.winterwatch.missions.sweep.SweepRepository;

/** The coordinator as the HTTP API sees it. */
final class CoordinatorBackend implements HttpBackend {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sources listed by name in the health check; the rest are only counted. */
    private static final int CLOCKS_LISTED = 10;

    private final CoordinatorSettings settings;
    private final AlertReads reads;
    private final Weather weather;
    private final AuditLog audit;
    private final Supplier<ActiveParts> active;
    private final Supplier<Leadership.Role> role;
    private final SourceClocks sourceClocks;
    private final SweepRepository sweepStore;
    private final SweepControl storedSweeps;
    private final StateGauges gauges;
    private final LiveEvents events;

    /** @param active the active parts, or null while this coordinator is standby */
    CoordinatorBackend(CoordinatorSettings settings, AlertReads reads, Weather weather, AuditLog audit,
                       Supplier<ActiveParts> active, Supplier<Leadership.Role> role, SourceClocks sourceClocks,
                       SweepRepository sweepStore, StateGauges gauges, LiveEvents events) {
        this.events = events;
        this.sourceClocks = sourceClocks;
        this.gauges = gauges;
        this.sweepStore = sweepStore;
        this.storedSweeps = new StoredSweeps(sweepStore, ForkJoinPool.commonPool());
        this.settings = settings;
        this.reads = reads;
        this.weather = weather;
        this.audit = audit;
        this.active = active;
        this.role = role;
    }

    @Override
    public SweepControl sweeps() {
        ActiveParts a = active.get();
        return a == null ? storedSweeps : a.sweeps;
    }

    /** A standby takes no writes: the active coordinator does. */
    private static <T> CompletableFuture<T> standby() {
        return CompletableFuture.failedFuture(new IllegalStateException(
                "this coordinator is standby; send this to the active one (GET /api/v1/health says which is)"));
    }

    @Override
    public Health health() {
        ActiveParts a = active.get();
        Map<String, Boolean> parts = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        if (a != null) {
            parts.put("broker", a.bridge.isConnected());
            a.bridge.loginRefusal().ifPresent(r -> why.put("broker", LoginRefusal.HEALTH_DETAIL));
            // the oldest work in hand waited too long: a database away, or a commit that hangs
            parts.put("pipeline", a.pipeline.waitingFor().compareTo(settings.pipelineStallAfter()) < 0);
        }
        parts.put("database", settings.database().isUsable());
        if (a != null) {
            parts.put("drones", a.fleet.allConnected());
        }
        return new Health(parts, a == null ? Leadership.Role.STANDBY.wireName() : role.get().wireName(),
                Map.of("clocks", clocksJson(sourceClocks.report(CLOCKS_LISTED))), why);
    }

    /** How far the sources' clocks run ahead: the count, the worst, and the first few furthest ahead. */
    private ObjectNode clocksJson(SourceClocks.Report report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("maxSkewS", settings.maxClockSkew().toMillis() / 1000.0);
        o.put("sources", report.sources());
        o.put("sourcesAhead", report.sourcesAhead());
        o.set("worst", report.worst().<JsonNode>map(CoordinatorBackend::offsetJson).orElse(JSON.nullNode()));
        ArrayNode ahead = o.putArray("ahead");
        report.ahead().forEach(a -> ahead.add(offsetJson(a)));
        return o;
    }

    private static ObjectNode offsetJson(SourceClocks.Offset offset) {
        return JSON.createObjectNode()
                .put("source", offset.source())
                .put("offsetS", offset.last().toMillis() / 1000.0)
                .put("smoothedOffsetS", offset.smoothed().toMillis() / 1000.0)
                .put("lastSeen", offset.lastSeen().toString())
                .put("readings", offset.readings());
    }

    @Override
    public List<Alert> alerts(AlertState state, Instant since) throws Exception {
        return reads.alerts(state, since);
    }

    @Override
    public Optional<Alert> alert(String alertId) throws Exception {
        return reads.alert(alertId);
    }

    @Override
    public List<DroneState> drones() {
        ActiveParts a = active.get();
        return a == null ? List.of() : a.fleet.states();
    }

    @Override
    public String sitesGeoJson() {
        return SiteLayers.toGeoJson(settings.sites());
    }

    @Override
    public CompletableFuture<TipResult> tip(byte[] body) {
        ActiveParts a = active.get();
        return a == null ? standby() : a.pipeline.submitTip(body);
    }

    @Override
    public CompletableFuture<ActionResult> act(TeamAction action) {
        ActiveParts a = active.get();
        return a == null ? standby() : a.pipeline.submit(action);
    }

    @Override
    public Weather.Conditions weather() {
        return weather.conditions();
    }

    @Override
    public boolean coldWave() {
        return weather.coldWave(settings.policy());
    }

    @Override
    public CompletableFuture<Weather.Conditions> setWeather(Weather.Conditions conditions) {
        ActiveParts a = active.get();
        if (a == null) {
            return standby();
        }
        return a.pipeline.submitWeather(conditions).thenApply(stored -> {
            if (a.patrol != null) {
                // an extreme-weather spell starting now launches its sweep at once, not at the next minute's check
                a.patrol.weatherChanged();
            }
            events.weatherChanged(stored, coldWave());
            return stored;
        });
    }

    @Override
    public String schedule() throws Exception {
        ActiveParts a = active.get();
        if (a != null && a.patrol != null) {
            return a.patrol.json().toString();
        }
        // a standby, or patrols off: what is due, as the active one would see it, launching nothing
        Instant now = settings.clock().instant();
        PatrolBook view = new PatrolBook(settings.patrol(), settings.sites().sites());
        view.observeWeather(coldWave(), now);
        String state = a == null ? "standby: the active coordinator launches patrols"
                : !settings.patrol().enabled() ? "off: config patrol.enabled is false" : "off: no drones to fly patrols";
        return ScheduleJson.of(view, now, PatrolFactsSource.of(sweepStore, reads, settings.patrol()).load(now), null, state)
                .toString();
    }

    @Override
    public String stats() throws Exception {
        ObjectNode o = JSON.createObjectNode();
        Map<String, Long> byState = reads.countByState();
        Map<String, Long> byOutcome = reads.countByOutcome();
        o.put("alerts", byState.values().stream().mapToLong(Long::longValue).sum());
        o.set("alertsByState", JSON.valueToTree(byState));
        o.set("alertsByPriority", JSON.valueToTree(reads.countByPriority()));
        byOutcome.remove("none");
        o.set("outcomes", JSON.valueToTree(byOutcome));
        long helped = byOutcome.entrySet().stream()
                .filter(e -> Outcome.fromWire(e.getKey()).map(Outcome::personFound).orElse(false))
                .mapToLong(Map.Entry::getValue).sum();
        o.put("peopleHelped", helped);
        o.put("detections", reads.detectionCount());
        ActiveParts a = active.get();
        if (a != null) {
            o.set("fleet", JSON.valueToTree(a.fleet.figures()));
        }
        Instant now = settings.clock().instant();
        SweepFigures night = sweepStore.figures(now.minus(Duration.ofHours(24)), now);
        o.set("timeToHelpLast24h", TimeToHelpJson.of(reads.timeToHelp(now.minus(Duration.ofHours(24)), now)));
        ObjectNode sweeps = o.putObject("sweepsLast24h");
        sweeps.put("sweeps", night.sweeps());
        sweeps.put("sortiesFlown", night.sortiesFlown());
        sweeps.put("flightHours", Math.round(night.flightSeconds() / 36.0) / 100.0);
        sweeps.put("sitesSwept", night.sitesSwept());
        ZoneId zone = settings.patrol().zone();
        o.set("nights", NightFigures.of(reads.alerts(null, NightFigures.since(now, zone)), sweepStore, now, zone));
        o.put("ambientTempC", weather.ambientTempC());
        o.put("windMps", weather.windMps());
        o.put("coldWave", coldWave());
        return o.toString();
    }

    @Override
    public String metrics() {
        return gauges.scrape();
    }

    @Override
    public void audit(String actor, String action, String target, String detail) {
        audit.record(actor, action, target, detail);
    }

    @Override
    public LiveEvents events() {
        return events;
    }

    @Override
    public String auditJson(int limit) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        for (AuditLog.Entry e : audit.latest(limit)) {
            out.addObject().put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
                    .put("target", e.target()).put("detail", e.detail());
        }
        return out.toString();
    }
}
