package org.winterwatch.coordinator.app;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.winterwatch.coordinator.mqtt.MqttBridge;

/**
 * Keeps the active coordinator's retained {@code coordinator/status} "online" fresh: every {@link #EVERY_S} seconds
 * it is published again with {@code heartbeatAt} in wall-clock time, so that a stale "online" left by a broker that
 * crashed with it can be told from a live coordinator (see {@link SoloGuard}).
 */
final class StatusHeartbeat implements AutoCloseable {

    static final long EVERY_S = 10;

    private final ScheduledExecutorService timer = Timers.single("ww-status-heartbeat");

    StatusHeartbeat(MqttBridge bridge, Clock clock) {
        Clock wall = Clock.systemUTC();
        timer.scheduleWithFixedDelay(() -> {
            if (bridge.isConnected()) {
                bridge.publish(bridge.topics().coordinatorStatus(), "{\"status\":\"online\",\"at\":\"" + clock.instant()
                        + "\",\"heartbeatAt\":\"" + wall.instant() + "\"}", 1, true);
            }
        }, 0, EVERY_S, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
