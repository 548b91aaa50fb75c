package org.winterwatch.geo.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

class DemoLayerTest {

    private final SiteLayer demo = SiteLayers.demoLayer();

    @Test
    void bundledDemoLayerPassesValidation() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(SiteLayers.DEMO_RESOURCE)) {
            assertThat(SiteLayers.readGeoJson(in, "demo")).isEqualTo(demo);
        }
    }

    @Test
    void demoLayerHasEveryCategoryAndEnoughSites() {
        assertThat(demo.sites()).hasSizeGreaterThanOrEqualTo(24);
        Set<SiteCategory> categories = demo.sites().stream().map(Site::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SiteCategory.class)));
        assertThat(categories).containsExactlyInAnyOrder(SiteCategory.values());
        assertThat(demo.noFlyZones()).isNotEmpty().allMatch(s -> s.geometry().getDimension() == 2);
    }

    @Test
    void everyPatrolSiteHasAKnownTeam() {
        assertThat(demo.patrolSites()).allSatisfy(s ->
                assertThat(s.team()).isIn("team-north", "team-centre", "team-south"));
    }

    @Test
    void geometriesMatchWhatEachCategoryIs() {
        for (Site s : demo.patrolSites()) {
            int dimension = s.geometry().getDimension();
            switch (s.category()) {
                case BRIDGE, CULVERT, UNDERPASS -> assertThat(dimension).as(s.id()).isEqualTo(1);
                case ABANDONED_BUILDING, CONSTRUCTION_SITE -> assertThat(dimension).as(s.id()).isEqualTo(2);
                case ATM_LOBBY, STATION -> assertThat(dimension).as(s.id()).isZero();
                default -> { }
            }
        }
        assertThat(demo.patrolSites()).anyMatch(s -> s.geometry() instanceof Polygon p && p.getNumInteriorRing() > 0);
        assertThat(demo.patrolSites()).anyMatch(s -> s.geometry() instanceof Polygon p
                && p.getExteriorRing().getNumPoints() == 7 && s.category() == SiteCategory.ABANDONED_BUILDING);
    }

    @Test
    void demoLayerLiesAlongTheYuheInDatongWithinSixByEightKilometres() {
        Envelope env = new Envelope();
        demo.sites().stream().map(Site::geometry).map(Geometry::getEnvelopeInternal).forEach(env::expandToInclude);
        assertThat(env.getMinX()).isGreaterThan(113.30);
        assertThat(env.getMaxX()).isLessThan(113.38);
        assertThat(env.getMinY()).isGreaterThan(40.05);
        assertThat(env.getMaxY()).isLessThan(40.13);
        double widthM = new LatLon(env.getMinY(), env.getMinX()).distanceM(new LatLon(env.getMinY(), env.getMaxX()));
        double heightM = new LatLon(env.getMinY(), env.getMinX()).distanceM(new LatLon(env.getMaxY(), env.getMinX()));
        assertThat(Math.min(widthM, heightM)).isLessThan(6_000);
        assertThat(Math.max(widthM, heightM)).isLessThan(8_000);
    }
}
