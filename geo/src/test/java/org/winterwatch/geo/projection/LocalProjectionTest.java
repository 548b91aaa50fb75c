package org.winterwatch.geo.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.winterwatch.geo.LatLon;

class LocalProjectionTest {

    private static final LatLon DATONG = new LatLon(40.09, 113.34);

    /** Seeded, so a failure repeats; corners and edges of the 20 km square are included. */
    static Stream<Arguments> positionsWithin20Km() {
        Random r = new Random(40_09L);
        Stream<Arguments> corners = Stream.of(Arguments.of(20_000.0, 20_000.0, 60.0), Arguments.of(-20_000.0, -20_000.0, -60.0),
                Arguments.of(20_000.0, -20_000.0, 0.0), Arguments.of(0.0, 0.0, 40.09));
        return Stream.concat(corners, IntStream.range(0, 300).mapToObj(i -> Arguments.of(
                -20_000 + 40_000 * r.nextDouble(), -20_000 + 40_000 * r.nextDouble(), -60 + 120 * r.nextDouble())));
    }

    @ParameterizedTest
    @MethodSource("positionsWithin20Km")
    void roundTripStaysWithinTenCentimetresInside20Km(double eastM, double northM, double originLat) {
        LocalProjection proj = LocalProjection.centredOn(new LatLon(originLat, 113.34));
        // given a position up to 20 km from the origin
        LatLon p = proj.toLatLon(new Coordinate(eastM, northM));
        // when projected to metres and back
        LatLon back = proj.toLatLon(proj.toMetres(p));
        // then
        assertThat(p.distanceM(back)).isLessThan(0.1);
        assertThat(proj.toMetres(p).distance(new Coordinate(eastM, northM))).isLessThan(0.1);
    }

    @Test
    void originIsZeroAndAxesPointEastAndNorth() {
        LocalProjection proj = LocalProjection.centredOn(DATONG);
        assertThat(proj.toMetres(DATONG).distance(new Coordinate(0, 0))).isLessThan(1e-6);
        Coordinate east = proj.toMetres(new LatLon(40.09, 113.35));
        Coordinate north = proj.toMetres(new LatLon(40.10, 113.34));
        // the haversine check uses a sphere, the projection the ellipsoid: they agree to a few tenths of a percent
        assertThat(east.x).isCloseTo(DATONG.distanceM(new LatLon(40.09, 113.35)), within(5.0));
        assertThat(Math.abs(east.y)).isLessThan(1.0);
        assertThat(north.y).isCloseTo(1_110.0, within(2.0));
    }

    @Test
    void geometriesProjectBothWays() throws Exception {
        LocalProjection proj = LocalProjection.centredOn(DATONG);
        Geometry wgs84 = new WKTReader().read("POLYGON ((113.33 40.08, 113.35 40.08, 113.35 40.10, 113.33 40.10, 113.33 40.08))");
        Geometry metres = proj.toMetres(wgs84);
        assertThat(metres.getArea()).isCloseTo(1_704_000 * 2.222, within(60_000.0));
        assertThat(proj.toWgs84(metres).equalsExact(wgs84, 1e-8)).isTrue();
        assertThat(wgs84.getCoordinates()[1].x).as("input untouched").isEqualTo(113.35);
    }
}
