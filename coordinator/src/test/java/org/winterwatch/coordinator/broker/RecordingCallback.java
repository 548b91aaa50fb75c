package org.winterwatch.coordinator.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Records "topic payload" lines; Paho v5's subscribe-with-listener overload recurses forever in 1.2.5. */
final class RecordingCallback implements MqttCallback {
    private final List<String> received;

    RecordingCallback(List<String> received) {
        this.received = received;
    }

    @Override public void messageArrived(String topic, MqttMessage message) {
        received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
    }
    @Override public void disconnected(MqttDisconnectResponse response) { }
    @Override public void mqttErrorOccurred(MqttException exception) { }
    @Override public void deliveryComplete(IMqttToken token) { }
    @Override public void connectComplete(boolean reconnect, String serverURI) { }
    @Override public void authPacketArrived(int reasonCode, MqttProperties properties) { }
}
