package org.winterwatch.coordinator.mqtt;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login to the broker and straight out again, before clients that would otherwise retry in the background start:
 * a refused login then stops the command at once with one clear line.
 */
public final class BrokerLogin {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLogin.class);
    private static final int TIMEOUT_S = 5;

    private BrokerLogin() {
    }

    /**
     * Logs in and out once. Empty when the login was accepted or the broker could not be reached (clients that retry
     * will say so); the refusal when the broker refused it.
     */
    public static Optional<LoginRefusal> refusal(String brokerUrl, MqttSecurity security) {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUrl, "ww-login-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("mqtt-url '" + brokerUrl + "' is not usable: " + e.getMessage(), e);
        }
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setConnectionTimeout(TIMEOUT_S);
            security.applyTo(options);
            client.connect(options).waitForCompletion((TIMEOUT_S + 1) * 1000L);
            client.disconnect().waitForCompletion(2_000);
            return Optional.empty();
        } catch (MqttException e) {
            LOG.debug("mqtt login check failed uri={} reason={}", brokerUrl, e.toString());
            return LoginRefusal.of(e);
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("mqtt login check close reason={}", e.toString());
            }
        }
    }
}
