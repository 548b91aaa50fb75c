package org.winterwatch.missions.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Invariants of the allocation on small seeded problems (a second or so each). */
class SortieSolverTest {

    private static final SolverSettings TWO_SECONDS = SolverSettings.within(Duration.ofSeconds(2));
    private static final double SWAP_S = 300;

    private final SortieSolver solver = new SortieSolver(Clock.systemUTC());

    /** Three bases 4 km apart, four drones (two at the centre), batteries of 600 s, short sweeps all around. */
    private static List<DroneAtBase> threeBases() {
        return List.of(
                new DroneAtBase("d1", "west", new PointM(-4000, 0), 10, 600, 20),
                new DroneAtBase("d2", "centre", new PointM(0, 0), 10, 600, 20),
                new DroneAtBase("d3", "centre", new PointM(0, 0), 10, 600, 20),
                new DroneAtBase("d4", "east", new PointM(4000, 0), 12, 500, 20));
    }

    private static List<Task> scattered(int count, double halfWidthM, long seed) {
        Random r = new Random(seed);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = (r.nextDouble() * 2 - 1) * halfWidthM;
            double y = (r.nextDouble() * 2 - 1) * 2000;
            double a = r.nextDouble() * Math.PI;
            tasks.add(new Task("t" + i, "t" + i, 1 + r.nextInt(5), new PointM(x, y),
                    new PointM(x + 120 * Math.cos(a), y + 120 * Math.sin(a)), 150 + r.nextDouble() * 400, 0));
        }
        return tasks;
    }

    @Test
    void noSortieOutlastsItsDronesBattery() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 1), threeBases(), SWAP_S);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        assertThat(allocation.sorties()).isNotEmpty().allSatisfy(s -> {
            DroneAtBase drone = problem.drones().get(s.droneIndex());
            assertThat(s.flightS() + drone.climbS()).as("sortie %d of %s", s.number(), drone.droneId())
                    .isLessThanOrEqualTo(drone.usableS() + 1e-6);
        });
    }

    @Test
    void everyReachableTaskIsFlownExactlyOnceOnASortieFromItsDronesBase() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 2), threeBases(), SWAP_S);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        Map<String, Long> flown = allocation.sorties().stream().flatMap(s -> s.visits().stream())
                .collect(Collectors.groupingBy(v -> v.task().id(), Collectors.counting()));
        assertThat(allocation.refused()).isEmpty();
        assertThat(flown).hasSize(40).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        // each sortie's time is that of the flight from its drone's base through its visits and back to that base
        allocation.sorties().forEach(s -> assertThat(s.flightS()).isCloseTo(
                problem.flightS(problem.drones().get(s.droneIndex()), s.visits()), within(1e-6)));
    }

    @Test
    void aDronesSortiesAreNumberedFromOneInFlightOrder() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 3), threeBases(), SWAP_S);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        for (int d = 0; d < problem.drones().size(); d++) {
            List<Integer> numbers = allocation.sortiesOf(d).stream().map(AllocatedSortie::number).toList();
            assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        }
    }

    @Test
    void theMakespanIsTheBusiestDronesTimeWithBatteryChanges() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 4), threeBases(), SWAP_S);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        double busiest = 0;
        for (int d = 0; d < problem.drones().size(); d++) {
            List<AllocatedSortie> sorties = allocation.sortiesOf(d);
            busiest = Math.max(busiest, problem.drones().get(d).busyS(
                    sorties.stream().mapToDouble(AllocatedSortie::flightS).sum(), sorties.size(), SWAP_S));
        }
        assertThat(allocation.makespanS()).isCloseTo(busiest, within(1e-6));
    }

    @Test
    void tasksBeyondEveryBasesReachAreRefusedWithTheReason() {
        List<Task> tasks = new ArrayList<>(scattered(10, 3000, 5));
        tasks.add(new Task("far", "far-site", 5, new PointM(0, 9000), new PointM(50, 9000), 100, 0));

        Allocation allocation = solver.solve(AllocationProblem.unbounded(tasks, threeBases(), SWAP_S), TWO_SECONDS);

        assertThat(allocation.refused()).singleElement().satisfies(r -> {
            assertThat(r.task().id()).isEqualTo("far");
            assertThat(r.reason()).isEqualTo(Refusal.Reason.OUT_OF_REACH);
            assertThat(r.message()).startsWith("out of reach of every base: a sortie for it alone takes at least")
                    .contains("from base east").contains("one battery gives 500 s");
        });
        assertThat(allocation.sorties()).flatMap(AllocatedSortie::visits).extracting(v -> v.task().id())
                .doesNotContain("far").hasSize(10);
    }

    @Test
    void aWindowTooShortForEverythingLeavesTheLowestPrioritiesOut() {
        // one drone, a cluster of alike sites 1 km out, priorities 1 to 5 in turn; half an hour is not enough for all
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double x = 1000 + (i % 6) * 30;
            double y = (i / 6) * 30;
            tasks.add(new Task("t" + i, "t" + i, 1 + i % 5, new PointM(x, y), new PointM(x + 10, y), 300, 0));
        }
        DroneAtBase drone = new DroneAtBase("d1", "b", new PointM(0, 0), 10, 600, 20);
        AllocationProblem problem = new AllocationProblem(tasks, List.of(drone), SWAP_S, 1800);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        assertThat(allocation.makespanS()).isLessThanOrEqualTo(1800);
        assertThat(allocation.refused()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NO_TIME_LEFT))
                .allSatisfy(r -> assertThat(r.message()).contains("30 min window"));
        int lowestFlown = allocation.sorties().stream().flatMap(s -> s.visits().stream())
                .mapToInt(v -> v.task().priority()).min().orElseThrow();
        int highestRefused = allocation.refused().stream().mapToInt(r -> r.task().priority()).max().orElseThrow();
        assertThat(highestRefused).as("no site is left out while one of lower priority is flown")
                .isLessThanOrEqualTo(lowestFlown);
    }

    @Test
    void aWindowAcrossBasesKeepsEveryDroneWithinIt() {
        AllocationProblem problem = new AllocationProblem(scattered(60, 5000, 7), threeBases(), SWAP_S, 2400);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        Map<Integer, List<AllocatedSortie>> byDrone = allocation.sorties().stream()
                .collect(Collectors.groupingBy(AllocatedSortie::droneIndex));
        byDrone.forEach((d, sorties) -> assertThat(problem.drones().get(d).busyS(
                sorties.stream().mapToDouble(AllocatedSortie::flightS).sum(), sorties.size(), SWAP_S))
                .isLessThanOrEqualTo(2400));
        long flown = allocation.sorties().stream().mapToLong(s -> s.visits().size()).sum();
        assertThat(flown + allocation.refused().size()).isEqualTo(60);
    }

    @Test
    void sortiesAreTimedWithTheDetoursOfTheirLegs() {
        // a wall along x = 2000 between y = -1000 and 1000: a leg across it goes round its end
        Travel aroundTheWall = (a, b) -> (a.xM() - 2000) * (b.xM() - 2000) < 0
                && Math.abs(a.yM() + (b.yM() - a.yM()) * (2000 - a.xM()) / (b.xM() - a.xM())) < 1000
                ? a.distanceM(new PointM(2000, 1000)) + new PointM(2000, 1000).distanceM(b) : a.distanceM(b);
        AllocationProblem problem = new AllocationProblem(scattered(40, 5000, 9), threeBases(), SWAP_S,
                Double.POSITIVE_INFINITY, aroundTheWall);

        Allocation allocation = solver.solve(problem, TWO_SECONDS);

        assertThat(allocation.sorties()).isNotEmpty().allSatisfy(s -> {
            DroneAtBase drone = problem.drones().get(s.droneIndex());
            assertThat(s.flightS()).isCloseTo(problem.flightS(drone, s.visits()), within(1e-6))
                    .isLessThanOrEqualTo(drone.flightBudgetS() + 1e-6);
        });
    }

    /** A clock on a machine far too slow: every reading is ten seconds after the last. */
    private static final class Crawling extends Clock {
        private long millis;

        @Override
        public long millis() {
            millis += 10_000;
            return millis;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void outOfTimeEveryBaseStillGetsAPlanWithinItsBatteries() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 10), threeBases(), SWAP_S);

        Allocation allocation = new SortieSolver(new Crawling()).solve(problem, TWO_SECONDS);

        assertThat(allocation.sorties().stream().mapToLong(s -> s.visits().size()).sum()).isEqualTo(40);
        assertThat(allocation.sorties()).allSatisfy(s -> {
            DroneAtBase drone = problem.drones().get(s.droneIndex());
            assertThat(s.flightS()).isCloseTo(problem.flightS(drone, s.visits()), within(1e-6))
                    .isLessThanOrEqualTo(drone.flightBudgetS() + 1e-6);
        });
    }

    @Test
    void theSameProblemAndSeedGiveTheSameAllocation() {
        AllocationProblem problem = AllocationProblem.unbounded(scattered(40, 5000, 8), threeBases(), SWAP_S);

        Allocation first = solver.solve(problem, TWO_SECONDS);
        Allocation second = solver.solve(problem, TWO_SECONDS);

        Function<Allocation, List<String>> routes = a -> a.sorties().stream()
                .map(s -> s.droneIndex() + ":" + s.visits().stream().map(v -> v.task().id() + (v.reversed() ? "<" : ">"))
                        .collect(Collectors.joining(","))).toList();
        assertThat(routes.apply(second)).isEqualTo(routes.apply(first));
        assertThat(second.makespanS()).isEqualTo(first.makespanS());
    }
}
