package org.winterwatch.alerts.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.DetectionKind;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Teams;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

class TimeToHelpTest {

    private static final Instant NIGHT = Instant.parse("2026-01-05T20:00:00Z");
    private static final Instant MORNING = Instant.parse("2026-01-06T06:00:00Z");
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AtomicInteger ids = new AtomicInteger();
    private final AlertPolicy policy = AlertPolicy.defaults();
    private final AlertBook book = new AlertBook(demo, policy, new Teams(List.of(), policy), new Weather(-12));
    private final List<Alert> latest = new ArrayList<>();

    /** A person seen at the site {@code minute} minutes into the night; the team acts after the given minutes. */
    private Alert seen(Site site, int minute) {
        Instant at = NIGHT.plusSeconds(60L * minute);
        return book.fold(new Detection("d-" + ids.incrementAndGet(), "drone-1", DetectionKind.THERMAL,
                site.anchor().lat(), site.anchor().lon(), at, 0.9, 31.0, null, null, null), at);
    }

    private void act(Alert a, TeamAction.Kind kind, Outcome outcome, int minutesAfterFirstSeen) {
        ActionResult r = book.act(new TeamAction(a.alertId(), kind, "tester", outcome, List.of(), null, null, a.teamId()),
                a.firstSeen().plusSeconds(60L * minutesAfterFirstSeen));
        latest.removeIf(x -> x.alertId().equals(a.alertId()));
        latest.add(((ActionResult.Changed) r).alert());
    }

    private Site site(String id) {
        return demo.byId(id).orElseThrow();
    }

    @Test
    void theNightsTimesToHelpAreMediansAndNinetiethPercentilesFromTheFirstDetection() {
        // three people reached: acknowledged after 2, 4 and 10 min, on site after 12, 20 and 30 min, helped after 25,
        // 35 and 60 min; a fourth alert nobody acknowledged
        int[][] times = {{2, 12, 25}, {4, 20, 35}, {10, 30, 60}};
        String[] sites = {"br-01", "cv-02", "up-01"};
        for (int i = 0; i < 3; i++) {
            Alert a = seen(site(sites[i]), 10 * i);
            act(a, TeamAction.Kind.ACK, null, times[i][0]);
            act(a, TeamAction.Kind.ARRIVE, null, times[i][1]);
            act(a, TeamAction.Kind.RESOLVE, i == 2 ? Outcome.HOSPITAL : Outcome.ON_SITE_AID, times[i][2]);
        }
        latest.add(seen(site("st-01"), 40));

        TimeToHelp.Figures night = TimeToHelp.of(latest, NIGHT, MORNING);

        assertThat(night.alerts()).isEqualTo(4);
        assertThat(night.all().acknowledged()).isEqualTo(new TimeToHelp.Measure(3, 240.0, 600.0));
        assertThat(night.all().onSite()).isEqualTo(new TimeToHelp.Measure(3, 1200.0, 1800.0));
        assertThat(night.all().resolved()).isEqualTo(new TimeToHelp.Measure(3, 2100.0, 3600.0));
        assertThat(night.peopleHelped()).containsEntry("on_site_aid", 2L).containsEntry("hospital", 1L).hasSize(2);
        assertThat(night.escalated()).isZero();
    }

    @Test
    void eachTeamHasItsOwnTimesAndADismissedFalseAlarmIsNoHelp() {
        Alert bridge = seen(site("br-01"), 0);
        act(bridge, TeamAction.Kind.ACK, null, 3);
        Alert culvert = seen(site("cv-03"), 5);
        act(culvert, TeamAction.Kind.RESOLVE, Outcome.FALSE_ALARM, 8);

        TimeToHelp.Figures night = TimeToHelp.of(latest, NIGHT, MORNING);

        assertThat(night.byTeam()).containsKeys(bridge.teamId(), culvert.teamId());
        assertThat(night.byTeam().get(bridge.teamId()).acknowledged().medianS()).isEqualTo(180.0);
        assertThat(night.all().resolved().count()).as("a false alarm is not a person helped").isZero();
        assertThat(night.peopleHelped()).isEmpty();
    }

    @Test
    void alertsFirstSeenOutsideTheNightAreNotCounted() {
        Alert before = seen(site("br-01"), -120);
        act(before, TeamAction.Kind.ACK, null, 1);

        TimeToHelp.Figures night = TimeToHelp.of(latest, NIGHT, MORNING);

        assertThat(night.alerts()).isZero();
        assertThat(night.all().acknowledged()).isEqualTo(new TimeToHelp.Measure(0, null, null));
    }
}
