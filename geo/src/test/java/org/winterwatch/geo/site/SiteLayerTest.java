package org.winterwatch.geo.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;

class SiteLayerTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private final SiteLayer demo = SiteLayers.demoLayer();

    @Test
    void findsTheNearestPatrolSiteWithinTheRadius() {
        Site atm = demo.byId("atm-01").orElseThrow();
        LatLon near = new LatLon(atm.anchor().lat() + 0.0001, atm.anchor().lon()); // ~11 m north
        assertThat(demo.nearestSite(near, 30)).contains(atm);
        assertThat(demo.nearestSite(near, 5)).isEmpty();
    }

    @Test
    void nearestSiteIgnoresNoFlyZones() {
        Site zone = demo.noFlyZones().get(0);
        assertThat(demo.nearestSite(zone.anchor(), 10)).isEmpty();
    }

    @Test
    void centroidLiesAmongThePatrolSites() {
        LatLon c = demo.centroid();
        assertThat(c.lat()).isBetween(40.06, 40.12);
        assertThat(c.lon()).isBetween(113.32, 113.36);
    }

    @Test
    void refusesDuplicateIdsAndBadPriorities() {
        Site a = Site.of("a", "A", SiteCategory.OTHER, FACTORY.createPoint(new Coordinate(113.3, 40.1)));
        assertThatThrownBy(() -> new SiteLayer(List.of(a, a))).hasMessageContaining("duplicate site id a");
        assertThatThrownBy(() -> new Site("b", null, SiteCategory.OTHER, 0, null, a.geometry(), 30))
                .hasMessageContaining("priority");
        assertThatThrownBy(() -> new Site("c", null, SiteCategory.NO_FLY_ZONE, 3, null, a.geometry(), 30))
                .hasMessageContaining("polygon");
    }

    @Test
    void siteGeometryCannotBeChangedFromOutside() {
        Site a = Site.of("a", "A", SiteCategory.OTHER, FACTORY.createPoint(new Coordinate(113.3, 40.1)));
        a.geometry().getCoordinate().x = 0;
        assertThat(a.anchor().lon()).isEqualTo(113.3);
    }
}
