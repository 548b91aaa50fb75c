package org.winterwatch.missions.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static final Instant T0 = Instant.parse("2026-12-02T21:00:00Z");
    private static final SortieFlight FLIGHT = new SortieFlight(10, Map.of("br-01", 4, "cv-02", 8));

    private static Instant at(int seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    private static Sweep twoDrones() {
        Map<String, String> assignment = new LinkedHashMap<>();
        assignment.put("br-01", "drone-1");
        assignment.put("cv-02", "drone-1");
        assignment.put("st-03", "drone-2");
        return Sweep.plan("s-1", "operator token ab12", T0, 40, List.of("drone-1", "drone-2"), assignment,
                Map.of("far-09", "out of reach"));
    }

    private static SiteState stateOf(Sweep sweep, String site) {
        return sweep.site(site).orElseThrow().state();
    }

    @Test
    void aNewSweepIsPlannedWithItsSitesAssignedAndTheUnreachableOnesSkippedWithTheReason() {
        Sweep sweep = twoDrones();

        assertThat(sweep.state()).isEqualTo(SweepState.PLANNED);
        assertThat(sweep.sitesWaitingFor("drone-1")).containsExactly("br-01", "cv-02");
        assertThat(sweep.site("far-09").orElseThrow().reason()).isEqualTo("out of reach");
        assertThat(sweep.drainTransitions()).extracting(Transition::subject)
                .containsExactly("sweep", "site br-01", "site cv-02", "site st-03", "site far-09");
    }

    @Test
    void takingOffMakesTheSweepFlyingAndItsSitesSweeping() {
        Sweep sweep = twoDrones();
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.flying("drone-1", at(5));

        assertThat(sweep.state()).isEqualTo(SweepState.FLYING);
        assertThat(sweep.startedAt()).isEqualTo(at(5));
        assertThat(stateOf(sweep, "br-01")).isEqualTo(SiteState.SWEEPING);
        assertThat(sweep.openSortie("drone-1").orElseThrow().state()).isEqualTo(SortieState.FLYING);
    }

    @Test
    void aSiteIsSweptOnlyByTheDroneSweepingItAndOnlyOnce() {
        Sweep sweep = twoDrones();
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.flying("drone-1", at(5));

        assertThat(sweep.siteSwept("br-01", "drone-2", at(6))).as("not drone-2's site").isFalse();
        assertThat(sweep.siteSwept("st-03", "drone-2", at(6))).as("assigned, not being swept").isFalse();
        assertThat(sweep.siteSwept("br-01", "drone-1", at(7))).isTrue();
        assertThat(sweep.siteSwept("br-01", "drone-1", at(8))).as("a repeated report").isFalse();
        assertThat(sweep.site("br-01").orElseThrow().sweptAt()).isEqualTo(at(7));
    }

    @Test
    void aSortieThatLandsEarlyGivesItsUnsweptSitesToTheDronesNextSortie() {
        Sweep sweep = twoDrones();
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.flying("drone-1", at(5));
        sweep.siteSwept("br-01", "drone-1", at(60));
        sweep.landed("drone-1", at(120));

        assertThat(sweep.sitesWaitingFor("drone-1")).containsExactly("cv-02");
        SweepSortie second = sweep.planSortie("drone-1", sweep.sitesWaitingFor("drone-1"), at(400));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.siteIds()).containsExactly("cv-02");
    }

    @Test
    void aDroneThatDropsOutHandsItsUnfinishedSitesIncludingTheOneBeingSweptToTheOthers() {
        Sweep sweep = twoDrones();
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.flying("drone-1", at(5));
        sweep.siteSwept("br-01", "drone-1", at(60));

        sweep.dropDrone("drone-1", at(70), "link lost for 5 s", Map.of("cv-02", "drone-2"));

        assertThat(sweep.openSortie("drone-1")).isEmpty();
        assertThat(sweep.sorties().get(0).state()).isEqualTo(SortieState.FAILED);
        assertThat(sweep.sorties().get(0).reason()).isEqualTo("link lost for 5 s");
        assertThat(sweep.site("br-01").orElseThrow().droneId()).as("what it swept stays its own").isEqualTo("drone-1");
        assertThat(sweep.sitesWaitingFor("drone-2")).containsExactly("cv-02", "st-03");
        assertThat(sweep.activeDrones()).containsExactly("drone-2");
    }

    @Test
    void theSweepIsDoneWhenEverySiteIsSweptOrSkippedAndNoSortieIsStillOut() {
        Sweep sweep = Sweep.plan("s-2", "op", T0, 40, List.of("drone-1"), Map.of("br-01", "drone-1"), Map.of());
        sweep.planSortie("drone-1", List.of("br-01"), at(1));
        sweep.uploading("drone-1", new SortieFlight(4, Map.of("br-01", 3)), at(2));
        sweep.flying("drone-1", at(3));
        sweep.siteSwept("br-01", "drone-1", at(100));

        assertThat(sweep.settle(at(101))).as("the drone is still in the air").isFalse();
        sweep.returning("drone-1", at(101), null);
        sweep.landed("drone-1", at(160));

        assertThat(sweep.settle(at(161))).isTrue();
        assertThat(sweep.state()).isEqualTo(SweepState.DONE);
        assertThat(sweep.endedAt()).isEqualTo(at(161));
        assertThat(sweep.sorties().get(0).state()).isEqualTo(SortieState.LANDED);
    }

    @Test
    void aSweepWhoseLastDroneDropsOutFailsWithItsSitesSkippedForWantOfADrone() {
        Sweep sweep = Sweep.plan("s-3", "op", T0, 40, List.of("drone-1"), Map.of("br-01", "drone-1"), Map.of());

        sweep.dropDrone("drone-1", at(10), "battery critical: 12 % in the air", Map.of());
        sweep.settle(at(11));

        assertThat(sweep.state()).isEqualTo(SweepState.FAILED);
        assertThat(sweep.site("br-01").orElseThrow().reason()).startsWith(Sweep.NO_DRONE_LEFT)
                .contains("battery critical");
    }

    @Test
    void abortingSendsFlyingSortiesHomeSkipsWhatWaitsAndEndsTheSortiesAbortedOnLanding() {
        Sweep sweep = twoDrones();
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.flying("drone-1", at(5));

        sweep.abort(at(30), "aborted by operator token ab12");

        assertThat(sweep.state()).isEqualTo(SweepState.ABORTED);
        assertThat(sweep.openSortie("drone-1").orElseThrow().state()).isEqualTo(SortieState.RETURNING);
        assertThat(stateOf(sweep, "st-03")).isEqualTo(SiteState.SKIPPED);
        sweep.landed("drone-1", at(90));
        assertThat(sweep.sorties().get(0).state()).isEqualTo(SortieState.ABORTED);
        assertThat(stateOf(sweep, "br-01")).isEqualTo(SiteState.SKIPPED);
        assertThatThrownBy(() -> sweep.abort(at(91), "again")).hasMessageContaining("aborted");
    }

    @Test
    void everyChangeIsRecordedWithItsTimeAndReason() {
        Sweep sweep = twoDrones();
        sweep.drainTransitions();
        sweep.planSortie("drone-1", List.of("br-01"), at(1));
        sweep.uploading("drone-1", FLIGHT, at(2));
        sweep.sortieFailed("drone-1", at(3), "arm refused: battery 40 %");

        List<Transition> changes = sweep.drainTransitions();
        assertThat(changes).extracting(Transition::to).containsExactly("planned", "uploading", "failed");
        assertThat(changes.get(2).at()).isEqualTo(at(3));
        assertThat(changes.get(2).reason()).isEqualTo("arm refused: battery 40 %");
        assertThat(sweep.drainTransitions()).isEmpty();
    }

    @Test
    void theFlightSaysASiteIsPassedOnlyOnTheSameMissionAndAtOrBeyondItsEnd() {
        assertThat(FLIGHT.passed("br-01", 4, 10)).isTrue();
        assertThat(FLIGHT.passed("br-01", 3, 10)).isFalse();
        assertThat(FLIGHT.passed("br-01", 9, 12)).as("another mission").isFalse();
        assertThat(FLIGHT.passed("zz-99", 10, 10)).isFalse();
    }
}
