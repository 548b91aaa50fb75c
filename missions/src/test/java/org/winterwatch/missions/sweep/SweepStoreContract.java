package org.winterwatch.missions.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What any sweep store must do, run on H2 ({@link JdbcSweepRepositoryTest}) and PostgreSQL (the IT). */
abstract class SweepStoreContract {

    static final Instant T0 = Instant.parse("2026-12-02T20:00:00Z");

    abstract SweepRepository repository() throws Exception;

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Sweep flown(String id, Instant start) {
        Map<String, String> assignment = new LinkedHashMap<>();
        assignment.put("br-01", "drone-1");
        assignment.put("cv-02", "drone-1");
        assignment.put("st-03", "drone-2");
        Sweep sweep = Sweep.plan(id, "operator token ab12", start, 40, List.of("drone-1", "drone-2"), assignment,
                Map.of("far-09", "out of reach"));
        sweep.planSortie("drone-1", List.of("br-01", "cv-02"), start.plusSeconds(10));
        sweep.uploading("drone-1", new SortieFlight(12, Map.of("br-01", 5, "cv-02", 11)), start.plusSeconds(11));
        sweep.flying("drone-1", start.plusSeconds(60));
        sweep.siteSwept("br-01", "drone-1", start.plusSeconds(300));
        return sweep;
    }

    @Test
    void aSweepSavedIsFoundAgainTheSameInEveryField() throws Exception {
        SweepRepository repo = repository();
        Sweep sweep = flown("s-a", T0);
        sweep.dropDrone("drone-2", T0.plusSeconds(400), "link lost for 5 s", Map.of("st-03", "drone-1"));

        repo.save(sweep, sweep.drainTransitions());
        Sweep back = repo.find("s-a").orElseThrow();

        assertThat(back.state()).isEqualTo(SweepState.FLYING);
        assertThat(back.createdBy()).isEqualTo("operator token ab12");
        assertThat(back.startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(back.droneIds()).containsExactly("drone-1", "drone-2");
        assertThat(back.droppedDrones()).containsExactly("drone-2");
        assertThat(back.sites()).isEqualTo(sweep.sites());
        assertThat(back.sorties()).isEqualTo(sweep.sorties());
        assertThat(back.sorties().get(0).flight().siteEndItems()).containsEntry("cv-02", 11);
        assertThat(repo.find("s-none")).isEmpty();
    }

    @Test
    void savingAgainUpdatesTheSweepAndAppendsItsTransitionsInOrder() throws Exception {
        SweepRepository repo = repository();
        Sweep sweep = flown("s-b", T0);
        List<Transition> first = sweep.drainTransitions();
        repo.save(sweep, first);

        sweep.siteSwept("cv-02", "drone-1", T0.plusSeconds(500));
        sweep.landed("drone-1", T0.plusSeconds(600));
        List<Transition> second = sweep.drainTransitions();
        repo.save(sweep, second);

        assertThat(repo.find("s-b").orElseThrow().site("cv-02").orElseThrow().state()).isEqualTo(SiteState.SWEPT);
        List<Transition> stored = repo.transitions("s-b");
        assertThat(stored).hasSize(first.size() + second.size());
        assertThat(stored.get(stored.size() - 1).to()).isEqualTo("landed");
        assertThat(stored.get(stored.size() - 1).at()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void openSweepsAreThePlannedAndFlyingOnesOldestFirstAndEveryStateIsCounted() throws Exception {
        SweepRepository repo = repository();
        Sweep newer = flown("s-new", at(30));
        Sweep older = Sweep.plan("s-old", "op", at(10), 40, List.of("drone-1"), Map.of("br-01", "drone-1"), Map.of());
        Sweep ended = Sweep.plan("s-end", "op", at(20), 40, List.of("drone-1"), Map.of("br-01", "drone-1"), Map.of());
        ended.abort(at(21), "aborted by op");
        for (Sweep s : List.of(newer, older, ended)) {
            repo.save(s, s.drainTransitions());
        }

        assertThat(repo.open()).extracting(Sweep::id).containsExactly("s-old", "s-new");
        assertThat(repo.recent(2)).extracting(Sweep::id).containsExactly("s-new", "s-end");
        assertThat(repo.countByState()).containsExactlyInAnyOrderEntriesOf(Map.of(SweepState.PLANNED, 1L,
                SweepState.FLYING, 1L, SweepState.DONE, 0L, SweepState.ABORTED, 1L, SweepState.FAILED, 0L));
    }

    @Test
    void theNightsFiguresCountSweepsSortiesFlightTimeAndSitesSwept() throws Exception {
        SweepRepository repo = repository();
        Sweep sweep = flown("s-f", at(0));   // took off at +60 s, br-01 swept at +300 s
        sweep.landed("drone-1", at(0).plusSeconds(960));
        repo.save(sweep, sweep.drainTransitions());
        Sweep outOfWindow = flown("s-g", at(-600));
        repo.save(outOfWindow, outOfWindow.drainTransitions());

        SweepFigures night = repo.figures(at(-60), at(60));

        assertThat(night.sweeps()).isEqualTo(1);
        assertThat(night.sortiesFlown()).isEqualTo(1);
        assertThat(night.flightSeconds()).isEqualTo(900.0);
        assertThat(night.sitesSwept()).isEqualTo(1);
        assertThat(repo.figures(at(0), at(10)).flightSeconds()).as("a sortie counts up to the window's end")
                .isEqualTo(540.0);
    }
}
