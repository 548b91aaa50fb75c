package org.winterwatch.coordinator.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

class AlertBookTest {

    private static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AtomicInteger ids = new AtomicInteger();
    private final AlertBook book = new AlertBook(demo, AlertPolicy.defaults(), () -> -18.0, () -> "a-" + ids.incrementAndGet());

    private Detection at(String id, double lat, double lon, Instant when, double confidence) {
        return new Detection(id, "drone-1", DetectionKind.THERMAL, lat, lon, when, confidence, 31.0, null, null, null);
    }

    private Site aBridge() {
        return demo.patrolSites().stream().filter(s -> s.category().wireName().equals("bridge")).findFirst().orElseThrow();
    }

    @Test
    void detectionsOfOnePlaceFoldIntoOneAlertWithRisingVersion() {
        Site bridge = aBridge();
        var p = bridge.anchor();

        Alert first = book.fold(at("d1", p.lat(), p.lon(), T0, 0.7), T0);
        Alert second = book.fold(at("d2", p.lat() + 0.0001, p.lon(), T0.plusSeconds(60), 0.7), T0.plusSeconds(60));

        assertThat(second.alertId()).isEqualTo(first.alertId());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.detectionIds()).containsExactly("d1", "d2");
        assertThat(second.confidence()).isGreaterThan(first.confidence());
        assertThat(second.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(first.siteId()).isEqualTo(bridge.id());
        assertThat(first.teamId()).isEqualTo(bridge.team());
    }

    @Test
    void aDetectionBeyondTheMergeRadiusRaisesAnotherAlert() {
        var p = aBridge().anchor();

        Alert first = book.fold(at("d1", p.lat(), p.lon(), T0, 0.7), T0);
        Alert far = book.fold(at("d2", p.lat() + 0.001, p.lon(), T0, 0.7), T0); // about 110 m north

        assertThat(far.alertId()).isNotEqualTo(first.alertId());
    }

    @Test
    void aDetectionAfterTheMergeWindowRaisesAnotherAlert() {
        var p = aBridge().anchor();

        Alert first = book.fold(at("d1", p.lat(), p.lon(), T0, 0.7), T0);
        Instant later = T0.plus(Duration.ofMinutes(16));
        Alert next = book.fold(at("d2", p.lat(), p.lon(), later, 0.7), later);

        assertThat(next.alertId()).isNotEqualTo(first.alertId());
    }

    @Test
    void anAlertFarFromEverySiteGoesToTheDefaultTeamNotToNobody() {
        Alert alert = book.fold(at("d1", 40.5, 113.9, T0, 0.9), T0);

        assertThat(alert.siteId()).isNull();
        assertThat(alert.teamId()).isEqualTo(AlertPolicy.defaults().defaultTeam());
    }

    @Test
    void aConfidentSightingAtAnExposedSiteInDeepColdIsUrgentAndSaysWhy() {
        var p = aBridge().anchor();

        Alert alert = book.fold(at("d1", p.lat(), p.lon(), T0, 0.95), T0);

        assertThat(alert.priority()).isIn(Priority.CRITICAL, Priority.HIGH);
        assertThat(alert.reasons()).anyMatch(r -> r.contains("ambient -18.0"));
        assertThat(alert.reasons()).anyMatch(r -> r.contains("bridge"));
    }
}
