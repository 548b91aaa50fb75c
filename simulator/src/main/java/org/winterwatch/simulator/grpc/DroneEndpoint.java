package org.winterwatch.simulator.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.world.Autopilot;

/**
 * One simulated drone's MAVSDK gRPC server (Core, Info, Telemetry, Mission, MissionRaw, Action, Geofence), as a
 * {@code mavsdk_server} next to a real autopilot would serve them. Binds to the loopback interface:
 * an open mission upload port is not something to expose by default.
 */
public final class DroneEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DroneEndpoint.class);

    private final SimDrone drone;
    private final TelemetryFanout fanout;
    private final Server server;

    private DroneEndpoint(SimDrone drone, TelemetryFanout fanout, Server server) {
        this.drone = drone;
        this.fanout = fanout;
        this.server = server;
    }

    /** Starts serving a PX4-like drone on {@code port} (0 = an ephemeral port). */
    public static DroneEndpoint start(SimDrone drone, int port) throws IOException {
        return start(drone, port, Autopilot.PX4, 1);
    }

    /**
     * Starts serving on {@code port} (0 = an ephemeral port), behaving like {@code autopilot}; Info reports
     * {@code speedFactor} as the simulation's speed factor.
     */
    public static DroneEndpoint start(SimDrone drone, int port, Autopilot autopilot, double speedFactor) throws IOException {
        TelemetryFanout fanout = new TelemetryFanout(drone::snapshot);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(new CoreService(fanout))
                .addService(new InfoService(drone, autopilot, speedFactor))
                .addService(new TelemetryService(fanout))
                .addService(new MissionService(drone, fanout, autopilot))
                .addService(new MissionRawService(drone, fanout, autopilot))
                .addService(new ActionService(drone))
                .addService(new GeofenceService(drone));
        Server server = builder.build().start();
        LOG.debug("serving MAVSDK gRPC droneId={} port={}", drone.droneId(), server.getPort());
        return new DroneEndpoint(drone, fanout, server);
    }

    public int port() {
        return server.getPort();
    }

    public SimDrone drone() {
        return drone;
    }

    /** Sends the latest state on every open stream that needs it (called a few times per real second). */
    public void pushTelemetry() {
        fanout.push();
    }

    /** Ends all streams, then stops the server. */
    @Override
    public void close() {
        fanout.completeAll();
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
