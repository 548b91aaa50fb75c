package org.winterwatch.benchmarks.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

/**
 * A seeded layer of mixed sites around Datong, the size of a city's export: rectangles, L shapes,
 * courtyard blocks, concave (U) lots, multipolygons, bridge and culvert lines and entrance points, plus
 * a few no-fly zones. Run it to write the layer: {@code benchmarks/run
 * org.winterwatch.benchmarks.planning.MixedSiteLayer OUT.geojson [SITES] [SEED]}.
 */
public final class MixedSiteLayer {

    /** The shape classes the benchmark reports on. */
    public enum Shape { RECTANGLE, L_SHAPE, COURTYARD, U_SHAPE, MULTIPOLYGON, LINE, POINT }

    static final LatLon CENTRE = new LatLon(40.09, 113.30);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MixedSiteLayer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.out.println("usage: MixedSiteLayer OUT.geojson [SITES (1000)] [SEED (42)]");
            return;
        }
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Files.writeString(Path.of(args[0]), SiteLayers.toGeoJson(layer(sites, seed)));
        System.out.println("wrote " + sites + " sites to " + args[0]);
    }

    /** {@code count} patrol sites in an 8 km square, shapes in turn, and one no-fly zone per 100 sites. */
    public static SiteLayer layer(int count, long seed) {
        return layer(count, seed, 4000);
    }

    /**
     * {@code count} patrol sites in a square of {@code 2 × halfWidthM} around Datong, shapes in turn, and one no-fly
     * zone per 100 sites.
     */
    public static SiteLayer layer(int count, long seed, double halfWidthM) {
        Random r = new Random(seed);
        double zoneSpread = halfWidthM - 500;
        LocalProjection proj = LocalProjection.centredOn(CENTRE);
        List<Site> sites = new ArrayList<>();
        int zones = Math.max(1, count / 100);
        for (int z = 0; z < zones; z++) {
            Geometry zone = rectangle(r, 80, 300).getEnvelope();
            zone = AffineTransformation.translationInstance(between(r, -zoneSpread, zoneSpread),
                    between(r, -zoneSpread, zoneSpread)).transform(zone);
            sites.add(Site.of("nfz-" + z, "no-fly " + z, SiteCategory.NO_FLY_ZONE, proj.toWgs84(zone)));
        }
        Shape[] shapes = Shape.values();
        for (int i = 0; i < count; i++) {
            Shape shape = shapes[i % shapes.length];
            Geometry g = AffineTransformation.rotationInstance(between(r, 0, Math.PI)).transform(shape(shape, r));
            g = AffineTransformation.translationInstance(between(r, -halfWidthM, halfWidthM),
                    between(r, -halfWidthM, halfWidthM)).transform(g);
            SiteCategory category = switch (shape) {
                case LINE -> i % 2 == 0 ? SiteCategory.BRIDGE : SiteCategory.CULVERT;
                case POINT -> SiteCategory.ATM_LOBBY;
                case COURTYARD, L_SHAPE -> SiteCategory.ABANDONED_BUILDING;
                default -> SiteCategory.CONSTRUCTION_SITE;
            };
            sites.add(new Site(shape.name().toLowerCase() + "-" + i, shape + " " + i, category, 3, null,
                    proj.toWgs84(g), shape == Shape.LINE ? between(r, 15, 60) : Site.DEFAULT_CORRIDOR_WIDTH_M));
        }
        return new SiteLayer(sites);
    }

    /** One shape of a class, in metres around the origin. */
    public static Geometry shape(Shape shape, Random r) {
        return switch (shape) {
            case RECTANGLE -> rectangle(r, 30, 250);
            case L_SHAPE -> {
                double w = between(r, 60, 200);
                double h = between(r, 60, 200);
                double t = between(r, 20, Math.min(w, h) * 0.6);
                yield polygon(0, 0, w, 0, w, t, t, t, t, h, 0, h, 0, 0);
            }
            case COURTYARD -> {
                double w = between(r, 60, 200);
                double h = between(r, 60, 200);
                double m = between(r, 15, Math.min(w, h) / 4);
                Polygon outer = polygon(0, 0, w, 0, w, h, 0, h, 0, 0);
                yield outer.difference(polygon(m, m, w - m, m, w - m, h - m, m, h - m, m, m));
            }
            case U_SHAPE -> {
                double w = between(r, 100, 300);
                double h = between(r, 80, 250);
                double t = between(r, 20, w / 4);
                yield polygon(0, 0, w, 0, w, h, w - t, h, w - t, t, t, t, t, h, 0, h, 0, 0);
            }
            case MULTIPOLYGON -> FACTORY.createMultiPolygon(new Polygon[] {rectangle(r, 30, 120),
                    (Polygon) AffineTransformation.translationInstance(between(r, 150, 300), between(r, -50, 50))
                            .transform(rectangle(r, 30, 120))});
            case LINE -> {
                double a = between(r, 100, 400);
                yield FACTORY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(a, 0),
                        new Coordinate(a + between(r, 50, 200), between(r, -100, 100))});
            }
            case POINT -> FACTORY.createPoint(new Coordinate(0, 0));
        };
    }

    private static Polygon rectangle(Random r, double min, double max) {
        double w = between(r, min, max);
        double h = between(r, min, max);
        return polygon(0, 0, w, 0, w, h, 0, h, 0, 0);
    }

    private static Polygon polygon(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        LinearRing ring = FACTORY.createLinearRing(cs);
        return FACTORY.createPolygon(ring);
    }

    private static double between(Random r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }
}
