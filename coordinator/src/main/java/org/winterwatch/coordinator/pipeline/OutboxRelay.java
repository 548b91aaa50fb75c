package org.winterwatch.coordinator.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.store.AlertStore;
import org.winterwatch.coordinator.store.OutboxEntry;

/**
 * Publishes committed outbox rows in order and marks each sent when the broker acknowledges it.
 *
 * <p>Rows survive a broker outage and a coordinator restart: whatever is not marked sent is published again
 * (consumers de-duplicate by alertId + version). Runs on its own thread, woken by new commits, by every
 * reconnection, and every few seconds.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** Publishes awaiting the broker's PUBACK; Paho's MQTT 5 client refuses more than the broker's receive maximum. */
    private static final int PUBLISH_WINDOW = 10;

    private final AlertStore store;
    private final MqttBridge bridge;
    private final Clock wallClock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ww-outbox");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(PUBLISH_WINDOW);
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> acknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OutboxRelay(AlertStore store, MqttBridge bridge, Clock wallClock) {
        this.store = store;
        this.bridge = bridge;
        this.wallClock = wallClock;
    }

    public OutboxRelay start() {
        bridge.onConnected(this::kick);
        executor.scheduleWithFixedDelay(this::kick, 2, 2, TimeUnit.SECONDS);
        kick();
        return this;
    }

    /** Asks for a drain soon; cheap to call often. */
    public void kick() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        markAcknowledged();
        if (!bridge.isConnected()) {
            return;
        }
        try {
            List<OutboxEntry> batch = store.unsent(BATCH + inFlight.size());
            int published = 0;
            for (OutboxEntry entry : batch) {
                if (!inFlight.add(entry.seq())) {
                    continue;
                }
                if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                    inFlight.remove(entry.seq());
                    break;
                }
                published++;
                bridge.publish(entry.topic(), entry.payload(), 1, false).whenComplete((ok, error) -> {
                    window.release();
                    acked(entry, error);
                });
                if (published % 100 == 0) {
                    markAcknowledged();
                }
            }
            if (published > 0) {
                kick();
            }
        } catch (SQLException e) {
            LOG.warn("outbox read failed, will retry reason={}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acked(OutboxEntry entry, Throwable error) {
        if (error != null) {
            inFlight.remove(entry.seq());
            LOG.debug("outbox publish failed, will retry seq={} reason={}", entry.seq(), error.toString());
            return;
        }
        acknowledged.add(entry.seq());
    }

    /** Marks acknowledged rows sent, many per statement; a row whose mark is lost is sent again (same version). */
    private void markAcknowledged() {
        List<Long> done = new java.util.ArrayList<>();
        Long seq;
        while ((seq = acknowledged.poll()) != null) {
            done.add(seq);
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            store.markSent(done, wallClock.instant());
        } catch (SQLException e) {
            LOG.warn("outbox mark-sent failed, rows will be sent again count={} reason={}", done.size(), e.toString());
        } finally {
            inFlight.removeAll(done);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
