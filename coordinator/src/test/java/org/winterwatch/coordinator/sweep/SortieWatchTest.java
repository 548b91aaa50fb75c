package org.winterwatch.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.winterwatch.drone.Autopilot;
import org.winterwatch.drone.DroneState;
import org.winterwatch.missions.sweep.SortieFlight;
import org.winterwatch.missions.sweep.SortieState;
import org.winterwatch.missions.sweep.SweepSortie;

class SortieWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-02T22:00:00Z");
    private static final SortieFlight FLIGHT = new SortieFlight(10, Map.of("br-01", 4, "cv-02", 9));
    private static final SweepSortie FLYING = new SweepSortie("drone-1", 1, SortieState.FLYING,
            List.of("br-01", "cv-02"), T0, null, null, FLIGHT);

    private final SortieWatch watch = new SortieWatch(new SortieWatch.Settings(Duration.ofSeconds(5), 20));

    private static DroneState state(boolean connected, boolean inAir, boolean armed, String mode, int current,
                                    double battery, String status) {
        return new DroneState("drone-1", connected, 40.1, 113.3, inAir ? 40 : 0, battery, armed, inAir, mode, current,
                10, T0, true, true, true, 0, 0, status, Autopilot.PX4);
    }

    private static DroneState flying(int current) {
        return state(true, true, true, "MISSION", current, 70, "");
    }

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void aSiteIsDoneOnceTheVehiclesProgressPassesTheEndOfItsPath() {
        SortieWatch.Track track = new SortieWatch.Track();

        assertThat(watch.observe(FLYING, flying(3), track, at(1))).isEmpty();
        assertThat(watch.observe(FLYING, flying(4), track, at(2))).containsExactly(new SortieWatch.SiteDone("br-01"));
    }

    @Test
    void progressOnAnotherMissionSaysNothingAboutTheSites() {
        DroneState other = new DroneState("drone-1", true, 40.1, 113.3, 40, 70, true, true, "MISSION", 9, 12, T0,
                true, true, true, 0, 0, "", Autopilot.PX4);

        assertThat(watch.observe(FLYING, other, new SortieWatch.Track(), at(1))).isEmpty();
    }

    @Test
    void aDroneNotYetHeardFromSinceTheStartHasThirtySecondsToConnect() {
        SortieWatch.Track track = new SortieWatch.Track();
        DroneState connecting = state(false, true, true, "MISSION", 3, 70, "");

        assertThat(watch.observe(FLYING, connecting, track, at(0))).isEmpty();
        assertThat(watch.observe(FLYING, connecting, track, at(29))).isEmpty();
        assertThat(watch.observe(FLYING, connecting, track, at(30))).hasSize(1);
    }

    @Test
    void aLinkLostLongerThanTheTimeoutDropsTheDroneAndAskedToReturn() {
        SortieWatch.Track track = new SortieWatch.Track();
        track.heard = true;
        DroneState lost = state(false, true, true, "MISSION", 3, 70, "");

        assertThat(watch.observe(FLYING, lost, track, at(0))).isEmpty();
        assertThat(watch.observe(FLYING, lost, track, at(4.9))).isEmpty();
        assertThat(watch.observe(FLYING, lost, track, at(5))).containsExactly(new SortieWatch.DropOut("link lost for 5 s", true));
    }

    @Test
    void aLinkBackWithinTheTimeoutStartsTheCountAgain() {
        SortieWatch.Track track = new SortieWatch.Track();
        track.heard = true;
        watch.observe(FLYING, state(false, true, true, "MISSION", 3, 70, ""), track, at(0));
        watch.observe(FLYING, flying(3), track, at(3));

        assertThat(watch.observe(FLYING, state(false, true, true, "MISSION", 3, 70, ""), track, at(6))).isEmpty();
        assertThat(watch.observe(FLYING, state(false, true, true, "MISSION", 3, 70, ""), track, at(11))).hasSize(1);
    }

    @Test
    void theAutopilotTurningBackBeforeTheEndIsADropOutWithWhatTheVehicleSaid() {
        SortieWatch.Track track = new SortieWatch.Track();
        watch.observe(FLYING, flying(2), track, at(1));

        List<SortieWatch.Finding> findings = watch.observe(FLYING,
                state(true, true, true, "RETURN_TO_LAUNCH", 5, 60, "Geofence breached"), track, at(2));

        assertThat(findings).contains(new SortieWatch.SiteDone("br-01"));
        assertThat(findings).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(SortieWatch.DropOut.class, d -> {
            assertThat(d.why()).contains("return to launch").contains("Geofence breached");
            assertThat(d.sendHome()).isFalse();
        }));
    }

    @Test
    void returningAfterTheLastItemIsTheWayHomeNotAFailure() {
        SortieWatch.Track track = new SortieWatch.Track();
        watch.observe(FLYING, flying(9), track, at(1));

        assertThat(watch.observe(FLYING, state(true, true, true, "RETURN_TO_LAUNCH", 10, 40, ""), track, at(2)))
                .containsExactly(new SortieWatch.SiteDone("br-01"), new SortieWatch.SiteDone("cv-02"),
                        new SortieWatch.HeadingHome());
    }

    @Test
    void landingAtHomeOnceEverySiteIsSweptEndsTheSortieEvenBeforeTheProgressStreamCatchesUp() {
        // the flight mode and the mission progress come on separate streams: LAND may be seen while the progress
        // still shows the last site's end item rather than the end of the mission
        SortieWatch.Track track = new SortieWatch.Track();
        watch.observe(FLYING, flying(9), track, at(1));

        assertThat(watch.observe(FLYING, state(true, true, true, "LAND", 9, 40, ""), track, at(2)))
                .contains(new SortieWatch.HeadingHome())
                .noneMatch(f -> f instanceof SortieWatch.DropOut);
    }

    @Test
    void aCriticalBatteryInTheAirSendsTheDroneHomeAndItsSitesToTheOthers() {
        SortieWatch.Track track = new SortieWatch.Track();

        assertThat(watch.observe(FLYING, state(true, true, true, "MISSION", 5, 19, ""), track, at(1)))
                .contains(new SortieWatch.DropOut("battery critical: 19 % in the air", true));
    }

    @Test
    void landingIsOnTheGroundDisarmedAfterHavingFlown() {
        SortieWatch.Track track = new SortieWatch.Track();
        DroneState ground = state(true, false, false, "HOLD", 10, 35, "");

        assertThat(watch.observe(FLYING, ground, track, at(0))).as("not yet taken off").doesNotContain(new SortieWatch.Landed());
        watch.observe(FLYING, flying(5), track, at(1));
        assertThat(watch.observe(FLYING, ground, track, at(2))).contains(new SortieWatch.Landed());
    }

    @Test
    void afterARestartADroneFoundOnTheGroundDisarmedHasLandedWithWhatItsProgressSays() {
        SortieWatch.Track recovered = new SortieWatch.Track();
        recovered.airborne = null;

        assertThat(watch.observe(FLYING, state(true, false, false, "HOLD", 10, 30, ""), recovered, at(0)))
                .containsExactly(new SortieWatch.SiteDone("br-01"), new SortieWatch.SiteDone("cv-02"),
                        new SortieWatch.Landed());
    }

    @Test
    void afterARestartADroneOnTheGroundWhoseMissionNeverBeganWasNotFlown() {
        SortieWatch.Track recovered = new SortieWatch.Track();
        recovered.airborne = null;

        assertThat(watch.observe(FLYING, state(true, false, false, "HOLD", 0, 99, ""), recovered, at(0)))
                .containsExactly(new SortieWatch.NotFlown());
    }

    @Test
    void afterARestartADroneArmedOnTheGroundIsStillTakingOff() {
        SortieWatch.Track recovered = new SortieWatch.Track();
        recovered.airborne = null;

        assertThat(watch.observe(FLYING, state(true, false, true, "MISSION", 0, 99, ""), recovered, at(0))).isEmpty();
    }

    @Test
    void afterARestartALandedDroneWhoseProgressHasNotArrivedYetIsCreditedOnceItHas() {
        SortieWatch.Track recovered = new SortieWatch.Track();
        recovered.airborne = null;
        DroneState noProgressYet = new DroneState("drone-1", true, 40.1, 113.3, 0, 30, false, false, "HOLD", 0, 0, T0,
                true, true, true, 0, 0, "", Autopilot.PX4);

        assertThat(watch.observe(FLYING, noProgressYet, recovered, at(0))).as("not judged yet").isEmpty();
        assertThat(watch.observe(FLYING, noProgressYet, recovered, at(1))).isEmpty();
        assertThat(watch.observe(FLYING, state(true, false, false, "HOLD", 10, 30, ""), recovered, at(1.5)))
                .containsExactly(new SortieWatch.SiteDone("br-01"), new SortieWatch.SiteDone("cv-02"),
                        new SortieWatch.Landed());
    }

    @Test
    void afterARestartADroneThatNeverReportsItsSortiesMissionWasNotFlownOnceTheGraceIsOver() {
        SortieWatch.Track recovered = new SortieWatch.Track();
        recovered.airborne = null;
        DroneState noProgress = new DroneState("drone-1", true, 40.1, 113.3, 0, 99, false, false, "HOLD", 0, 0, T0,
                true, true, true, 0, 0, "", Autopilot.PX4);

        assertThat(watch.observe(FLYING, noProgress, recovered, at(0))).isEmpty();
        assertThat(watch.observe(FLYING, noProgress, recovered, at(4.9))).isEmpty();
        assertThat(watch.observe(FLYING, noProgress, recovered, at(5))).containsExactly(new SortieWatch.NotFlown());
    }
}
