package org.winterwatch.benchmarks.alerts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.winterwatch.coordinator.mqtt.BufferedSocketFactory;

/** A QoS 1 publisher that keeps a fixed window of unacknowledged messages (Paho refuses more than the broker allows). */
final class LoadPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final Semaphore window;
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    LoadPublisher(String url, int window) throws Exception {
        client = new MqttAsyncClient(url, "load-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(options(url)).waitForCompletion(10_000);
        this.window = new Semaphore(window);
    }

    /** Connection options of every harness client: the same buffered sockets the coordinator uses. */
    static MqttConnectionOptions options(String url) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (BufferedSocketFactory.serves(url)) {
            o.setSocketFactory(new BufferedSocketFactory());
        }
        return o;
    }

    void publish(String topic, String payload) throws Exception {
        if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
            failed.incrementAndGet();
            return;
        }
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
                acked.incrementAndGet();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                window.release();
                failed.incrementAndGet();
            }
        });
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close(true);
    }
}
