package org.winterwatch.coordinator.mqtt;

import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;

/** Which handler takes a message on which topic; a message no handler takes goes to the one for unrouted messages. */
final class InboundRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRoutes.class);

    private final Map<String, MqttBridge.InboundHandler> handlers;
    private final MqttBridge.InboundHandler unrouted;

    /**
     * {@code handlers} by topic filter ({@link Topics}): an exact topic or one ending in
     * {@code /+}; a message on a topic none of them takes goes to {@code unrouted} (which dead-letters it).
     */
    InboundRoutes(Map<String, MqttBridge.InboundHandler> handlers, MqttBridge.InboundHandler unrouted) {
        this.handlers = Map.copyOf(handlers);
        this.unrouted = unrouted;
    }

    /** One QoS 1 subscription per handler. */
    MqttSubscription[] subscriptions() {
        return handlers.keySet().stream()
                .map(filter -> new MqttSubscription(filter, 1))
                .toArray(MqttSubscription[]::new);
    }

    /** Hands a message to its handler, which calls {@code ack} once it is stored. Never throws. */
    void deliver(String topic, byte[] payload, Runnable ack) {
        try {
            MqttBridge.InboundHandler handler = handlerFor(topic);
            (handler == null ? unrouted : handler).handle(topic, payload, ack);
        } catch (RuntimeException e) {
            LOG.error("inbound handler failed topic={}", topic, e);
        }
    }

    MqttBridge.InboundHandler handlerFor(String topic) {
        for (Map.Entry<String, MqttBridge.InboundHandler> e : handlers.entrySet()) {
            if (Topics.matches(e.getKey(), topic)) {
                return e.getValue();
            }
        }
        return null;
    }
}
