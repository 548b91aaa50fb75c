package org.winterwatch.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.winterwatch.geo.coverage.CoverageCheck.PROJ;
import static org.winterwatch.geo.coverage.CoverageCheck.coveredFraction;
import static org.winterwatch.geo.coverage.CoverageCheck.metres;
import static org.winterwatch.geo.coverage.CoverageCheck.siteFromMetres;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Geometry;
import org.winterwatch.geo.site.SiteCategory;

class CoveragePropertiesTest {

    private final CoveragePlanner planner = new CoveragePlanner(CoverageParameters.defaults());

    @Property(tries = 60)
    void anyRotatedRectangleIsCovered(@ForAll @DoubleRange(min = 5, max = 400) double widthM,
                                      @ForAll @DoubleRange(min = 5, max = 300) double heightM,
                                      @ForAll @DoubleRange(min = 0, max = 180) double angleDeg) {
        String wkt = CoveragePlannerTest.rotated(String.format(java.util.Locale.ROOT,
                "POLYGON ((0 0, %1$f 0, %1$f %2$f, 0 %2$f, 0 0))", widthM, heightM), angleDeg);
        SiteCoverage coverage = planner.plan(siteFromMetres("r", SiteCategory.CONSTRUCTION_SITE, wkt), PROJ, List.of());
        assertThat(coveredFraction(coverage, metres(wkt))).isGreaterThanOrEqualTo(0.99);
    }

    @Property(tries = 60)
    void anyStarShapedAreaIsCovered(@ForAll @IntRange(min = 3, max = 12) int corners,
                                    @ForAll @DoubleRange(min = 20, max = 200) double radiusM,
                                    @ForAll @DoubleRange(min = 0.3, max = 1.0) double dent) {
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        for (int i = 0; i < 2 * corners; i++) {
            double a = Math.PI * i / corners;
            double r = i % 2 == 0 ? radiusM : radiusM * dent;
            wkt.append(i == 0 ? "" : ", ").append(r * Math.cos(a)).append(' ').append(r * Math.sin(a));
        }
        wkt.append(", ").append(radiusM).append(" 0))");
        Geometry area = metres(wkt.toString());
        SiteCoverage coverage = planner.plan(siteFromMetres("s", SiteCategory.ABANDONED_BUILDING, wkt.toString()), PROJ, List.of());
        assertThat(coveredFraction(coverage, area)).isGreaterThanOrEqualTo(0.99);
    }

    @Property(tries = 40)
    void anyLineCorridorIsCovered(@ForAll @DoubleRange(min = 10, max = 500) double lengthM,
                                  @ForAll @DoubleRange(min = 0, max = 180) double angleDeg,
                                  @ForAll @DoubleRange(min = 5, max = 120) double widthM) {
        String wkt = CoveragePlannerTest.rotated("LINESTRING (0 0, " + lengthM + " 0)", angleDeg);
        var site = new org.winterwatch.geo.site.Site("l", "l", SiteCategory.UNDERPASS, 3, null,
                PROJ.toWgs84(metres(wkt)), widthM);
        SiteCoverage coverage = planner.plan(site, PROJ, List.of());
        assertThat(coveredFraction(coverage, metres(wkt).buffer(widthM / 2))).isGreaterThanOrEqualTo(0.99);
    }
}
