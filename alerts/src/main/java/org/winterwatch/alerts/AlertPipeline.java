package org.winterwatch.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.book.Teams;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.pipeline.AlertWorker;
import org.winterwatch.alerts.pipeline.DeadLettered;
import org.winterwatch.alerts.pipeline.OutboxRelay;
import org.winterwatch.alerts.pipeline.TipResult;
import org.winterwatch.alerts.pipeline.Work;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.wire.TipParser;
import org.winterwatch.geo.site.SiteLayer;

/**
 * The alert pipeline of the active coordinator, the one way in to the alerts module's write side: inbound detections,
 * tips and acks, tips and team actions from HTTP, weather changes and notes all go to its single writer, which
 * commits each batch with its outbox; the outbox relay then publishes through the {@link Publisher}.
 *
 * <p>Built and started once per activation by {@link #start}, and closed when the coordinator stops or steps down.
 * Reads that a standby serves as well go through {@link AlertReads}.
 */
public final class AlertPipeline implements AutoCloseable {

    /**
     * What the pipeline needs to know, already parsed and checked.
     *
     * @param detectionMaxAge how old a detection or tip may be and still be accepted
     * @param maxClockSkew    how far ahead of the clock a source's {@code observedAt} may be (clamped to now)
     */
    public record Settings(Topics topics, SiteLayer sites, AlertPolicy policy, List<TeamZone> teams,
                           Duration detectionMaxAge, Duration maxClockSkew) {
        public Settings {
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(sites, "sites");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(detectionMaxAge, "detectionMaxAge");
            Objects.requireNonNull(maxClockSkew, "maxClockSkew");
            teams = List.copyOf(teams);
        }
    }

    private final Topics topics;
    private final AlertWorker worker;
    private final OutboxRelay relay;

    private AlertPipeline(Topics topics, AlertWorker worker, OutboxRelay relay) {
        this.topics = topics;
        this.worker = worker;
        this.relay = relay;
    }

    /**
     * Rebuilds the alert book from the store and starts the writer and the outbox relay.
     *
     * @param weather      the temperature and wind in force, shared with whoever reads it; set to the stored one first
     * @param sourceClocks where the detection parser records how far each source's clock runs ahead
     * @throws SQLException when the stored alerts or weather cannot be read
     */
    public static AlertPipeline start(Settings settings, AlertStore store, Weather weather, SourceClocks sourceClocks,
                                      Publisher publisher, Clock clock) throws SQLException {
        // the control room's last setting wins over the configured starting value, also after a failover
        store.queries().weather().ifPresent(stored -> weather.set(stored.conditions()));
        AlertBook book = new AlertBook(settings.sites(), settings.policy(), new Teams(settings.teams(), settings.policy()),
                weather);
        book.restore(store.queries().alerts(null));
        OutboxRelay relay = new OutboxRelay(store, publisher, settings.topics(), clock);
        AlertWorker worker = new AlertWorker(book, store,
                new DetectionParser(clock, settings.detectionMaxAge(), settings.maxClockSkew(), sourceClocks),
                new TipParser(clock, settings.detectionMaxAge(), settings.maxClockSkew()), clock, settings.topics(),
                relay::offer);
        worker.start();
        relay.start();
        return new AlertPipeline(settings.topics(), worker, relay);
    }

    public Topics topics() {
        return topics;
    }

    /**
     * Takes one inbound message (a detection, tip or ack by its topic; any other topic is dead-lettered) and calls
     * {@code ack} once its effect is committed. Blocks the caller while the writer's queue is full, which slows the
     * broker down.
     */
    public void accept(String topic, byte[] payload, Runnable ack) {
        worker.accept(topic, payload, routeOf(topic), ack);
    }

    Work.Route routeOf(String topic) {
        if (Topics.matches(topics.detections(), topic)) {
            return Work.Route.DETECTION;
        }
        if (Topics.matches(topics.tips(), topic)) {
            return Work.Route.TIP;
        }
        if (Topics.matches(topics.acks(), topic)) {
            return Work.Route.ACK;
        }
        return Work.Route.UNROUTED;
    }

    /** A tip posted over HTTP: completes with the alert it raised or joined, or why it was refused. */
    public CompletableFuture<TipResult> submitTip(byte[] payload) {
        return worker.submitTip(payload);
    }

    /** A team's action taken over HTTP. */
    public CompletableFuture<ActionResult> submit(TeamAction action) {
        return worker.submit(action);
    }

    /** The control room sets the temperature and wind; completes with them once stored. */
    public CompletableFuture<Weather.Conditions> submitWeather(Weather.Conditions conditions) {
        return worker.submitWeather(conditions);
    }

    /** Adds a reason to an active alert, as a new version; dropped when the queue is full. */
    public void submitNote(String alertId, String reason) {
        worker.submitNote(alertId, reason);
    }

    /** Called with every committed alert change, on the writer's thread; keep it quick. */
    public void onAlert(Consumer<Alert> listener) {
        worker.onAlert(listener);
    }

    /** Called after the commit with every tip folded into an alert, on the writer's thread; keep it quick. */
    public void onTip(BiConsumer<Detection, Alert> listener) {
        worker.onTip(listener);
    }

    /** Called with every dead letter once it is committed, on the writer's thread; keep it quick. */
    public void onDeadLetter(Consumer<DeadLettered> listener) {
        worker.onDeadLetter(listener);
    }

    /** How long the work in hand has waited to be committed (zero while the writer keeps up); see health. */
    public java.time.Duration waitingFor() {
        return worker.waitingFor();
    }

    /** Messages waiting for the writer (a gauge). */
    public int backlog() {
        return worker.backlog();
    }

    /** Outbox rows awaiting publication or the broker's acknowledgement in this process (a gauge). */
    public int outboxPending() {
        return relay.pending();
    }

    /** Stops the relay, then the writer; what was not committed stays unacknowledged and comes again. */
    @Override
    public void close() {
        relay.close();
        worker.close();
    }
}
