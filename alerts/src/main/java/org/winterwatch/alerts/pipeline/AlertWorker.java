package org.winterwatch.alerts.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.OutboxEntry;
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

    private final WorkParser parser;
    private final BatchCommit commit;
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(20_000);
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Detection, Alert>> tipListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running;
    /** When the batch in hand was taken up (System.nanoTime), or 0 when there is none. */
    private volatile long heldSinceNanos;
    private volatile LongSupplier nanos = System::nanoTime;
    private long lastTickNanos = System.nanoTime();

    public AlertWorker(AlertBook book, AlertStore store, DetectionParser detections, TipParser tips, Clock clock,
                       Topics topics, Consumer<List<OutboxEntry>> committedOutbox) {
        this.parser = new WorkParser(detections, tips, topics);
        this.commit = new BatchCommit(book, store, parser, new BatchFolding(book, parser, tipListeners), clock, topics,
                committedOutbox, listeners);
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
                commit.rebuildBeforeNext();
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

    /** As {@link BatchCommit#handle}: what of the batch must be tried again. */
    List<Work> handle(List<Work> batch) {
        return commit.handle(batch);
    }

    /** As {@link BatchCommit#process}: false when the batch could not be committed. */
    boolean process(List<Work> batch) {
        return commit.process(batch);
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
