package org.winterwatch.coordinator.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.mqtt.LoginRefusal;
import org.winterwatch.coordinator.mqtt.MessageCallback;
import org.winterwatch.alerts.Topics;

/**
 * On an embedded database there can be only one coordinator per broker: a second one, with a database of its own,
 * would take the first one's MQTT session and fold the same detections into alerts of its own. The active
 * coordinator keeps its retained status fresh ({@link StatusHeartbeat}); a new one that sees a fresh "online" and
 * then a heartbeat refuses to start.
 */
final class SoloGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SoloGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A heartbeat older than this belongs to a coordinator that is gone. */
    static final Duration FRESH = Duration.ofSeconds(3 * StatusHeartbeat.EVERY_S);

    private SoloGuard() {
    }

    static void refuseIfAnotherCoordinatorIsOnline(CoordinatorSettings s) throws StartupException {
        String topic = new Topics(s.topicPrefix()).coordinatorStatus();
        BlockingQueue<JsonNode> statuses = new LinkedBlockingQueue<>();
        MqttAsyncClient probe;
        try {
            probe = new MqttAsyncClient(s.mqttUrl(), "ww-probe-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            return; // the coordinator's own connection reports a bad URL
        }
        try {
            probe.setCallback(new Collect(statuses));
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setConnectionTimeout(5);
            s.mqttSecurity().applyTo(options);
            probe.connect(options).waitForCompletion(6_000);
            probe.subscribe(topic, 1).waitForCompletion(5_000);
            JsonNode retained = statuses.poll(2, TimeUnit.SECONDS);
            if (!fresh(retained) && !announced(retained)) {
                return;
            }
            // fresh, but its owner may have died a moment ago: a live coordinator beats again within EVERY_S. Or the
            // "online" a coordinator says on connecting, without a heartbeat: it races the first heartbeat, which it
            // may follow and hide, so only the next beat tells whether its owner lives
            JsonNode beat = statuses.poll(StatusHeartbeat.EVERY_S + 2, TimeUnit.SECONDS);
            if (beat != null && "online".equals(beat.path("status").asText())) {
                throw new StartupException("another coordinator is active on the broker at " + s.mqttUrl() + " (" + topic
                        + "); an embedded H2 database cannot be shared: run several coordinators on one PostgreSQL (--db-url)", null);
            }
        } catch (MqttException e) {
            Optional<LoginRefusal> refused = LoginRefusal.of(e);
            if (refused.isPresent()) { // the coordinator's own login would be refused alike: say so now, once
                throw new StartupException(refused.get().explain(s.mqttUrl(), s.mqttSecurity().user()), e);
            }
            LOG.debug("coordinator probe could not look at the broker reason={}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (probe.isConnected()) {
                    probe.disconnect().waitForCompletion(2_000);
                }
                probe.close(true);
            } catch (MqttException e) {
                LOG.debug("coordinator probe close reason={}", e.toString());
            }
        }
    }

    private static boolean announced(JsonNode status) {
        return status != null && "online".equals(status.path("status").asText()) && !status.has("heartbeatAt");
    }

    private static boolean fresh(JsonNode status) {
        if (status == null || !"online".equals(status.path("status").asText())) {
            return false;
        }
        try {
            Instant beat = Instant.parse(status.path("heartbeatAt").asText());
            return Duration.between(beat, Clock.systemUTC().instant()).abs().compareTo(FRESH) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Keeps every status message that arrives. */
    private static final class Collect extends MessageCallback {
        private final BlockingQueue<JsonNode> statuses;

        Collect(BlockingQueue<JsonNode> statuses) {
            this.statuses = statuses;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                statuses.add(JSON.readTree(message.getPayload()));
            } catch (IOException e) {
                LOG.debug("unreadable coordinator status ignored");
            }
        }
    }
}
