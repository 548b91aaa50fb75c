package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

class InboundRoutesTest {

    private final List<String> handled = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final AtomicInteger acks = new AtomicInteger();

    private InboundRoutes routes() {
        Map<String, MqttBridge.InboundHandler> handlers = new LinkedHashMap<>();
        handlers.put("ww/v1/detections/+", (topic, payload, ack) -> handled.add("detection " + topic));
        handlers.put("ww/v1/tips", (topic, payload, ack) -> handled.add("tip " + topic));
        return new InboundRoutes(handlers, (topic, payload, ack) -> rejected.add(topic));
    }

    @Test
    void subscribesToEveryHandlersFilterAtQos1() {
        assertThat(routes().subscriptions()).extracting(MqttSubscription::getTopic, MqttSubscription::getQos)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ww/v1/detections/+", 1),
                        org.assertj.core.groups.Tuple.tuple("ww/v1/tips", 1));
    }

    @Test
    void aSingleLevelWildcardTakesOneLevelOnly() {
        InboundRoutes routes = routes();

        routes.deliver("ww/v1/detections/sensor-1", new byte[0], acks::incrementAndGet);
        routes.deliver("ww/v1/tips", new byte[0], acks::incrementAndGet);
        routes.deliver("ww/v1/detections/sensor-1/extra", new byte[0], acks::incrementAndGet);

        assertThat(handled).containsExactly("detection ww/v1/detections/sensor-1", "tip ww/v1/tips");
        assertThat(rejected).containsExactly("ww/v1/detections/sensor-1/extra");
        assertThat(acks).as("nothing is acknowledged here: handlers, the unrouted one too, ack after storing")
                .hasValue(0);
    }

    @Test
    void aHandlerThatThrowsLeavesTheMessageUnacknowledged() {
        InboundRoutes routes = new InboundRoutes(Map.of("ww/v1/tips", (topic, payload, ack) -> {
            throw new IllegalStateException("database away");
        }), (topic, payload, ack) -> rejected.add(topic));

        routes.deliver("ww/v1/tips", new byte[0], acks::incrementAndGet);

        assertThat(acks).hasValue(0);
        assertThat(rejected).isEmpty();
    }
}
