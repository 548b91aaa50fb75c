package org.winterwatch.coordinator.mqtt;

import java.util.concurrent.CompletableFuture;
import org.winterwatch.alerts.Publisher;

/** The alert pipeline's {@link Publisher} over the coordinator's MQTT connection: QoS 1, not retained. */
public final class BridgePublisher implements Publisher {

    private final MqttBridge bridge;

    public BridgePublisher(MqttBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, String payload) {
        return bridge.publish(topic, payload, 1, false);
    }

    @Override
    public boolean isConnected() {
        return bridge.isConnected();
    }

    @Override
    public int window() {
        return bridge.publishWindow();
    }

    @Override
    public void onConnected(Runnable action) {
        bridge.onConnected(action);
    }
}
