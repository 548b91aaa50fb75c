package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;

/**
 * The priority spreads on a normal cold night: the demo's night (simulator demo-scenario.json) replayed through the
 * alert book at -18 C, calm. Eight people at sites of the bundled layer (four bridge decks, a culvert, two abandoned
 * buildings, an ATM lobby), seen by four drones passing every few minutes, the lobby's motion sensor every minute, the
 * culvert's thermal camera every two minutes, and two tips (one naming an elderly man); 25 minutes, as long as a
 * 75-second demo at 20x. Every alert version counts, as every one is a line the demo prints. Escalation, which
 * the simulated ground teams are there to answer, is not part of this replay.
 */
class DemoNightCalibrationTest {

    private static final Instant DUSK = Instant.parse("2026-01-05T18:00:00Z");
    private static final List<String> PEOPLE_AT = List.of("br-03", "br-04", "br-01", "cv-02", "ab-01", "atm-01", "ab-03", "br-06");

    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AlertPolicy policy = AlertPolicy.defaults();
    private final AlertBook book = new AlertBook(demo, policy, new Teams(List.of(), policy), new Weather(-18));
    private final Random random = new Random(42);
    private int sequence;

    @Test
    void noPriorityHoldsMoreThanSixtyPercentOfTheDemoNightsAlerts() {
        List<Alert> lines = replayDemoNight();

        Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
        lines.forEach(a -> byPriority.merge(a.priority(), 1, Integer::sum));

        assertThat(lines).hasSizeGreaterThan(50);
        byPriority.forEach((p, n) -> assertThat(n).as("%s holds %d of %d alert lines: %s", p, n, lines.size(), byPriority)
                .isLessThanOrEqualTo(lines.size() * 60 / 100));
        assertThat(byPriority).as("at least three classes in use: %s", byPriority).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void atTheEndOfTheNightTheExposedPlacesComeFirst() {
        replayDemoNight();

        List<Alert> board = new ArrayList<>(book.activeAlerts());
        board.sort(AlertOrder.MOST_URGENT_FIRST);

        assertThat(board.get(0).category()).isEqualTo("culvert");
        assertThat(board.get(board.size() - 1).category()).isIn("atm_lobby", "station");
    }

    private List<Alert> replayDemoNight() {
        List<Alert> lines = new ArrayList<>();
        for (int second = 0; second <= 25 * 60; second += 60) {
            Instant at = DUSK.plusSeconds(second);
            int minute = second / 60;
            for (int i = 0; i < PEOPLE_AT.size(); i++) {
                // four drones, each site passed every six minutes, staggered by the site's place in the route
                if ((minute + i) % 6 == 0) {
                    lines.add(seen(PEOPLE_AT.get(i), "drone-" + (i % 4), DetectionKind.THERMAL, 0.55 + 0.42 * random.nextDouble(), at));
                }
            }
            if (random.nextDouble() < 0.95) {
                lines.add(seen("atm-01", "atm-01-motion", DetectionKind.MOTION, 0.7 + 0.25 * random.nextDouble(), at));
            }
            if (minute % 2 == 0) {
                lines.add(seen("cv-02", "cv-02-thermal", DetectionKind.THERMAL, 0.7 + 0.25 * random.nextDouble(), at));
            }
            if (minute == 5) {
                lines.add(tip("up-02", "someone sleeping in the underpass", List.of(), at));
            }
            if (minute == 12) {
                lines.add(tip("st-01", "an old man sitting by the station door all evening", List.of("elderly"), at));
            }
        }
        return lines;
    }

    private Alert seen(String siteId, String source, DetectionKind kind, double confidence, Instant at) {
        LatLon p = demo.byId(siteId).orElseThrow().anchor();
        return book.fold(new Detection(source + "-" + (++sequence), source, kind, p.lat(), p.lon(), at, confidence,
                kind == DetectionKind.MOTION ? null : 30.0, siteId, null, null), at);
    }

    private Alert tip(String siteId, String note, List<String> flags, Instant at) {
        LatLon p = demo.byId(siteId).orElseThrow().anchor();
        return book.fold(new Detection("tip-" + (++sequence), "tip:caller", DetectionKind.TIP, p.lat(), p.lon(), at, 0.6,
                null, siteId, null, null, note, flags), at.plus(Duration.ofSeconds(1)));
    }
}
