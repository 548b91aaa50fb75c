package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.teams.TeamSpec;
import org.winterwatch.simulator.world.Autopilot;
import org.winterwatch.simulator.world.FailureKind;
import org.winterwatch.simulator.world.FixedSensorSpec;

/** The documented scenario format (docs/scenario-format.md), read from the files in src/test/resources/scenarios. */
class ScenarioFormatTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScenarioFormatTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void everyDocumentedFieldIsRead() throws Exception {
        Scenario s = Scenario.read(resource("every-feature.json"));

        assertThat(s.seed()).isEqualTo(2025L);
        assertThat(s.ambientTempC()).isEqualTo(-20);
        assertThat(s.world().wind().speedMps()).isEqualTo(6);
        assertThat(s.world().autopilot()).isEqualTo(Autopilot.PX4);
        assertThat(s.people()).extracting(SimPerson::id).containsExactly("p-bridge", "p-late", "p-walker");
        assertThat(s.people().get(0).occlusion()).isEqualTo(0.6);
        assertThat(s.people().get(1).presentAt(100)).isFalse();
        assertThat(s.people().get(1).presentAt(700)).isTrue();
        assertThat(s.people().get(1).presentAt(3000)).isFalse();
        assertThat(s.people().get(2).positionAt(60)).isNotEqualTo(s.people().get(2).positionAt(0));
        assertThat(s.world().sensors()).extracting(FixedSensorSpec::kind)
                .containsExactly(FixedSensorSpec.Kind.MOTION, FixedSensorSpec.Kind.THERMAL);
        assertThat(s.world().decoys()).hasSize(2);
        assertThat(s.world().failures()).extracting(f -> f.kind())
                .containsExactly(FailureKind.LINK_LOSS, FailureKind.GPS_LOSS, FailureKind.BATTERY_FAULT, FailureKind.TELEMETRY_STALL);
        assertThat(s.people().get(0).needs()).isEqualTo(new PersonNeeds(false, 240, PersonNeeds.Accepts.CENTRE));
        assertThat(s.people().get(1).needs().minor()).isTrue();
        assertThat(s.people().get(2).needs().accepts()).isEqualTo(PersonNeeds.Accepts.NOTHING);
        assertThat(s.teams()).extracting(TeamSpec::id).containsExactly("team-centre", "team-north");
        TeamSpec north = s.teams().get(1);
        assertThat(north.vehicles()).isEqualTo(1);
        assertThat(north.speedKmh()).isEqualTo(30);
        assertThat(north.onShiftAt(300)).isFalse();
        assertThat(north.onShiftAt(600)).isTrue();
        assertThat(north.onShiftAt(21600)).isFalse();
        assertThat(s.teams().get(0).ackMaxS()).isEqualTo(90);
    }

    @Test
    void aBrokenFileReportsEveryProblemNamingItsEntry() {
        assertThatThrownBy(() -> Scenario.read(resource("broken.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("people 0 (p-1)")
                .hasMessageContaining("sensors 0 (s-1): sensor kind must be motion or thermal")
                .hasMessageContaining("failures 0: failure kind must be")
                .hasMessageContaining("teams 0 (team-centre): vehicles must be within 1..50, was 0")
                .hasMessageContaining("teams 1 (team-north): base must be an object");
    }

    @Test
    void aWalkingPersonGoesBackAndForthAlongTheRoute() {
        LatLon start = new LatLon(40.0930, 113.3350);
        LatLon end = new LatLon(40.0940, 113.3350);
        SimPerson walker = new SimPerson("w", start, 30, null, 0, Double.POSITIVE_INFINITY, 0, List.of(end), 1.0);
        double legM = start.distanceM(end);

        assertThat(walker.positionAt(legM).distanceM(end)).isLessThan(0.5);
        assertThat(walker.positionAt(2 * legM).distanceM(start)).isLessThan(0.5);
    }

    @Test
    void theSameSeedGivesTheSameWorld() throws Exception {
        Scenario scenario = Scenario.read(resource("every-feature.json"));

        List<String> first = run(scenario);
        List<String> second = run(scenario);

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    /** Six simulated hours of the fixed sensors, collected as JSON. */
    private static List<String> run(Scenario scenario) {
        SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
        List<String> seen = new ArrayList<>();
        SimulatorConfig config = new SimulatorConfig(3, 0, SimulatorConfig.DEMO_HOME, 1, null, null, List.of(), 0, 1, 10)
                .withScenario(scenario);
        // stamped by the simulated clock too, so that every byte of the two runs can be compared
        try (Simulator simulator = Simulator.start(config, clock, clock.asClock())) {
            simulator.onDetection(seen::add);
            for (int i = 0; i < 360; i++) {
                simulator.step(Duration.ofMinutes(1));
            }
            assertThat(simulator.snapshot(2).batteryFraction()).as("battery fault at 1200 s, swapped after 180 s").isEqualTo(1.0);
        }
        return seen;
    }
}
