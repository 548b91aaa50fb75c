package org.winterwatch.benchmarks.planning;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.PlainBoustrophedon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/**
 * Per area shape class: the planner's camera-on length against the area / swath lower bound and against
 * a plain best-of-180-directions clipped boustrophedon, plus the coverage each achieves. Run:
 * {@code benchmarks/run org.winterwatch.benchmarks.planning.CameraOnLengths [SHAPES_PER_CLASS (200)]}.
 */
public final class CameraOnLengths {

    private CameraOnLengths() {
    }

    public static void main(String[] args) {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        LocalProjection proj = LocalProjection.centredOn(new LatLon(40.09, 113.30));
        CoveragePlanner planner = new CoveragePlanner(CoverageParameters.defaults());
        double swath = planner.parameters().swathWidthM();
        System.out.printf(Locale.ROOT, "%-13s %6s %12s %12s %14s %14s %12s%n", "shape", "sites", "vs bound", "vs plain",
                "worst vs plain", "our coverage", "plain cov.");
        Random r = new Random(7);
        Map<MixedSiteLayer.Shape, double[]> sums = new EnumMap<>(MixedSiteLayer.Shape.class);
        for (MixedSiteLayer.Shape shape : List.of(MixedSiteLayer.Shape.RECTANGLE, MixedSiteLayer.Shape.L_SHAPE,
                MixedSiteLayer.Shape.COURTYARD, MixedSiteLayer.Shape.U_SHAPE, MixedSiteLayer.Shape.MULTIPOLYGON)) {
            double[] s = new double[6];
            s[3] = 0;
            for (int i = 0; i < perClass; i++) {
                Geometry metres = AffineTransformation.rotationInstance(r.nextDouble() * Math.PI)
                        .transform(MixedSiteLayer.shape(shape, r));
                Site site = Site.of("s", "s", SiteCategory.OTHER, proj.toWgs84(metres));
                SiteCoverage c = planner.plan(site, proj, List.of());
                double plain = PlainBoustrophedon.lengthM(metres, swath);
                var plainPath = PlainBoustrophedon.path(metres, swath);
                var f = metres.getFactory();
                Geometry plainSeen = f.createLineString(plainPath.toArray(org.locationtech.jts.geom.Coordinate[]::new))
                        .buffer(swath / 2, 8);
                s[0] += c.lengthM() / (metres.getArea() / swath);
                s[1] += c.lengthM() / plain;
                s[2] += c.coveredFraction();
                s[3] = Math.max(s[3], c.lengthM() / plain);
                s[4] += org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(metres, plainSeen,
                        org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION).getArea() / metres.getArea();
            }
            sums.put(shape, s);
            System.out.printf(Locale.ROOT, "%-13s %6d %12.3f %12.3f %14.3f %13.2f%% %11.2f%%%n", shape, perClass,
                    s[0] / perClass, s[1] / perClass, s[3], 100 * s[2] / perClass, 100 * s[4] / perClass);
        }
    }
}
