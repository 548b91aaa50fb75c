package org.winterwatch.coordinator.pipeline;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.alerts.Alert;
import org.winterwatch.coordinator.alerts.AlertBook;
import org.winterwatch.coordinator.alerts.Detection;
import org.winterwatch.coordinator.alerts.DetectionParser;
import org.winterwatch.coordinator.alerts.InboundRejection;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.store.AlertStore;

/**
 * The detection path: topic to source, validate, store with the alert change (one transaction), then hand the
 * outbox to the relay. Runs on the MQTT client's thread and returns only when the detection is stored.
 */
public final class DetectionIngest implements MqttBridge.InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionIngest.class);

    private final DetectionParser parser;
    private final AlertBook book;
    private final AlertStore store;
    private final MqttBridgeDeadLetters deadLetters;
    private final Runnable outboxKick;
    private final Clock clock;
    private final String prefix;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    /** Where rejected messages go; the bridge in production, a list in tests. */
    @FunctionalInterface
    public interface MqttBridgeDeadLetters {
        void deadLetter(String topic, String reason, byte[] payload);
    }

    public DetectionIngest(DetectionParser parser, AlertBook book, AlertStore store, MqttBridgeDeadLetters deadLetters,
                           Runnable outboxKick, Clock clock, String prefix) {
        this.parser = parser;
        this.book = book;
        this.store = store;
        this.deadLetters = deadLetters;
        this.outboxKick = outboxKick;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** Called with every alert change after it is committed. */
    public void onAlert(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean handle(String topic, byte[] payload) {
        Detection detection;
        try {
            detection = parser.parse(sourceOf(topic), payload);
        } catch (InboundRejection rejection) {
            LOG.info("detection rejected topic={} reason={}", topic, rejection.reason());
            deadLetters.deadLetter(topic, rejection.reason(), payload);
            return true;
        }
        Optional<Alert> changed;
        try {
            changed = record(detection, payload);
        } catch (SQLException e) {
            LOG.error("detection not stored, left for redelivery id={} reason={}", detection.id(), e.toString());
            return false;
        }
        changed.ifPresent(alert -> {
            outboxKick.run();
            listeners.forEach(l -> notifyQuietly(l, alert));
        });
        return true;
    }

    private synchronized Optional<Alert> record(Detection detection, byte[] payload) throws SQLException {
        try {
            return store.recordDetection(detection, new String(payload, StandardCharsets.UTF_8), clock.instant(),
                    d -> book.fold(d, clock.instant()), prefix);
        } catch (SQLException | RuntimeException e) {
            // The book may hold a change that was rolled back: rebuild it from what was committed.
            book.reset(store.alerts(null));
            throw e;
        }
    }

    private static String sourceOf(String topic) {
        int slash = topic.lastIndexOf('/');
        return slash < 0 ? topic : topic.substring(slash + 1);
    }

    private static void notifyQuietly(Consumer<Alert> listener, Alert alert) {
        try {
            listener.accept(alert);
        } catch (RuntimeException e) {
            LOG.warn("alert listener failed alertId={} reason={}", alert.alertId(), e.toString());
        }
    }
}
