package org.winterwatch.missions.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrientationTest {

    private static final PointM BASE = new PointM(0, 0);
    private static final DroneAtBase DRONE = new DroneAtBase("d", "base", BASE, 10, 1000, 0);
    private static final AllocationProblem OPEN = AllocationProblem.unbounded(List.of(), List.of(DRONE), 0);

    @Test
    void twoParallelLinesAreFlownAsALoopBackToBase() {
        // both lines written from the base outwards: flown so, the drone would come back from the far end of each
        Task a = new Task("a", "a", 3, new PointM(0, 100), new PointM(0, 1000), 900, 0);
        Task b = new Task("b", "b", 3, new PointM(100, 100), new PointM(100, 1000), 900, 0);

        List<Visit> visits = Orientation.shortest(BASE, List.of(a, b), Travel.STRAIGHT);

        assertThat(visits).extracting(Visit::reversed).containsExactly(false, true);
        // out 100 m, along a, across 100 m, back along b, home 141 m: 1,000 s less than flying both as written
        assertThat(OPEN.flightS(DRONE, visits)).isCloseTo((100 + 100 + 100 * Math.sqrt(2)) / 10 + 180,
                within(1e-9));
    }

    @Test
    void aSortieIsNeverLongerThanWithEveryPathAsWritten() {
        List<Task> tasks = List.of(
                new Task("a", "a", 3, new PointM(500, 0), new PointM(900, 300), 500, 0),
                new Task("b", "b", 3, new PointM(-200, 700), new PointM(800, 800), 1000, 0),
                new Task("c", "c", 3, new PointM(300, -600), new PointM(0, -100), 600, 0));

        List<Visit> visits = Orientation.shortest(BASE, tasks, Travel.STRAIGHT);

        assertThat(OPEN.flightS(DRONE, visits)).isLessThanOrEqualTo(
                OPEN.flightS(DRONE, tasks.stream().map(t -> new Visit(t, false)).toList()));
    }
}
