package org.winterwatch.geo.transit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class SafeTransitTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String SQUARE = "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50))";
    private static final String OFFSET_BAR = "POLYGON ((-20 -150, 20 -150, 20 60, -20 60, -20 -150))";

    @Test
    void legClearOfZonesStaysStraight() throws Exception {
        SafeTransit transit = new SafeTransit(List.of(wkt(SQUARE)), 10);
        List<Coordinate> route = transit.route(new Coordinate(-200, 100), new Coordinate(200, 100));
        assertThat(route).hasSize(2);
    }

    @Test
    void legThroughAZoneBendsAroundItKeepingTheMargin() throws Exception {
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
    void takesTheShorterWayRound() throws Exception {
        // the bar reaches far south, so going round its north end is shorter
        SafeTransit transit = new SafeTransit(List.of(wkt(OFFSET_BAR)), 10);
        List<Coordinate> route = transit.route(new Coordinate(-200, 0), new Coordinate(200, 0));
        assertThat(route).allMatch(c -> c.y > -1);
        assertThat(route.stream().mapToDouble(c -> c.y).max().orElseThrow()).isGreaterThan(60);
    }

    static Stream<Arguments> endpoints() {
        Random r = new Random(3L);
        return IntStream.range(0, 100).mapToObj(i -> Arguments.of(-300 + 600 * r.nextDouble(), -300 + 600 * r.nextDouble(),
                -300 + 600 * r.nextDouble(), -300 + 600 * r.nextDouble()));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void routesNeverEnterAnyZone(double x1, double y1, double x2, double y2) throws Exception {
        Geometry a = wkt(SQUARE);
        Geometry b = wkt("POLYGON ((120 -100, 200 -100, 200 250, 120 250, 120 -100))");
        Geometry zones = a.union(b);
        Coordinate from = new Coordinate(x1, y1);
        Coordinate to = new Coordinate(x2, y2);
        SafeTransit transit = new SafeTransit(List.of(a, b), 10);
        if (zones.buffer(10).intersects(FACTORY.createPoint(from)) || zones.buffer(10).intersects(FACTORY.createPoint(to))) {
            return;
        }
        List<Coordinate> route = transit.route(from, to);
        assertThat(line(route).intersects(zones)).isFalse();
    }

    @Test
    void cutsASweepWhereItEntersAZoneAndRejoinsTheRest() throws Exception {
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

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(FACTORY).read(text);
    }

    private static Geometry line(List<Coordinate> route) {
        return FACTORY.createLineString(route.toArray(Coordinate[]::new));
    }
}
