package org.winterwatch.alerts.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertRouting;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.OutboxEntry;
import org.winterwatch.alerts.store.WeatherStore;
import org.winterwatch.alerts.wire.AlertJson;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.wire.TipParser;

/**
 * The one writer of alerts. Detections, tips and acks (from MQTT or HTTP) queue up here and are handled in
 * batches: each batch is validated, de-duplicated, folded into alerts, and committed in one transaction together
 * with its outbox messages (alerts and dead letters); only then are the MQTT messages acknowledged to the broker.
 * A batch that cannot be committed is retried, its messages still unacknowledged, so nothing is lost.
 */
public final class AlertWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWorker.class);
    private static final int MAX_BATCH = 5000;
    private static final Duration TICK_EVERY = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);
    /**
     * How long a batch waits for company after its first message when fewer than {@link #LINGER_UNTIL} are queued.
     * Every commit rewrites the database pages it touches, whatever their number of rows, so a few milliseconds here
     * buy far fewer commits under load (see docs/benchmarks.md); a lone message waits no longer than this.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private static final int LINGER_UNTIL = 500;
    /** What an HTTP client hears when the database refuses its request's data (the log has the database's words). */
    private static final String UNSTORABLE = "could not be stored: the database refused one of its values; see the coordinator's log";

    private final AlertBook book;
    private final AlertStore store;
    private final WorkParser parser;
    private final BatchFolding folding;
    private final Clock clock;
    private final Topics topics;
    private final Consumer<List<OutboxEntry>> committedOutbox;
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(20_000);
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Detection, Alert>> tipListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean bookDirty;
    /** When the batch in hand was taken up (System.nanoTime), or 0 when there is none. */
    private volatile long heldSinceNanos;
    private volatile LongSupplier nanos = System::nanoTime;
    private long lastTickNanos = System.nanoTime();
    /** Why the last {@link #process} returned false. */
    private StoreFailure lastFailure = StoreFailure.OUTAGE;
    private String lastFailureReason = "";

    public AlertWorker(AlertBook book, AlertStore store, DetectionParser detections, TipParser tips, Clock clock,
                       Topics topics, Consumer<List<OutboxEntry>> committedOutbox) {
        this.book = book;
        this.store = store;
        this.parser = new WorkParser(detections, tips, topics);
        this.folding = new BatchFolding(book, parser, tipListeners);
        this.clock = clock;
        this.topics = topics;
        this.committedOutbox = committedOutbox;
        this.thread = new Thread(this::run, "ww-alert-worker");
        thread.setDaemon(true);
    }

    public AlertWorker start() {
        running = true;
        thread.start();
        return this;
    }

    /** Called with every committed alert change, on the worker thread; keep it quick. */
    public void onAlert(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    /** Called with every dead letter once it is committed, on the worker thread; keep it quick. */
    public void onDeadLetter(Consumer<DeadLettered> listener) {
        parser.onDeadLetter(listener);
    }

    /** Queues an MQTT message; blocks the MQTT thread when the queue is full, which slows the broker down. */
    public void accept(String topic, byte[] payload, Work.Route route, Runnable ack) {
        try {
            queue.put(new Work.Inbound(topic, payload, route, ack));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Called after the commit with every tip that was folded into an alert (not a redelivered one), on the worker
     * thread; keep it quick.
     */
    public void onTip(BiConsumer<Detection, Alert> listener) {
        tipListeners.add(listener);
    }

    /** Adds a reason to an active alert, as a new version (see {@link AlertBook#note}); dropped when the queue is full. */
    public void submitNote(String alertId, String reason) {
        if (!queue.offer(new Work.Note(alertId, reason))) {
            LOG.warn("alert note dropped, the queue is full alertId={} note={}", alertId, reason);
        }
    }

    public CompletableFuture<TipResult> submitTip(byte[] payload) {
        CompletableFuture<TipResult> result = new CompletableFuture<>();
        offer(new Work.HttpTip(payload, result), result);
        return result;
    }

    public CompletableFuture<ActionResult> submit(TeamAction action) {
        CompletableFuture<ActionResult> result = new CompletableFuture<>();
        offer(new Work.HttpAction(action, result), result);
        return result;
    }

    /**
     * Sets the temperature and wind through the one writer: stored with the batch it falls in, then in force for the
     * alert logic; completes with them once committed.
     */
    public CompletableFuture<Weather.Conditions> submitWeather(Weather.Conditions conditions) {
        CompletableFuture<Weather.Conditions> result = new CompletableFuture<>();
        offer(new Work.SetWeather(Objects.requireNonNull(conditions, "conditions"), result), result);
        return result;
    }

    /**
     * How long the work in hand has waited to be committed: zero while the worker keeps up, growing while a batch is
     * retried (the database away) or a commit hangs. Health calls the pipeline stalled beyond a set age.
     */
    public Duration waitingFor() {
        long since = heldSinceNanos;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, nanos.getAsLong() - since));
    }

    /** True while a batch is in hand (taken up and not yet committed or settled). */
    boolean holding() {
        return heldSinceNanos != 0;
    }

    /** The time source for {@link #waitingFor} (a test sets its own). */
    AlertWorker withNanos(LongSupplier source) {
        this.nanos = source;
        return this;
    }

    /** Messages waiting to be handled (a gauge for health and metrics). */
    public int backlog() {
        return queue.size();
    }

    private void offer(Work work, CompletableFuture<?> result) {
        if (!queue.offer(work)) {
            result.completeExceptionally(new IllegalStateException("the alert queue is full; try again shortly"));
        }
    }

    private void run() {
        List<Work> batch = new ArrayList<>();
        while (running) {
            try {
                if (batch.isEmpty()) {
                    Work first = queue.poll(TICK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        gather(batch);
                    }
                    if (System.nanoTime() - lastTickNanos >= TICK_EVERY.toNanos()) {
                        batch.add(new Work.Tick());
                        lastTickNanos = System.nanoTime();
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                if (heldSinceNanos == 0) {
                    heldSinceNanos = Math.max(1, nanos.getAsLong());
                }
                batch = handle(batch);
                if (batch.isEmpty()) {
                    heldSinceNanos = 0;
                }
                if (!batch.isEmpty()) {
                    // The database is away: keep the batch (its messages are still unacknowledged) and try again shortly.
                    Work next = queue.poll(RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
                    if (next != null && batch.size() < MAX_BATCH) {
                        batch.add(next);
                    } else if (next != null) {
                        queue.put(next);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("alert worker failed on a batch; it is retried", e);
                bookDirty = true;
            }
        }
    }

    /** Adds what is queued to the batch, and what arrives within the linger time while the batch is small. */
    private void gather(List<Work> batch) throws InterruptedException {
        long lingerEnd = System.nanoTime() + LINGER_NANOS;
        queue.drainTo(batch, MAX_BATCH - batch.size());
        while (batch.size() < LINGER_UNTIL) {
            long left = lingerEnd - System.nanoTime();
            Work next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    /**
     * Handles one batch and returns what must be tried again: nothing when it took effect. When the batch failed for
     * something in its data (a value the database refuses), each item is tried on its own at once and an item that
     * still fails is settled as refused (dead-lettered through the outbox, or answered over HTTP with the reason): one
     * bad message never holds up the ones behind it for more than this one cycle. When the database is away, the
     * whole batch comes back, its messages unacknowledged.
     */
    List<Work> handle(List<Work> batch) {
        if (process(batch)) {
            return new ArrayList<>();
        }
        if (lastFailure == StoreFailure.OUTAGE) {
            return batch;
        }
        List<Work> rest = new ArrayList<>();
        for (Work w : batch) {
            if (!process(List.of(w)) && (lastFailure == StoreFailure.OUTAGE || !refuse(w))) {
                rest.add(w);
            }
        }
        return rest;
    }

    /** Settles an item the database refuses; false when even its refusal could not be committed. */
    private boolean refuse(Work w) {
        String reason = "could not be stored: " + lastFailureReason;
        Instant now = clock.instant();
        if (w instanceof Work.Inbound in) {
            LOG.error("message could not be stored and goes to the dead letters topic={} reason={}", in.topic(), lastFailureReason);
            List<Runnable> afterCommit = new ArrayList<>();
            try {
                List<OutboxEntry> queued = store.commit(new AlertStore.Batch(List.of(), List.of(),
                        List.of(parser.deadLetter(in, DeadLettered.Why.UNSTORABLE, reason, now, afterCommit)), now));
                handOver(queued);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("dead letter not committed, kept for retry reason={}", e.toString());
                return false;
            }
            runQuietly(in.ack());
            afterCommit.forEach(AlertWorker::runQuietly);
        } else if (w instanceof Work.HttpTip tip) {
            LOG.warn("tip could not be stored reason={}", lastFailureReason);
            tip.result().complete(new TipResult(null, false, UNSTORABLE));
        } else if (w instanceof Work.HttpAction action) {
            LOG.warn("action could not be stored alertId={} reason={}", action.action().alertId(), lastFailureReason);
            action.result().complete(new ActionResult.Refused(ActionResult.Why.UNSTORABLE, UNSTORABLE));
        } else if (w instanceof Work.SetWeather set) {
            LOG.warn("weather could not be stored reason={}", lastFailureReason);
            set.result().completeExceptionally(new IllegalStateException(UNSTORABLE));
        } else {
            LOG.error("alert work dropped, it cannot be stored work={} reason={}", w.getClass().getSimpleName(), lastFailureReason);
        }
        return true;
    }

    private void handOver(List<OutboxEntry> queued) {
        if (!queued.isEmpty()) {
            try {
                committedOutbox.accept(queued);
            } catch (RuntimeException e) {
                LOG.warn("outbox hand-over failed, the relay finds the rows itself reason={}", e.toString());
            }
        }
    }

    /** Handles one batch; returns false when it could not be committed (nothing of it took effect). */
    boolean process(List<Work> batch) {
        if (bookDirty && !rebuildBook()) {
            return false;
        }
        Instant now = clock.instant();
        List<Runnable> afterCommit = new ArrayList<>();
        Map<String, Alert> changed = new LinkedHashMap<>();
        List<AlertStore.StoredDetection> rows = new ArrayList<>();
        List<AlertStore.OutboxMessage> outbox = new ArrayList<>();
        List<WorkParser.Parsed> parsed = parser.parse(batch, now, outbox, afterCommit);
        Set<String> known;
        try {
            known = store.existingKeys(parsed.stream().filter(p -> p.detection() != null).map(p -> p.detection().storageKey()).toList());
        } catch (SQLException e) {
            failed(e);
            LOG.warn("database unavailable, batch kept for retry size={} reason={}", batch.size(), e.getMessage());
            return false;
        }
        Set<String> seen = new HashSet<>();
        WeatherStore.StoredWeather weather = null;
        for (WorkParser.Parsed p : parsed) {
            if (p.work() instanceof Work.SetWeather set) {
                weather = new WeatherStore.StoredWeather(set.conditions(), now);
                afterCommit.add(() -> {
                    book.weather().set(set.conditions());
                    set.result().complete(set.conditions());
                });
                continue;
            }
            folding.apply(p, now, known, seen, changed, rows, outbox, afterCommit);
        }
        List<AlertStore.AlertRow> alertRows = new ArrayList<>(changed.size());
        for (Alert a : changed.values()) {
            String body = AlertJson.write(a);
            alertRows.add(new AlertStore.AlertRow(a, body));
            for (String team : AlertRouting.teamsFor(a, book.policy())) {
                outbox.add(new AlertStore.OutboxMessage(topics.alerts(team), body, a.alertId()));
            }
        }
        List<OutboxEntry> queued;
        try {
            queued = store.commit(new AlertStore.Batch(rows, alertRows, outbox, now, weather));
        } catch (SQLException | RuntimeException e) {
            failed(e);
            LOG.warn("batch not committed size={} failure={} reason={}", batch.size(), lastFailure, e.getMessage());
            bookDirty = true;
            rebuildBook();
            return false;
        }
        handOver(queued);
        afterCommit.forEach(AlertWorker::runQuietly);
        changed.values().forEach(a -> listeners.forEach(l -> notifyQuietly(l, a)));
        return true;
    }

    private void failed(Exception e) {
        lastFailure = StoreFailure.of(e);
        lastFailureReason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private boolean rebuildBook() {
        try {
            book.reset(store.queries().alerts(null));
            bookDirty = false;
            return true;
        } catch (SQLException e) {
            failed(e);
            LOG.warn("database unavailable, alert state not rebuilt yet reason={}", e.getMessage());
            return false;
        }
    }


    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("after-commit action failed reason={}", e.toString());
        }
    }

    private static void notifyQuietly(Consumer<Alert> listener, Alert alert) {
        try {
            listener.accept(alert);
        } catch (RuntimeException e) {
            LOG.warn("alert listener failed alertId={} reason={}", alert.alertId(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
