package org.winterwatch.drone;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The coordinator's way to one drone: connect, hand over a route, arm, start, pause, bring it home,
 * and watch its state. Every call is asynchronous and never blocks the caller; a failed stage
 * carries a {@link DroneLinkException} with its {@link DroneLinkException.Reason}.
 */
public interface DroneLink extends AutoCloseable {

    String droneId();

    /** Completes once the link reports connected and the drone has a position and a home. */
    CompletionStage<Void> connect(Duration timeout);

    /** Uploads the route as the drone's mission (return to launch after it) and verifies it by download. */
    CompletionStage<Void> uploadMission(List<RoutePoint> route);

    /**
     * Replaces the vehicle's geofence with these exclusion polygons (MAVSDK's Geofence plugin), so that the autopilot
     * itself keeps out of them; an empty list clears it. Sent before each mission.
     */
    CompletionStage<Void> uploadNoFlyZones(List<List<GeoPoint>> zones);

    CompletionStage<Void> arm();

    CompletionStage<Void> startMission();

    CompletionStage<Void> returnToLaunch();

    CompletionStage<Void> pauseMission();

    /** The latest snapshot (never null). */
    DroneState state();

    /** Called with new state on telemetry updates, at most 5 times a second per drone. */
    void onState(Consumer<DroneState> listener);

    @Override
    void close();
}
