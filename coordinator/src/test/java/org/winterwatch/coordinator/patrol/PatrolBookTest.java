package org.winterwatch.coordinator.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/** When sites are due for patrol, and when the book says to launch a sweep of them; time passed in. */
class PatrolBookTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant EVENING = Instant.parse("2026-12-03T19:30:00Z");

    private static Site site(String id, SiteCategory category, int priority) {
        return new Site(id, id, category, priority, "team-centre", GEOMETRY.createPoint(new Coordinate(113.33, 40.09)),
                Site.DEFAULT_CORRIDOR_WIDTH_M);
    }

    private final Site bridge = site("br-1", SiteCategory.BRIDGE, 5);
    private final Site atm = site("atm-1", SiteCategory.ATM_LOBBY, 2);
    private final PatrolPolicy policy = PatrolPolicy.defaults().withZone(ZONE);

    private PatrolBook book() {
        return new PatrolBook(policy, List.of(bridge, atm));
    }

    private static PatrolFacts swept(Map<String, Instant> lastSwept) {
        return new PatrolFacts(lastSwept, Map.of(), Map.of());
    }

    @Test
    void aSiteNeverSweptIsDueNowAndASweptOneAfterItsPrioritysInterval() {
        Instant sweptAt = EVENING.minus(Duration.ofHours(1));
        List<SiteDue> due = book().due(EVENING, swept(Map.of("br-1", sweptAt)));

        SiteDue bridgeDue = due.stream().filter(d -> d.siteId().equals("br-1")).findFirst().orElseThrow();
        SiteDue atmDue = due.stream().filter(d -> d.siteId().equals("atm-1")).findFirst().orElseThrow();
        assertThat(atmDue.dueBy(EVENING)).isTrue();
        assertThat(atmDue.reason()).isEqualTo("never swept");
        assertThat(bridgeDue.dueAt()).as("priority 5: every 2 h").isEqualTo(sweptAt.plus(Duration.ofHours(2)));
        assertThat(bridgeDue.dueBy(EVENING)).isFalse();
        assertThat(due.get(0).siteId()).as("soonest first").isEqualTo("atm-1");
    }

    @Test
    void aCategoryIntervalOverridesThePriorityOne() {
        PatrolPolicy atmsRarely = new PatrolPolicy(true, policy.byPriority(), Map.of("atm_lobby", Duration.ofHours(8)),
                policy.followUp(), policy.followUpWindow(), policy.windows(), ZONE, 0.5, Duration.ofHours(1));
        Instant sweptAt = EVENING.minus(Duration.ofHours(1));
        SiteDue atmDue = new PatrolBook(atmsRarely, List.of(atm)).due(EVENING, swept(Map.of("atm-1", sweptAt))).get(0);

        assertThat(atmDue.interval()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aPlaceWhereSomeoneWasSeenOrDeclinedHelpIsDueBackSooner() {
        Instant sweptAt = EVENING.minus(Duration.ofMinutes(70));
        PatrolFacts facts = new PatrolFacts(Map.of("br-1", sweptAt, "atm-1", sweptAt),
                Map.of("br-1", EVENING.minus(Duration.ofHours(2))), Map.of("atm-1", EVENING.minus(Duration.ofMinutes(80))));

        List<SiteDue> due = book().due(EVENING, facts);

        assertThat(due).allSatisfy(d -> {
            assertThat(d.interval()).isEqualTo(Duration.ofMinutes(60));
            assertThat(d.dueBy(EVENING)).isTrue();
        });
        assertThat(due).filteredOn(d -> d.siteId().equals("atm-1")).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("follow-up: help declined here"));
        assertThat(due).filteredOn(d -> d.siteId().equals("br-1")).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("follow-up: alert here"));
    }

    @Test
    void anOldAlertNoLongerShortensTheInterval() {
        Instant sweptAt = EVENING.minus(Duration.ofMinutes(70));
        PatrolFacts facts = new PatrolFacts(Map.of("br-1", sweptAt), Map.of("br-1", EVENING.minus(Duration.ofHours(13))),
                Map.of());

        assertThat(book().due(EVENING, facts).stream().filter(d -> d.siteId().equals("br-1")).findFirst().orElseThrow()
                .interval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theNightWindowLaunchesWhatIsDueAtEachSlotAndOnlyOncePerSlot() {
        PatrolBook book = book();
        PatrolFacts facts = swept(Map.of());

        assertThat(book.decide(EVENING, facts)).isInstanceOf(PatrolBook.Hold.class);
        Instant eight = Instant.parse("2026-12-03T20:00:00Z");
        PatrolBook.Decision atEight = book.decide(eight.plusSeconds(30), facts);
        assertThat(atEight).isInstanceOfSatisfying(PatrolBook.Launch.class, l -> {
            assertThat(l.siteIds()).containsExactlyInAnyOrder("br-1", "atm-1");
            assertThat(l.slot()).isEqualTo(eight);
        });
        book.launched((PatrolBook.Launch) atEight, eight.plusSeconds(30));

        assertThat(book.decide(eight.plus(Duration.ofMinutes(45)), facts)).as("this slot is done")
                .isInstanceOf(PatrolBook.Hold.class);
        assertThat(book.decide(eight.plus(Duration.ofHours(2)), facts)).as("the 22:00 slot")
                .isInstanceOfSatisfying(PatrolBook.Launch.class, l -> assertThat(l.slot()).isEqualTo(eight.plus(Duration.ofHours(2))));
        assertThat(book.decide(Instant.parse("2026-12-04T07:00:00Z"), facts)).as("morning: outside the window")
                .isInstanceOf(PatrolBook.Hold.class);
    }

    @Test
    void aSlotWithNothingDueLaunchesNothing() {
        Instant eight = Instant.parse("2026-12-03T20:00:00Z");
        PatrolFacts allFresh = swept(Map.of("br-1", eight.minusSeconds(600), "atm-1", eight.minusSeconds(600)));

        assertThat(book().decide(eight, allFresh)).isInstanceOfSatisfying(PatrolBook.Hold.class,
                h -> assertThat(h.reason()).startsWith("nothing due until"));
    }

    @Test
    void extremeWeatherMakesEverySiteDueAtOnceLaunchesOutsideTheWindowAndHalvesTheIntervals() {
        PatrolBook book = book();
        Instant afternoon = Instant.parse("2026-12-03T14:00:00Z");
        PatrolFacts fresh = swept(Map.of("br-1", afternoon.minusSeconds(600), "atm-1", afternoon.minusSeconds(600)));
        assertThat(book.decide(afternoon, fresh)).isInstanceOf(PatrolBook.Hold.class);

        assertThat(book.observeWeather(true, afternoon)).as("the spell begins").isTrue();
        PatrolBook.Decision now = book.decide(afternoon, fresh);

        assertThat(now).isInstanceOfSatisfying(PatrolBook.Launch.class, l -> {
            assertThat(l.siteIds()).containsExactlyInAnyOrder("br-1", "atm-1");
            assertThat(l.reason()).startsWith("extreme weather began");
        });
        book.launched((PatrolBook.Launch) now, afternoon);
        PatrolFacts sweptInTheCold = swept(Map.of("br-1", afternoon.plusSeconds(900), "atm-1", afternoon.plusSeconds(900)));
        assertThat(book.due(afternoon.plusSeconds(900), sweptInTheCold)).filteredOn(d -> d.siteId().equals("br-1"))
                .singleElement().satisfies(d -> assertThat(d.interval()).isEqualTo(Duration.ofHours(1)));
        assertThat(book.observeWeather(true, afternoon.plusSeconds(60))).as("still the same spell").isFalse();
        assertThat(book.decide(afternoon.plus(Duration.ofMinutes(30)), fresh)).as("within the hour")
                .isInstanceOf(PatrolBook.Hold.class);
        assertThat(book.decide(afternoon.plus(Duration.ofMinutes(61)), fresh)).as("an hour later, again")
                .isInstanceOf(PatrolBook.Launch.class);
    }

    @Test
    void withPatrolsOffNothingIsLaunchedButWhatIsDueIsStillShown() {
        PatrolBook off = new PatrolBook(policy.withEnabled(false), List.of(bridge));

        assertThat(off.decide(Instant.parse("2026-12-03T20:00:00Z"), swept(Map.of()))).isInstanceOf(PatrolBook.Hold.class);
        assertThat(off.due(EVENING, swept(Map.of()))).singleElement().satisfies(d -> assertThat(d.dueBy(EVENING)).isTrue());
    }

    @Test
    void aWindowAcrossMidnightHasItsSlotsFromTheEveningToTheMorning() {
        NightWindow night = new NightWindow(LocalTime.of(20, 0), LocalTime.of(6, 0), Duration.ofHours(2));

        assertThat(night.slotAtOrBefore(Instant.parse("2026-12-04T01:30:00Z"), ZONE)).contains(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(night.slotAtOrBefore(Instant.parse("2026-12-04T05:59:00Z"), ZONE)).contains(Instant.parse("2026-12-04T04:00:00Z"));
        assertThat(night.slotAtOrBefore(Instant.parse("2026-12-04T06:00:00Z"), ZONE)).isEmpty();
        assertThat(night.nextSlotAfter(Instant.parse("2026-12-04T07:00:00Z"), ZONE)).isEqualTo(Instant.parse("2026-12-04T20:00:00Z"));
        assertThat(night.nextSlotAfter(Instant.parse("2026-12-04T04:10:00Z"), ZONE)).as("no 06:00 slot: the window has closed")
                .isEqualTo(Instant.parse("2026-12-04T20:00:00Z"));
        assertThat(night.slotAtOrBefore(Instant.parse("2026-12-04T21:00:00Z"), ZoneId.of("Asia/Shanghai")))
                .as("05:00 local in Datong").contains(Instant.parse("2026-12-04T20:00:00Z"));
    }
}
