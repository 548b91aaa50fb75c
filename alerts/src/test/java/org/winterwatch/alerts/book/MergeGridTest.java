package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.winterwatch.geo.LatLon;

class MergeGridTest {

    @ParameterizedTest(name = "around {0},{1}")
    @CsvSource({"40.08,113.30", "0,0", "-33.9,151.2", "69.6,18.9", "78.2,15.6", "52.0,179.9995", "-45,-179.9995"})
    void everyAlertWithinTheRadiusIsAmongTheCandidates(double lat, double lon) {
        double radius = 30;
        MergeGrid grid = new MergeGrid(radius);
        Random random = new Random(Double.doubleToLongBits(lat * 31 + lon));
        List<LatLon> alerts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double dLat = (random.nextDouble() - 0.5) * 300 / 111_320;
            double dLon = (random.nextDouble() - 0.5) * 300 / (111_320 * Math.cos(Math.toRadians(lat)));
            double aLon = lon + dLon;
            aLon = aLon > 180 ? aLon - 360 : aLon < -180 ? aLon + 360 : aLon;
            LatLon a = new LatLon(lat + dLat, aLon);
            alerts.add(a);
            grid.put("a" + i, a.lat(), a.lon());
        }
        for (int q = 0; q < 300; q++) {
            double qLat = lat + (random.nextDouble() - 0.5) * 200 / 111_320;
            double qLon = lon + (random.nextDouble() - 0.5) * 200 / (111_320 * Math.cos(Math.toRadians(lat)));
            qLon = qLon > 180 ? qLon - 360 : qLon < -180 ? qLon + 360 : qLon;
            LatLon where = new LatLon(qLat, qLon);
            List<String> candidates = grid.near(qLat, qLon);
            for (int i = 0; i < alerts.size(); i++) {
                if (where.distanceM(alerts.get(i)) <= radius) {
                    assertThat(candidates).as("alert %d at %s, %.1f m from %s", i, alerts.get(i),
                            where.distanceM(alerts.get(i)), where).contains("a" + i);
                }
            }
            // the neighbourhood is small: a handful of cells, not the whole city
            assertThat(candidates.size()).isLessThan(alerts.size() / 4);
        }
    }

    @org.junit.jupiter.api.Test
    void removedAndMovedAlertsAreFoundOnlyWhereTheyAre() {
        MergeGrid grid = new MergeGrid(30);
        grid.put("a", 40.0, 113.0);
        grid.put("b", 40.0, 113.0);
        grid.remove("a");
        assertThat(grid.near(40.0, 113.0)).containsExactly("b");
        grid.put("b", 40.01, 113.0);
        assertThat(grid.near(40.0, 113.0)).isEmpty();
        assertThat(grid.near(40.01, 113.0)).containsExactly("b");
        assertThat(grid.size()).isEqualTo(1);
    }
}
