package org.winterwatch.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.MavsdkDroneLink;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;

/**
 * Point inspections flown by simulated drones through the real MAVSDK gRPC API, on the demo layer at ×15: what
 * the control room sees of a tip that sends a drone to look.
 *
 * <p>Two launch points 600 m apart, each its own simulator: two drones at the west one, one at the north one.
 */
class InspectionFlightTest {

    /** Slow enough that the 200 ms state updates catch the drone on its 13-second orbit even on a busy machine. */
    private static final double SPEEDUP = 15;
    private static final Duration FLIGHT = Duration.ofSeconds(40);
    private static final LatLon WEST = SimulatorConfig.DEMO_HOME;
    private static final LocalProjection AROUND_WEST = LocalProjection.centredOn(WEST);
    private static final LatLon NORTH = at(0, 600);
    /** 100 m from the north drone, 610 m from the west ones. */
    private static final LatLon TIP_NEAR_NORTH = at(100, 600);
    /** 270 m from the north drone, 360 m from the west ones. */
    private static final LatLon TIP_BETWEEN = at(100, 350);
    /** The middle of the demo layer's no-fly zone nfz-02. */
    private static final LatLon IN_NFZ_02 = new LatLon(40.1000, 113.3420);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Map<String, DroneLink> links = new LinkedHashMap<>();
    private final Map<String, List<DroneState>> tracks = new LinkedHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void tipsSendTheNearestFreeDronesWhichOrbitThePointsAndComeBackFree() throws Exception {
        // given two drones at the west launch point and one at the north one, all on the ground and charged
        simulate("west", WEST, 2);
        simulate("north", NORTH, 1);
        FleetSupervisor fleet = supervise();
        // when two tips come in at once, and one inside a no-fly zone
        InspectionResult first = fleet.inspect("a-1", TIP_NEAR_NORTH.lat(), TIP_NEAR_NORTH.lon());
        InspectionResult second = fleet.inspect("a-2", TIP_BETWEEN.lat(), TIP_BETWEEN.lon());
        InspectionResult forbidden = fleet.inspect("a-3", IN_NFZ_02.lat(), IN_NFZ_02.lon());
        // then the north drone takes the tip next to it, a west drone the other: two drones, both busy
        assertThat(first).isInstanceOfSatisfying(Inspection.class, i -> {
            assertThat(i.droneId()).isEqualTo("north-1");
            assertThat(i.distanceM()).isCloseTo(100, within(3.0));
        });
        assertThat(second).isInstanceOfSatisfying(Inspection.class, i -> {
            assertThat(i.droneId()).isIn("west-1", "west-2");
            assertThat(i.distanceM()).isCloseTo(TIP_BETWEEN.distanceM(WEST), within(3.0));
        });
        assertThat(forbidden).isEqualTo(new InspectionRefusal(InspectionRefusal.Reason.INSIDE_NO_FLY_ZONE,
                "the point is inside no-fly zone nfz-02"));
        Inspection north = (Inspection) first;
        Inspection west = (Inspection) second;
        assertThat(fleet.busyDrones()).containsEntry("north-1", "inspection for alert a-1")
                .containsEntry(west.droneId(), "inspection for alert a-2").hasSize(2);
        assertThat(fleet.inspect("a-1", TIP_NEAR_NORTH.lat(), TIP_NEAR_NORTH.lon())).isSameAs(north);

        north.done().get(FLIGHT.toSeconds(), TimeUnit.SECONDS);
        west.done().get(FLIGHT.toSeconds(), TimeUnit.SECONDS);

        // each flew round its point at the orbit radius, and landed back where it took off
        double radiusM = InspectionSettings.DEFAULT_ORBIT_RADIUS_M;
        assertOrbitedAndLandedBack("north-1", TIP_NEAR_NORTH, NORTH, radiusM);
        assertOrbitedAndLandedBack(west.droneId(), TIP_BETWEEN, WEST, radiusM);
        // and both are free again, counted, and the control room was told
        assertThat(fleet.busyDrones()).isEmpty();
        assertThat(fleet.figures()).containsEntry("inspectionsFlown", 2).containsEntry("sortiesFlown", 2)
                .containsEntry("dronesBusy", 0);
        assertThat(events).contains("no drone sent to look for alert a-3: the point is inside no-fly zone nfz-02")
                .anyMatch(e -> e.startsWith("north-1 inspection for alert a-1 started: 0.1 km to the point"))
                .anyMatch(e -> e.startsWith("north-1 inspection for alert a-1 landed, battery "))
                .anyMatch(e -> e.startsWith(west.droneId() + " inspection for alert a-2 started: 0.4 km to the point"))
                .anyMatch(e -> e.startsWith(west.droneId() + " inspection for alert a-2 landed, battery "));
    }

    private void assertOrbitedAndLandedBack(String droneId, LatLon tip, LatLon launch, double radiusM) {
        List<DroneState> airborne = tracks.get(droneId).stream().filter(DroneState::inAir).toList();
        double closestM = airborne.stream().mapToDouble(s -> position(s).distanceM(tip)).min().orElseThrow();
        // on the orbit, neither short of it nor over the point itself
        assertThat(closestM).as("%s closest to the tip", droneId).isBetween(radiusM - 8, radiusM + 8);
        assertThat(airborne.stream().filter(s -> position(s).distanceM(launch) > 30))
                .as("%s away from launch flies at the inspection altitude", droneId)
                .isNotEmpty().allSatisfy(s -> assertThat(s.relAltitudeM()).isGreaterThan(50));
        DroneState now = links.get(droneId).state();
        assertThat(now.inAir()).isFalse();
        assertThat(now.armed()).isFalse();
        assertThat(position(now).distanceM(launch)).as("%s landed at its launch point", droneId).isLessThan(5);
    }

    private void simulate(String name, LatLon home, int drones) {
        SimulatorConfig config = new SimulatorConfig(drones, 0, home, SPEEDUP, null, null, List.of(), -18, 7, 10);
        SimClock clock = config.clock(Instant.parse("2025-01-10T22:00:00Z"));
        Simulator simulator = Simulator.start(config, clock);
        opened.add(simulator);
        for (int i = 0; i < drones; i++) {
            String id = name + "-" + (i + 1);
            MavsdkDroneLink link = new MavsdkDroneLink(id, "127.0.0.1", simulator.grpcPort(i), clock.asClock());
            List<DroneState> track = new CopyOnWriteArrayList<>();
            link.onState(track::add);
            links.put(id, link);
            tracks.put(id, track);
        }
    }

    /** A supervisor of every simulated drone, inspections on, knowing the demo layer's no-fly zones; connected. */
    private FleetSupervisor supervise() throws Exception {
        FleetSupervisor fleet = new FleetSupervisor(List.copyOf(links.values()), SiteLayers.demoLayer(),
                InspectionSettings.defaults().withEnabled(true));
        opened.add(fleet);
        fleet.onEvent(events::add);
        fleet.connectAll().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.states().stream()
                .allMatch(s -> s.positionKnown() && s.homeSet() && !Double.isNaN(s.batteryPercent())));
        return fleet;
    }

    private int indexOf(String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no event starting with '" + prefix + "' among " + events);
    }

    private static LatLon position(DroneState s) {
        return new LatLon(s.lat(), s.lon());
    }

    private static LatLon at(double eastM, double northM) {
        return AROUND_WEST.toLatLon(new Coordinate(eastM, northM));
    }
}
