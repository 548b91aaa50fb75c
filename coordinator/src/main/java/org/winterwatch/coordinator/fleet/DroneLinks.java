package org.winterwatch.coordinator.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.winterwatch.coordinator.app.Timers;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.GeoPoint;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.MavsdkDroneLink;
import org.winterwatch.drone.RoutePoint;

/**
 * Opens the coordinator's drone links: a MAVSDK link straight to each gRPC endpoint, and for each drone
 * given by its MAVLink address a supervised {@code mavsdk_server} ({@link MavsdkServerProcess}) with a link
 * to it. Closing such a link stops its server.
 */
public final class DroneLinks {

    private DroneLinks() {
    }

    /**
     * Links for the configured drones; mavsdk_server settings from the environment, logs under
     * {@code $WW_DATA_DIR/logs} ({@code ./data/logs} by default).
     */
    public static List<DroneLink> open(List<DroneEndpoint> drones, Clock clock) {
        Path dataDir = Path.of(System.getenv().getOrDefault("WW_DATA_DIR", "./data"));
        return open(drones, clock, MavsdkServerSettings.fromEnvironment(System.getenv(), dataDir));
    }

    public static List<DroneLink> open(List<DroneEndpoint> drones, Clock clock, MavsdkServerSettings settings) {
        List<DroneLink> links = new ArrayList<>();
        for (DroneEndpoint d : drones) {
            if (d.needsMavsdkServer()) {
                ScheduledExecutorService timer = Timers.single("ww-mavsdk-server-" + d.droneId());
                MavsdkServerProcess server = new MavsdkServerProcess(d.droneId(), d.mavlinkUrl(), d.port(), settings, timer);
                server.start();
                links.add(new Supervised(new MavsdkDroneLink(d.droneId(), "127.0.0.1", server.grpcPort(), clock), server, timer));
            } else {
                links.add(new MavsdkDroneLink(d.droneId(), d.host(), d.port(), clock));
            }
        }
        return links;
    }

    /** A link to a mavsdk_server the coordinator runs itself; closing it stops the server. */
    public static final class Supervised implements DroneLink {
        private final MavsdkDroneLink link;
        private final MavsdkServerProcess server;
        private final ScheduledExecutorService timer;

        Supervised(MavsdkDroneLink link, MavsdkServerProcess server, ScheduledExecutorService timer) {
            this.link = link;
            this.server = server;
            this.timer = timer;
        }

        public MavsdkServerProcess.Status serverStatus() {
            return server.status();
        }

        public MavsdkDroneLink link() {
            return link;
        }

        @Override
        public String droneId() {
            return link.droneId();
        }

        @Override
        public CompletionStage<Void> connect(Duration timeout) {
            return link.connect(timeout);
        }

        @Override
        public CompletionStage<Void> uploadMission(List<RoutePoint> route) {
            return link.uploadMission(route);
        }

        @Override
        public CompletionStage<Void> uploadNoFlyZones(List<List<GeoPoint>> zones) {
            return link.uploadNoFlyZones(zones);
        }

        @Override
        public CompletionStage<Void> arm() {
            return link.arm();
        }

        @Override
        public CompletionStage<Void> startMission() {
            return link.startMission();
        }

        @Override
        public CompletionStage<Void> returnToLaunch() {
            return link.returnToLaunch();
        }

        @Override
        public CompletionStage<Void> pauseMission() {
            return link.pauseMission();
        }

        @Override
        public DroneState state() {
            return link.state();
        }

        @Override
        public void onState(Consumer<DroneState> listener) {
            link.onState(listener);
        }

        @Override
        public void close() {
            link.close();
            server.close();
            timer.shutdownNow();
        }
    }
}
