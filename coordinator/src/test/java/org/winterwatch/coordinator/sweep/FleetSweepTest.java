package org.winterwatch.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.coordinator.app.Timers;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.MavsdkDroneLink;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;
import org.winterwatch.missions.sweep.JdbcSweepRepository;
import org.winterwatch.missions.sweep.Transition;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;
import org.winterwatch.simulator.SimulatorConfig.DroneBase;
import org.winterwatch.simulator.world.FailureKind;

/**
 * Sweeps in {@code serve} with a fleet file: the routing solver shares the sites among drones at several bases, off
 * the runner's thread, and a drone must stand at its base to be planned from it. Simulated drones through the real
 * MAVSDK gRPC API, each standing at its base.
 */
class FleetSweepTest {

    private static final SiteLayer LAYER = SiteLayers.demoLayer();
    private static final double SPEEDUP = 40;
    /** Slow enough that ten simulated seconds are many 100 ms runner ticks and 200 ms drone states. */
    private static final double TIMING_SPEEDUP = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** About 2.2 km north and 2 km south of the demo launch point, on the river's west bank. */
    private static final Base NORTH = new Base("north", new LatLon(40.1100, 113.3360));
    private static final Base SOUTH = new Base("south", new LatLon(40.0720, 113.3360));

    @TempDir
    Path dataDir;

    private SweepTestKit kit;
    private final List<DroneLink> links = new ArrayList<>();
    private Simulator simulator;
    private SimClock clock;
    private double speedup = SPEEDUP;
    private JdbcSweepRepository repository;

    @BeforeEach
    void startDatabase() {
        kit = new SweepTestKit(dataDir);
        repository = kit.repository();
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
    }

    @Test
    void eachSiteGoesToTheDroneOfTheNearerBaseAndEachDroneFliesFromItsOwn() throws Exception {
        dronesAt(List.of(new DroneBase("north-1", NORTH.position()), new DroneBase("south-1", SOUTH.position())));
        Fleet fleet = new Fleet(List.of(NORTH, SOUTH), List.of(new FleetDrone("north-1", "north", 25, 10),
                new FleetDrone("south-1", "south", 25, 10)), 0.2, 5);
        SweepRunner runner = runner(fleet, Executors.newSingleThreadExecutor());

        // two sites at each end of the layer, listed mixed
        String id = launch(runner, new SweepRequest(List.of("br-05", "br-01", "cv-03", "cv-01"), null, null));

        JsonNode sweep = json(runner, id);
        assertThat(droneOf(sweep, "br-05")).isEqualTo("north-1");
        assertThat(droneOf(sweep, "cv-03")).isEqualTo("north-1");
        assertThat(droneOf(sweep, "br-01")).isEqualTo("south-1");
        assertThat(droneOf(sweep, "cv-01")).isEqualTo("south-1");
        // both take off, each from its own base, with its own sites on board
        JsonNode flying = await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> json(runner, id),
                s -> s.path("sorties").size() == 2 && s.path("state").asText().equals("flying"));
        for (JsonNode sortie : flying.path("sorties")) {
            String drone = sortie.path("droneId").asText();
            assertThat(sortie.path("siteIds")).extracting(JsonNode::asText).as(drone)
                    .containsExactlyInAnyOrderElementsOf(drone.equals("north-1") ? List.of("br-05", "cv-03")
                            : List.of("br-01", "cv-01"));
        }
        runner.abort(id, "test").get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDroneThatStandsAwayFromItsBaseIsRefusedWithHowFarAndWhichBase() throws Exception {
        dronesAt(List.of(new DroneBase("north-1", NORTH.position()), new DroneBase("south-1", SOUTH.position())));
        // the file puts both at the north base: south-1 stands some 4 km away from it
        Fleet fleet = new Fleet(List.of(NORTH), List.of(new FleetDrone("north-1", "north", 25, 10),
                new FleetDrone("south-1", "north", 25, 10)), 0.2, 5);
        SweepRunner runner = runner(fleet, Executors.newSingleThreadExecutor());

        SweepAnswer named = runner.launch(new SweepRequest(List.of("br-01"), List.of("south-1"), null), "test")
                .get(10, TimeUnit.SECONDS);

        assertThat(named).isInstanceOfSatisfying(SweepAnswer.Refused.class, r -> {
            assertThat(r.why()).isEqualTo(SweepAnswer.Why.CONFLICT);
            assertThat(r.error()).matches("drone south-1: stands 4[0-9]{3} m from its base 'north' in the fleet file.*");
        });
        // left to choose, the sweep takes the drone that stands at its base
        String id = launch(runner, new SweepRequest(List.of("br-01"), null, null));
        assertThat(json(runner, id).path("droneIds")).extracting(JsonNode::asText).containsExactly("north-1");
        runner.abort(id, "test").get(10, TimeUnit.SECONDS);
    }

