package org.winterwatch.alerts.pipeline;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.MessageTooLargeException;
import org.winterwatch.alerts.Publisher;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.OutboxEntry;
import org.winterwatch.alerts.wire.DeadLetter;

/**
 * Publishes committed outbox rows and marks each sent when the broker acknowledges it.
 *
 * <p>The alert worker hands every committed batch's rows over at once, so the usual path never reads the database
 * back. Rows survive a broker outage and a coordinator restart all the same: whenever a publish fails, after every
 * (re)connection and every few seconds the relay also looks for rows not marked sent and publishes them again
 * (consumers de-duplicate by alertId + version and keep the highest version). Runs on its own thread.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SCAN_BATCH = 500;
    private static final long WINDOW_WAIT_MS = 1_000;
    /**
     * Marks are written at most this often, or when this many are waiting: each is a commit of its own, and a mark
     * lost in a crash only means that message is sent once more (same version). The periodic scan writes any rest.
     */
    private static final long MARK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int MARK_AT = 2_000;
    /** How much of an outbox message too large for the broker its dead letter carries. */
    private static final int DEAD_LETTER_EXCERPT = 128;

    private final AlertStore store;
    private final Publisher publisher;
    private final Topics topics;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("ww-outbox").setDaemon(true).build());
    /** Rows handed over by the worker and not yet published. */
    private final ConcurrentLinkedQueue<OutboxEntry> fresh = new ConcurrentLinkedQueue<>();
    /** Rows queued here or awaiting the broker's acknowledgement: a scan must not publish them again. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    /**
     * Rows larger than the current connection's maximum packet size: kept in {@link #known} so that scans pass them
     * by, and let go after the next (re)connection, whose broker may accept them.
     */
    private final Set<Long> tooLarge = ConcurrentHashMap.newKeySet();
    /** Rows whose size was reported to the dead letters already, by this process: once each, not once a connection. */
    private final Set<Long> reportedTooLarge = ConcurrentHashMap.newKeySet();
    private final PublishWindow window = new PublishWindow();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean scanNeeded = true;
    private long lastMarkNanos = System.nanoTime();
    private final AtomicInteger awaitingMark = new AtomicInteger();

    public OutboxRelay(AlertStore store, Publisher publisher, Topics topics, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
    }

    public OutboxRelay start() {
        publisher.onConnected(() -> {
            retryTooLarge();
            scan();
        });
        executor.scheduleWithFixedDelay(() -> {
            markAcknowledged(true);
            scan();
        }, 2, 2, TimeUnit.SECONDS);
        kick();
        return this;
    }

    /** Takes rows the worker has just committed, in commit order, and publishes them soon. */
    public void offer(List<OutboxEntry> committed) {
        for (OutboxEntry e : committed) {
            if (known.add(e.seq())) {
                fresh.add(e);
            }
        }
        kick();
    }

    /** Asks for a look at the database for rows not sent yet (after a restart, an outage, a failed publish). */
    public void scan() {
        scanNeeded = true;
        kick();
    }

    /** Rows awaiting publication or the broker's acknowledgement (a gauge). */
    public int pending() {
        return known.size();
    }

    private void kick() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        markAcknowledged(false);
        if (!publisher.isConnected()) {
            dropFresh();
            return;
        }
        window.limit(publisher.window());
        try {
            int published = 0;
            OutboxEntry entry;
            while ((entry = fresh.poll()) != null) {
                if (!publish(entry)) {
                    dropFresh();
                    return;
                }
                if (++published % 200 == 0) {
                    markAcknowledged(false);
                }
            }
            if (scanNeeded) {
                scanNeeded = false;
                int limit = SCAN_BATCH + known.size();
                List<OutboxEntry> rows = store.unsent(limit);
                int found = 0;
                for (OutboxEntry row : rows) {
                    if (!known.add(row.seq())) {
                        continue;
                    }
                    found++;
                    if (!publish(row)) {
                        return;
                    }
                }
                if (found > 0) {
                    LOG.debug("outbox rows published from the database count={}", found);
                }
                if (found > 0 && rows.size() >= limit) {
                    scanNeeded = true; // there may be more
                }
            }
        } catch (SQLException e) {
            scanNeeded = true;
            LOG.warn("outbox read failed, will retry reason={}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            markAcknowledged(false);
            if (!fresh.isEmpty() || scanNeeded && publisher.isConnected()) {
                kick();
            }
        }
    }

    /**
     * Publishes one row within the window, waiting for room as long as the connection is up (a broker busy with a
     * flood acknowledges slowly, and giving up would only make the rows come back through the slower scans); false
     * when the connection is lost meanwhile.
     */
    private boolean publish(OutboxEntry entry) throws InterruptedException {
        while (!window.acquire(WINDOW_WAIT_MS)) {
            if (!publisher.isConnected()) {
                known.remove(entry.seq());
                scanNeeded = true;
                return false;
            }
        }
        publisher.publish(entry.topic(), entry.payload()).whenComplete((ok, error) -> {
            window.release();
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof MessageTooLargeException tooBig) {
                setAside(entry, tooBig);
            } else if (error != null) {
                known.remove(entry.seq());
                scanNeeded = true;
                LOG.debug("outbox publish failed, will retry seq={} reason={}", entry.seq(), error.toString());
            } else {
                acknowledged.add(entry.seq());
                awaitingMark.incrementAndGet();
            }
        });
        return true;
    }

    /**
     * A row the broker would refuse for its size stays unsent in the database (an operator can still read the alert
     * over HTTP) and is not offered again on this connection; publishing it anyway would only make the broker close
     * the connection every time and hold up every row behind it. Told to the log once per connection, and to the dead
     * letters once, through the outbox like every dead letter (so the notice itself survives a crash); it carries the
     * start of the message (an alert's id comes first).
     */
    private void setAside(OutboxEntry entry, MessageTooLargeException e) {
        if (tooLarge.add(entry.seq())) {
            LOG.error("outbox message larger than the broker accepts, kept unsent until a broker accepts it seq={}"
                    + " topic={} packetBytes={} maximumBytes={}", entry.seq(), entry.topic(), e.packetBytes(),
                    e.maximumBytes());
            byte[] payload = entry.payload().getBytes(StandardCharsets.UTF_8);
            int kept = Math.min(payload.length, DEAD_LETTER_EXCERPT);
            String reason = "outbox message " + entry.seq() + " of " + e.packetBytes()
                    + " bytes exceeds the broker's maximum packet size of " + e.maximumBytes()
                    + " bytes; kept unsent (first " + kept + " bytes here)";
            if (reportedTooLarge.add(entry.seq())) {
                String notice = DeadLetter.json(entry.topic(), reason, clock.instant(), Arrays.copyOf(payload, kept));
                try {
                    offer(store.commit(new AlertStore.Batch(List.of(), List.of(),
                            List.of(new AlertStore.OutboxMessage(topics.deadLetter(), notice)), clock.instant())));
                } catch (SQLException | RuntimeException ex) {
                    reportedTooLarge.remove(entry.seq());
                    LOG.warn("dead letter for an oversized outbox message not stored, tried again later reason={}", ex.toString());
                }
            }
        }
    }

    /** After a (re)connection: rows set aside for their size are tried again under the new broker's limits. */
    private void retryTooLarge() {
        for (Long seq : tooLarge) {
            tooLarge.remove(seq);
            known.remove(seq);
        }
    }

    /** Forgets the handed-over rows; they stay unsent in the database and a later scan finds them. */
    private void dropFresh() {
        OutboxEntry e;
        boolean dropped = false;
        while ((e = fresh.poll()) != null) {
            known.remove(e.seq());
            dropped = true;
        }
        if (dropped) {
            scanNeeded = true;
        }
    }

    /**
     * Marks acknowledged rows sent, many per statement; a row whose mark is lost is sent again (same version). Unless
     * forced, only when {@link #MARK_EVERY_NANOS} has passed or {@link #MARK_AT} are waiting.
     */
    private void markAcknowledged(boolean force) {
        long now = System.nanoTime();
        if (!force && awaitingMark.get() < MARK_AT && now - lastMarkNanos < MARK_EVERY_NANOS) {
            return;
        }
        lastMarkNanos = now;
        List<Long> done = new ArrayList<>();
        Long seq;
        while ((seq = acknowledged.poll()) != null) {
            done.add(seq);
            awaitingMark.decrementAndGet();
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            store.markSent(done);
        } catch (SQLException e) {
            LOG.warn("outbox mark-sent failed, rows will be sent again count={} reason={}", done.size(), e.toString());
        } finally {
            done.forEach(known::remove);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Publishes awaiting the broker's PUBACK: no more than the broker's receive maximum, which the publisher enforces. */
    static final class PublishWindow {
        private int limit = 10;
        private int used;

        synchronized void limit(int newLimit) {
            limit = Math.max(1, newLimit);
            notifyAll();
        }

        synchronized boolean acquire(long waitMs) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (used >= limit) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            used++;
            return true;
        }

        synchronized void release() {
            used = Math.max(0, used - 1);
            notifyAll();
        }
    }
}
