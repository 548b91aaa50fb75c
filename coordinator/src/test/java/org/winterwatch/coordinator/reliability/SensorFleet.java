package org.winterwatch.coordinator.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.geo.LatLon;

/**
 * Sensors that store and forward, as field sensors must: a detection the broker has not acknowledged is kept and
 * sent again until it is. Places are 200 m apart so that each becomes its own alert.
 */
final class SensorFleet implements AutoCloseable {

    private static final LatLon ORIGIN = new LatLon(40.20, 113.10);

    private final MqttAsyncClient client;
    private final Map<String, String> unacknowledged = new ConcurrentHashMap<>();

    SensorFleet(String brokerUrl) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, "sensors-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        options.setMaxReconnectDelay(2_000);
        client.connect(options).waitForCompletion(10_000);
    }

    static LatLon place(int index) {
        int row = index / 20;
        int col = index % 20;
        return new LatLon(ORIGIN.lat() + row * 0.0018, ORIGIN.lon() + col * 0.0024);
    }

    /** A team's zone over the first {@code places} places, with 0.01° to spare on every side. */
    static TeamZone zoneOver(String team, int places) {
        int rows = (places + 19) / 20;
        double south = ORIGIN.lat() - 0.01;
        double north = ORIGIN.lat() + (rows - 1) * 0.0018 + 0.01;
        double west = ORIGIN.lon() - 0.01;
        double east = ORIGIN.lon() + 19 * 0.0024 + 0.01;
        var f = new GeometryFactory();
        return new TeamZone(team, f.createPolygon(new Coordinate[] {new Coordinate(west, south),
                new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north),
                new Coordinate(west, south)}), null);
    }

    /** The n-th detection: place n % places, from sensor "sensor-{place}". */
    static String[] detection(String runId, int n, int places, Instant observedAt) {
        int placeIndex = n % places;
        LatLon p = place(placeIndex);
        String source = "sensor-" + placeIndex;
        String json = "{\"id\":\"" + runId + "-" + n + "\",\"source\":\"" + source + "\",\"kind\":\"thermal\",\"lat\":"
                + p.lat() + ",\"lon\":" + p.lon() + ",\"observedAt\":\"" + observedAt + "\",\"confidence\":0.9}";
        return new String[] {"ww/v1/detections/" + source, json};
    }

    void send(String topic, String payload) {
        unacknowledged.put(topic + "\n" + payload, topic);
        publish(topic, payload);
    }

    /** Sends again what the broker has not acknowledged; returns how many are still outstanding. */
    int resendOutstanding() {
        if (!client.isConnected()) {
            return unacknowledged.size();
        }
        unacknowledged.forEach((key, topic) -> publish(topic, key.substring(key.indexOf('\n') + 1)));
        return unacknowledged.size();
    }

    int outstanding() {
        return unacknowledged.size();
    }

    private void publish(String topic, String payload) {
        String key = topic + "\n" + payload;
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    unacknowledged.remove(key);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    // kept in unacknowledged: sent again later
                }
            });
        } catch (MqttException e) {
            // not connected or too many in flight: kept, sent again later
        }
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(3_000);
        } catch (MqttException e) {
            // the broker may be gone already
        }
        client.close(true);
    }
}
