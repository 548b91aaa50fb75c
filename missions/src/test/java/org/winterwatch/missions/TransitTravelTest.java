package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.transit.SafeTransit;
import org.winterwatch.missions.allocation.PointM;

class TransitTravelTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** A 200 m square zone centred on (0, 0). */
    private final SafeTransit transit = new SafeTransit(List.of(FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(-100, -100), new Coordinate(100, -100), new Coordinate(100, 100),
            new Coordinate(-100, 100), new Coordinate(-100, -100)})), SafeTransit.DEFAULT_MARGIN_M);
    private final TransitTravel travel = new TransitTravel(transit);

    @Test
    void aLegClearOfEveryZoneIsStraight() {
        assertThat(travel.metres(new PointM(-1000, 500), new PointM(1000, 500))).isEqualTo(2000);
    }

    @Test
    void aLegThroughAZoneIsFlownAroundItAsTheSortieWillBe() {
        PointM from = new PointM(-1000, 0);
        PointM to = new PointM(1000, 0);

        double metres = travel.metres(from, to);

        assertThat(metres).isGreaterThan(2000)
                .isCloseTo(SortieBuilder.length(transit.route(new Coordinate(-1000, 0), new Coordinate(1000, 0))),
                        within(1e-9));
    }

    @Test
    void aSegmentMeetsABoxOnlyWhereItRuns() {
        Envelope box = new Envelope(-10, 10, -10, 10);

        assertThat(TransitTravel.crosses(new PointM(-100, 0), new PointM(100, 0), box)).isTrue();
        assertThat(TransitTravel.crosses(new PointM(-100, -100), new PointM(100, 100), box)).isTrue();
        // its bounding box overlaps the box, the segment itself passes by
        assertThat(TransitTravel.crosses(new PointM(-100, 30), new PointM(30, -100), box)).isFalse();
        assertThat(TransitTravel.crosses(new PointM(20, 20), new PointM(100, 100), box)).isFalse();
    }
}
