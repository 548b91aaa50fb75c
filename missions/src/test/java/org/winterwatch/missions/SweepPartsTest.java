package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class SweepPartsTest {

    private static final Coordinate BASE = new Coordinate(0, 0);

    @Test
    void aSweepTooLongForOneBatteryIsCutIntoPartsThatEachFitAndJoinUp() {
        // four passes of 500 m, from 100 m beside the base: 2.1 km of sweep, where a battery flies 1.5 km out and back
        List<Coordinate> path = List.of(new Coordinate(100, 0), new Coordinate(600, 0), new Coordinate(600, 30),
                new Coordinate(100, 30), new Coordinate(100, 60), new Coordinate(600, 60), new Coordinate(600, 90),
                new Coordinate(100, 90));

        List<List<Coordinate>> parts = SweepParts.cut(path, BASE, 1500, Coordinate::distance);

        assertThat(parts).hasSizeGreaterThan(1);
        for (List<Coordinate> part : parts) {
            double out = BASE.distance(part.get(0));
            double back = part.get(part.size() - 1).distance(BASE);
            assertThat(out + SortieBuilder.length(part) + back).isLessThanOrEqualTo(1500);
        }
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).get(0)).isEqualTo(parts.get(i - 1).get(parts.get(i - 1).size() - 1));
        }
        assertThat(parts.stream().mapToDouble(SortieBuilder::length).sum())
                .isCloseTo(SortieBuilder.length(path), within(1e-6));
    }

    @Test
    void aSweepTooFarForAnyPartIsNotCut() {
        List<Coordinate> path = List.of(new Coordinate(900, 0), new Coordinate(1900, 0));

        assertThat(SweepParts.cut(path, BASE, 1500, Coordinate::distance)).isEmpty();
    }
}
