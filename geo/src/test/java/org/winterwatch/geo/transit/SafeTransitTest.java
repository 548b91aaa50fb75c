package org.winterwatch.geo.transit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.linearref.LengthIndexedLine;

class SafeTransitTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String SQUARE = "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50))";
    private static final String TALL_BAR = "POLYGON ((120 -100, 200 -100, 200 250, 120 250, 120 -100))";
    private static final double MARGIN_M = 10;
    private static final String OFFSET_BAR = "POLYGON ((-20 -150, 20 -150, 20 60, -20 60, -20 -150))";

    @Test
    void legClearOfZonesStaysStraight() {
        SafeTransit transit = new SafeTransit(List.of(wkt(SQUARE)), 10);
        List<Coordinate> route = transit.route(new Coordinate(-200, 100), new Coordinate(200, 100));
        assertThat(route).hasSize(2);
    }

    @Test
    void legThroughAZoneBendsAroundItKeepingTheMargin() {
        Geometry zone = wkt(SQUARE);
        SafeTransit transit = new SafeTransit(List.of(zone), 10);
        List<Coordinate> route = transit.route(new Coordinate(-200, 5), new Coordinate(200, 5));
        Geometry line = line(route);
        assertThat(line.distance(zone)).isGreaterThan(9);
        assertThat(route.get(0)).isEqualTo(new Coordinate(-200, 5));
        assertThat(route.get(route.size() - 1)).isEqualTo(new Coordinate(200, 5));
        assertThat(line.getLength()).isLessThan(400 + 2 * 70);
    }

    @Test
    void takesTheShorterWayRound() {
        // the bar reaches far south, so going round its north end is shorter
        SafeTransit transit = new SafeTransit(List.of(wkt(OFFSET_BAR)), 10);
        List<Coordinate> route = transit.route(new Coordinate(-200, 0), new Coordinate(200, 0));
        assertThat(route).allMatch(c -> c.y > -1);
        assertThat(route.stream().mapToDouble(c -> c.y).max().orElseThrow()).isGreaterThan(60);
    }

    /** Endpoints anywhere around the two zones, but outside their margin. */
    static Stream<Arguments> endpointsClearOfTheMargin() {
        Geometry keepOut = twoZones().buffer(MARGIN_M);
        Random r = new Random(3L);
        return Stream.generate(() -> new Coordinate[] {anywhere(r), anywhere(r)})
                .filter(ends -> keepOut.disjoint(FACTORY.createMultiPointFromCoords(ends)))
                .limit(100).map(ends -> Arguments.of(ends[0], ends[1]));
    }

    /** One endpoint (sometimes both) inside the margin, 0.5 to 9.5 m from a zone: a home or sweep end next to it. */
    static Stream<Arguments> endpointsInsideTheMargin() {
        Geometry zones = twoZones();
        Random r = new Random(5L);
        return Stream.generate(() -> new Coordinate[] {inMargin(r, zones), r.nextBoolean() ? inMargin(r, zones) : anywhere(r)})
                .filter(ends -> zones.distance(FACTORY.createPoint(ends[1])) > 0.5)
                .limit(100).map(ends -> Arguments.of(ends[0], ends[1]));
    }

    @ParameterizedTest
    @MethodSource("endpointsClearOfTheMargin")
    void routesBetweenPointsClearOfTheMarginKeepNearlyTheWholeMargin(Coordinate from, Coordinate to) {
        // given
        SafeTransit transit = new SafeTransit(List.of(wkt(SQUARE), wkt(TALL_BAR)), MARGIN_M);
        // when
        List<Coordinate> route = transit.route(from, to);
        // then
        assertThat(route.get(0)).isEqualTo(from);
        assertThat(route.get(route.size() - 1)).isEqualTo(to);
        assertThat(line(route).relate(twoZones(), "T********")).as("route enters a zone: %s", route).isFalse();
        // detours run on corners of the widened zones; the chords between them keep 0.9 of the margin
        assertThat(line(route).distance(twoZones())).isGreaterThanOrEqualTo(0.9 * MARGIN_M);
    }

    @ParameterizedTest
    @MethodSource("endpointsInsideTheMargin")
    void routesFromInsideTheMarginNeverEnterAZoneAndKeepHalfOfIt(Coordinate from, Coordinate to) {
        // given
        Geometry zones = twoZones();
        SafeTransit transit = new SafeTransit(List.of(wkt(SQUARE), wkt(TALL_BAR)), MARGIN_M);
        double nearerEndM = Math.min(zones.distance(FACTORY.createPoint(from)), zones.distance(FACTORY.createPoint(to)));
        // when
        List<Coordinate> route = transit.route(from, to);
        // then
        assertThat(route.get(0)).isEqualTo(from);
        assertThat(route.get(route.size() - 1)).isEqualTo(to);
        assertThat(line(route).relate(zones, "T********")).as("route enters a zone: %s", route).isFalse();
        // documented: a leg that starts or ends inside the margin need only keep half of it
        assertThat(line(route).distance(zones)).as("route %s", route)
                .isGreaterThanOrEqualTo(Math.min(nearerEndM, MARGIN_M / 2) - 1e-9);
    }

    private static Geometry twoZones() {
        return wkt(SQUARE).union(wkt(TALL_BAR));
    }

    private static Coordinate anywhere(Random r) {
        return new Coordinate(-300 + 600 * r.nextDouble(), -300 + 600 * r.nextDouble());
    }

    /** A point on the outline of the zones widened by 0.5..9.5 m. */
    private static Coordinate inMargin(Random r, Geometry zones) {
        Geometry outline = zones.buffer(0.5 + (MARGIN_M - 1) * r.nextDouble(), 16).getBoundary();
        LengthIndexedLine ring = new LengthIndexedLine(outline.getGeometryN(r.nextInt(outline.getNumGeometries())));
        return ring.extractPoint(r.nextDouble() * ring.getEndIndex());
    }

    @Test
    void cutsASweepWhereItEntersAZoneAndRejoinsTheRest() {
        Geometry zone = wkt(SQUARE);
        SafeTransit transit = new SafeTransit(List.of(zone), 10);
        List<Coordinate> sweep = List.of(new Coordinate(-200, 0), new Coordinate(200, 0),
                new Coordinate(200, 30), new Coordinate(-200, 30));
        assertThat(transit.cut(sweep)).hasSize(3);
        List<Coordinate> avoided = transit.avoid(sweep);
        assertThat(line(avoided).intersects(zone)).isFalse();
        assertThat(avoided.get(0)).isEqualTo(sweep.get(0));
        assertThat(avoided.get(avoided.size() - 1)).isEqualTo(sweep.get(3));
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Geometry line(List<Coordinate> route) {
        return FACTORY.createLineString(route.toArray(Coordinate[]::new));
    }
}
