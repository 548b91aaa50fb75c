package org.winterwatch.coordinator.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.winterwatch.coordinator.fleet.DroneStateJson;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.drone.DroneState;

/**
 * Publishes every drone's state on {@code ww/v1/drones/{droneId}/state} once a second, QoS 0, not retained: place,
 * altitude, battery, mode, link, and its sweep, sortie and sites done of sites assigned (null outside a sweep).
 * A missed message is replaced by the next one, so nothing is queued while the broker is away.
 */
public final class DroneStatePublisher implements AutoCloseable {

    static final long EVERY_MS = 1000;

    private final ScheduledExecutorService timer;

    public DroneStatePublisher(FleetSupervisor fleet, SweepRunner sweeps, MqttBridge bridge,
                               ScheduledExecutorService timer) {
        this.timer = timer;
        timer.scheduleAtFixedRate(() -> {
            if (!bridge.isConnected()) {
                return;
            }
            var progress = sweeps.progress();
            for (DroneState state : fleet.states()) {
                ObjectNode o = DroneStateJson.of(state);
                DroneProgress p = progress.get(state.droneId());
                o.put("sweepId", p == null ? null : p.sweepId());
                if (p == null || p.sortie() == null) {
                    o.putNull("sortie");
                } else {
                    o.put("sortie", p.sortie());
                }
                o.put("sitesDone", p == null ? 0 : p.sitesDone());
                o.put("sitesAssigned", p == null ? 0 : p.sitesAssigned());
                bridge.publish(bridge.topics().droneState(state.droneId()), o.toString(), 0, false);
            }
        }, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