    @Test
    void whileTheSolverSharesOneSweepADroneOfAnotherThatLosesItsLinkDropsOutOnTime() throws Exception {
        speedup = TIMING_SPEEDUP;
        dronesAt(List.of(new DroneBase("drone-1", NORTH.position()), new DroneBase("drone-2", NORTH.position())));
        Fleet fleet = new Fleet(List.of(NORTH), List.of(new FleetDrone("drone-1", "north", 25, 10),
                new FleetDrone("drone-2", "north", 25, 10)), 0.2, 5);
        GatedExecutor solver = new GatedExecutor();
        SweepRunner runner = runner(fleet, solver);
        String first = launch(runner, new SweepRequest(List.of("br-05"), List.of("drone-1"), null));

        solver.close();
        CompletableFuture<SweepAnswer> second = runner.launch(new SweepRequest(List.of("cv-03"), List.of("drone-2"), null),
                "test");
        await().atMost(WAIT).until(() -> solver.waiting() == 1);
        // drone-2 is held for the sweep being planned: nothing else may take it meanwhile
        assertThat(runner.launch(new SweepRequest(List.of("ab-03"), List.of("drone-2"), null), "test")
                .get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(SweepAnswer.Refused.class,
                r -> assertThat(r.error()).startsWith("drone drone-2: busy with sweep s-"));
        Instant lost = clock.now();
        simulator.inject(0, FailureKind.LINK_LOSS, Duration.ofHours(2));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> json(runner, first),
                s -> s.path("droppedDroneIds").toString().contains("drone-1"));
        assertThat(second).as("the solver is still held").isNotDone();
        Transition dropped = repository.transitions(first).stream().filter(t -> t.subject().equals("drone drone-1"))
                .findFirst().orElseThrow();
        assertThat(dropped.reason()).startsWith("link lost for");
        Instant droppedAt = dropped.at();
        System.out.printf("fleet sweep: drone-1 dropped %.1f simulated s after its link went, a solve under way%n",
                Duration.between(lost, droppedAt).toMillis() / 1000.0);
        assertThat(Duration.between(lost, droppedAt)).as("3 s of silence, then the next drone states and ticks")
                .isLessThanOrEqualTo(Duration.ofSeconds(10));

        solver.open();
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(SweepAnswer.Done.class);
    }

    /** One simulator, each drone under its own id at its own base, as {@code simulate --fleet} places them. */
    private void dronesAt(List<DroneBase> bases) throws Exception {
        clock = SimClock.startingAt(Instant.parse("2025-01-10T22:00:00Z"), speedup);
        SimulatorConfig config = new SimulatorConfig(1, 0, SimulatorConfig.DEMO_HOME, speedup, null, null, List.of(), 5, 7, 10)
                .withBases(bases);
        simulator = kit.keep(Simulator.start(config, clock));
        for (int i = 0; i < bases.size(); i++) {
            links.add(new MavsdkDroneLink(simulator.droneId(i), "127.0.0.1", simulator.grpcPort(i), clock.asClock()));
        }
    }

    private SweepRunner runner(Fleet fleet, ExecutorService solver) throws Exception {
        FleetSupervisor supervisor = kit.connect(links, LAYER, InspectionSettings.defaults());
        // a drone out of touch for 3 simulated seconds drops out
        SweepSettings settings = SweepSettings.defaults().withFleet(fleet).withSolverTime(Duration.ofSeconds(2))
                .withLinkTimeout(Duration.ofSeconds(3));
        return kit.keep(new SweepRunner(repository, supervisor, LAYER, settings, () -> 5.0, clock.asClock(),
                Timers.single("test-sweeps"), solver).start());
    }

    private static String launch(SweepRunner runner, SweepRequest request) throws Exception {
        return SweepTestKit.launch(runner, request, Duration.ofSeconds(30));
    }

    private static JsonNode json(SweepRunner runner, String id) throws Exception {
        return SweepTestKit.json(runner, id);
    }

    private static String droneOf(JsonNode sweep, String siteId) {
        return SweepTestKit.siteNode(sweep, siteId).path("droneId").asText();
    }

    /** A solver thread whose work waits while the gate is closed, to hold a solve under way as long as a test needs. */
    private static final class GatedExecutor extends java.util.concurrent.AbstractExecutorService {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final AtomicInteger waiting = new AtomicInteger();

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        int waiting() {
            return waiting.get();
        }

        @Override
        public void execute(Runnable task) {
            CountDownLatch current = gate;
            thread.execute(() -> {
                waiting.incrementAndGet();
                try {
                    current.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    waiting.decrementAndGet();
                }
                task.run();
            });
        }

        @Override
        public void shutdown() {
            open();
            thread.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            open();
            return thread.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return thread.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return thread.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return thread.awaitTermination(timeout, unit);
        }
    }
}
