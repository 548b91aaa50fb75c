package org.winterwatch.coordinator.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;

/**
 * The coordinator's one MQTT 5 connection: inbound detections, tips and acks; outbound alerts and status.
 *
 * <p>Inbound messages are acknowledged by hand, only after the handler has stored them (RELIABILITY.md): a
 * handler that cannot store leaves the message unacknowledged, and the broker redelivers it after a reconnect.
 * The session outlives a disconnect (clean start off, one day expiry) so nothing sent meanwhile is dropped by a
 * broker that keeps it. The connection is made again after every loss, whatever the broker remembers
 * ({@link BrokerSession}); a publish awaiting its acknowledgement when the connection drops fails, and the outbox
 * sends it again.
 */
public final class MqttBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final long SESSION_EXPIRY_S = 24 * 3600;
    /** Unacknowledged QoS 1 messages the broker may send us at once: the batch size the worker can use. */
    private static final int RECEIVE_MAXIMUM = 10_000;
    private static final int MAX_PUBLISH_WINDOW = 1000;

    /**
     * Takes one inbound message and calls {@code ack} once its effect is stored; a message never acknowledged is
     * redelivered by the broker after a reconnect. Must not throw.
     */
    @FunctionalInterface
    public interface InboundHandler {
        void handle(String topic, byte[] payload, Runnable ack);
    }

    private final BrokerSession session;
    private final String brokerUrl;
    private final Topics topics;
    private final Clock clock;
    private final MqttSecurity security;
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    /** No subscriptions, and nothing acknowledged, until {@link #handle} says who takes what. */
    private volatile InboundRoutes routes = new InboundRoutes(Map.of(), (topic, payload, ack) ->
            LOG.debug("inbound message before any handler, left unacknowledged topic={}", topic));

    /** An anonymous bridge over plain TCP (the embedded broker); see {@link #MqttBridge(String, String, MqttSecurity, Topics, Clock)}. */
    public MqttBridge(String brokerUrl, String clientId, Topics topics, Clock clock) throws MqttException {
        this(brokerUrl, clientId, MqttSecurity.NONE, topics, clock);
    }

    /**
     * A bridge that subscribes to nothing until {@link #handle} is called; connects on {@link #connect}, logging in
     * and securing the connection as {@code security} says.
     */
    public MqttBridge(String brokerUrl, String clientId, MqttSecurity security, Topics topics, Clock clock)
            throws MqttException {
        this.brokerUrl = brokerUrl;
        this.topics = topics;
        this.clock = clock;
        this.security = security;
        this.session = new BrokerSession(brokerUrl, clientId, security.user(), this::options, () -> routes,
                this::announceOnline);
    }

    /**
     * Says which handler takes which topic filter ({@link Topics}); called before {@link #connect}, since the
     * subscriptions are made on connecting.
     *
     * @param unrouted takes a message on a topic that none of {@code handlers} takes: the coordinator dead-letters
     *                 it durably, through the outbox, and acknowledges it after the commit
     */
    public void handle(Map<String, InboundHandler> handlers, InboundHandler unrouted) {
        routes = new InboundRoutes(handlers, unrouted);
    }

    public Topics topics() {
        return topics;
    }

    /** Runs {@code action} after every (re)connection, once subscriptions are in place. */
    public void onConnected(Runnable action) {
        onConnected.add(action);
    }

    /**
     * Connects, subscribes and announces the coordinator online; completes when the subscriptions are in place, or
     * fails if this first attempt fails. Every later loss of the connection is followed by new attempts, 0.5 s to 4 s
     * apart, until {@link #close}.
     */
    public CompletableFuture<Void> connect() {
        return session.start();
    }

    /**
     * How many outbox publishes may await the broker's acknowledgement at once: the receive maximum of the current
     * connection (at most 1,000), less two for status messages and dead letters published beside them.
     */
    public int publishWindow() {
        return Math.max(1, Math.min(MAX_PUBLISH_WINDOW, session.limits().receiveMaximum() - 2));
    }

    /** Connected and subscribed: inbound messages flow and publishes can be sent. */
    public boolean isConnected() {
        return session.isReady();
    }

    /**
     * Publishes and completes when the broker acknowledged (QoS 1) or sent (QoS 0) the message. Fails at once when not
     * connected, when the broker's receive maximum is reached, or with {@link org.winterwatch.alerts.MessageTooLargeException} when the
     * packet would exceed the broker's maximum packet size; fails when the connection is lost before the broker
     * acknowledged.
     */
    public CompletableFuture<Void> publish(String topic, String payload, int qos, boolean retained) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        message.setRetained(retained);
        return session.publish(topic, message);
    }

    /** Why the broker refused the latest login, while it refuses it (health shows it beside the broker). */
    public Optional<LoginRefusal> loginRefusal() {
        return session.refusal();
    }

    @Override
    public void close() {
        if (session.isReady()) {
            try {
                publish(topics.coordinatorStatus(), status("offline"), 1, true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("offline status not sent reason={}", e.toString());
            }
        }
        session.close();
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_S);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(15);
        options.setConnectionTimeout(10);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        if (BufferedSocketFactory.serves(brokerUrl)) {
            options.setSocketFactory(new BufferedSocketFactory());
        }
        security.applyTo(options);
        MqttMessage will = new MqttMessage(status("offline").getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(topics.coordinatorStatus(), will);
        return options;
    }

    private void announceOnline() {
        publish(topics.coordinatorStatus(), status("online"), 1, true).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.debug("online status not sent reason={}", e.toString());
            }
        });
        for (Runnable action : onConnected) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("on-connect action failed", e);
            }
        }
    }

    private String status(String status) {
        return "{\"status\":\"" + status + "\",\"at\":\"" + clock.instant() + "\"}";
    }
}
