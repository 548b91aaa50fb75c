package org.winterwatch.coordinator.mqtt;

import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which handler takes a message on which topic; a message no handler takes goes to the dead letters. */
final class InboundRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRoutes.class);

    /** Where a message that no handler takes is sent, with the reason. */
    @FunctionalInterface
    interface Rejects {
        void reject(String topic, String reason, byte[] payload);
    }

    private final String prefix;
    private final Map<String, MqttBridge.InboundHandler> handlers;
    private final Rejects rejects;

    /** {@code handlers} by topic filter below {@code prefix}: an exact topic or one ending in {@code /+}. */
    InboundRoutes(String prefix, Map<String, MqttBridge.InboundHandler> handlers, Rejects rejects) {
        this.prefix = prefix;
        this.handlers = Map.copyOf(handlers);
        this.rejects = rejects;
    }

    /** One QoS 1 subscription per handler. */
    MqttSubscription[] subscriptions() {
        return handlers.keySet().stream()
                .map(filter -> new MqttSubscription(prefix + "/" + filter, 1))
                .toArray(MqttSubscription[]::new);
    }

    /** Hands a message to its handler, which calls {@code ack} once it is stored. Never throws. */
    void deliver(String topic, byte[] payload, Runnable ack) {
        try {
            MqttBridge.InboundHandler handler = handlerFor(topic);
            if (handler == null) {
                rejects.reject(topic, "no handler for this topic", payload);
                ack.run();
            } else {
                handler.handle(topic, payload, ack);
            }
        } catch (RuntimeException e) {
            LOG.error("inbound handler failed topic={}", topic, e);
        }
    }

    MqttBridge.InboundHandler handlerFor(String topic) {
        String rest = topic.startsWith(prefix + "/") ? topic.substring(prefix.length() + 1) : topic;
        for (Map.Entry<String, MqttBridge.InboundHandler> e : handlers.entrySet()) {
            String filter = e.getKey();
            if (filter.endsWith("/+") ? rest.startsWith(filter.substring(0, filter.length() - 1))
                    && rest.indexOf('/', filter.length() - 1) < 0 : rest.equals(filter)) {
                return e.getValue();
            }
        }
        return null;
    }
}
