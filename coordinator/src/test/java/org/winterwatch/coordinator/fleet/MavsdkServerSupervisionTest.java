package org.winterwatch.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.MissionPath;
import org.winterwatch.drone.RoutePoint;

/**
 * Supervision of one {@code mavsdk_server} per drone given by its MAVLink address. No mavsdk_server binary
 * can be installed on this project's machines, so the supervised "server" is {@code winterwatch simulate
 * --drones 1} in its own JVM: a process that serves MAVSDK gRPC on the port it is told, as mavsdk_server
 * does with {@code -p}.
 */
class MavsdkServerSupervisionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        timer.shutdownNow();
    }

    /** The simulator's command line standing in for {@code mavsdk_server -p {grpcPort} {url}}. */
    private MavsdkServerSettings simulateAsMavsdkServer() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new MavsdkServerSettings(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.winterwatch.coordinator.cli.WinterWatchCli", "simulate", "--drones", "1", "--speedup", "10",
                "--grpc-base-port", "{grpcPort}"), dir, Duration.ofSeconds(40), Duration.ofMillis(250), Duration.ofSeconds(4));
    }

    @Test
    void aUdpDroneFlagParsesAsAMavlinkAddressNeedingItsOwnServer() {
        DroneEndpoint udp = DroneEndpoint.parse("drone-7=udp://:14547");
        DroneEndpoint grpc = DroneEndpoint.parse("drone-1=127.0.0.1:50051");

        assertThat(udp.needsMavsdkServer()).isTrue();
        assertThat(udp.mavlinkUrl()).isEqualTo("udp://:14547");
        assertThat(udp.port()).isZero();
        assertThat(grpc.needsMavsdkServer()).isFalse();
        assertThat(grpc.port()).isEqualTo(50051);
        assertThat(new MavsdkServerSettings(List.of("mavsdk_server", "-p", "{grpcPort}", "{url}"), dir, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1)).commandFor("drone-7", "udp://:14547", 50100))
                .containsExactly("mavsdk_server", "-p", "50100", "udp://:14547");
    }

    @Test
    void theSupervisedServerIsStartedCheckedRestartedAfterItDiesAndLogged() throws Exception {
        MavsdkServerProcess server = new MavsdkServerProcess("drone-1", "udp://:14541", 0, simulateAsMavsdkServer(), timer);
        opened.add(server);

        server.start();
        await().atMost(WAIT).until(() -> server.status().healthy());
        long firstPid = server.status().pid();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

        await().atMost(WAIT).until(() -> server.status().healthy() && server.status().pid() != firstPid);
        assertThat(server.status().starts()).isEqualTo(2);
        assertThat(server.status().restarts()).isEqualTo(1);
        assertThat(Files.readString(server.logFile())).contains("supervisor: starting").contains("drone-1: MAVSDK gRPC on 127.0.0.1:" + server.grpcPort());
    }

    @Test
    void aDroneGivenByItsMavlinkAddressIsFlownThroughItsSupervisedServer() {
        List<DroneLink> links = DroneLinks.open(List.of(DroneEndpoint.parse("drone-1=udp://:14541")), Clock.systemUTC(),
                simulateAsMavsdkServer());
        opened.addAll(links);
        DroneLinks.Supervised link = (DroneLinks.Supervised) links.get(0);

        assertThat(link.connect(WAIT).toCompletableFuture()).succeedsWithin(WAIT);
        assertThat(link.serverStatus().healthy()).isTrue();
        List<RoutePoint> route = List.of(new RoutePoint(40.0910, 113.3345, 30, 10, true),
                new RoutePoint(40.0915, 113.3350, 30, 10, false));
        assertThat(link.uploadMission(route).thenCompose(v -> link.arm()).thenCompose(v -> link.startMission())
                .toCompletableFuture()).succeedsWithin(WAIT);
        await().atMost(WAIT).until(() -> link.state().missionFinished() && !link.state().inAir() && !link.state().armed());
        assertThat(link.link().missionPath()).isEqualTo(MissionPath.MISSION);

        link.close();
        assertThat(link.serverStatus().running()).isFalse();
    }

    @Test
    void aMissingBinaryIsReportedAndRetriedWithBackOff() {
        MavsdkServerSettings missing = new MavsdkServerSettings(List.of(dir.resolve("no-such-mavsdk_server").toString(), "-p",
                "{grpcPort}", "{url}"), dir, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(2));
        MavsdkServerProcess server = new MavsdkServerProcess("drone-2", "udp://:14542", 0, missing, timer);
        opened.add(server);

        server.start();

        await().atMost(WAIT).until(() -> server.status().restarts() >= 2);
        assertThat(server.status().lastError()).contains("cannot start").contains(MavsdkServerSettings.PATH_VARIABLE);
        assertThat(server.status().running()).isFalse();
    }
}
