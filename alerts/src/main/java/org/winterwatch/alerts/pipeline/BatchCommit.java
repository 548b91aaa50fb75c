package org.winterwatch.alerts.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertRouting;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.OutboxEntry;
import org.winterwatch.alerts.store.WeatherStore;
import org.winterwatch.alerts.wire.AlertJson;

/**
 * One batch of the {@link AlertWorker}'s work into the database in one transaction: parsed, folded into the alert
 * book, committed with its outbox messages, and only then acknowledged, answered and announced. A batch the database
 * refuses for its data is taken apart and the item it will not take settled as refused; a batch it cannot take at all
 * (an outage) comes back whole, and the book is rebuilt from the database before the next one.
 */
final class BatchCommit {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCommit.class);

    /** What an HTTP client hears when the database refuses its request's data (the log has the database's words). */
    private static final String UNSTORABLE = "could not be stored: the database refused one of its values; see the coordinator's log";

    private final AlertBook book;
    private final AlertStore store;
    private final WorkParser parser;
    private final BatchFolding folding;
    private final Clock clock;
    private final Topics topics;
    private final Consumer<List<OutboxEntry>> committedOutbox;
    private final List<Consumer<Alert>> listeners;
    private volatile boolean bookDirty;
    /** Why the last {@link #process} returned false. */
    private StoreFailure lastFailure = StoreFailure.OUTAGE;
    private String lastFailureReason = "";

    BatchCommit(AlertBook book, AlertStore store, WorkParser parser, BatchFolding folding, Clock clock, Topics topics,
                Consumer<List<OutboxEntry>> committedOutbox, List<Consumer<Alert>> listeners) {
        this.book = book;
        this.store = store;
        this.parser = parser;
        this.folding = folding;
        this.clock = clock;
        this.topics = topics;
        this.committedOutbox = committedOutbox;
        this.listeners = listeners;
    }

    /** Something went wrong mid-batch: the book is read back from the database before the next batch. */
    void rebuildBeforeNext() {
        bookDirty = true;
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
            afterCommit.forEach(BatchCommit::runQuietly);
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
        afterCommit.forEach(BatchCommit::runQuietly);
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
}
