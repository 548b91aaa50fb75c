package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.alerts.wire.AlertJson;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

class AlertBookTest {

    private static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AtomicInteger ids = new AtomicInteger();
    private final AlertPolicy policy = AlertPolicy.defaults();
    private final Weather weather = new Weather(-8);
    private final AlertBook book = book(List.of());

    private AlertBook book(List<TeamZone> zones) {
        return new AlertBook(demo, policy, new Teams(zones, policy), weather, () -> "a-" + ids.incrementAndGet());
    }

    private static Detection thermal(String id, LatLon p, Instant when, double confidence) {
        return new Detection(id, "drone-1", DetectionKind.THERMAL, p.lat(), p.lon(), when, confidence, 31.0, null, null, null);
    }

    private static Detection from(String source, DetectionKind kind, String id, LatLon p, double confidence) {
        return new Detection(id, source, kind, p.lat(), p.lon(), T0, confidence, null, null, null, null);
    }

    private Site first(String category) {
        return demo.patrolSites().stream().filter(s -> s.category().wireName().equals(category)).findFirst().orElseThrow();
    }

    private static TeamAction action(String alertId, TeamAction.Kind kind, String team) {
        return new TeamAction(alertId, kind, "tester", kind == TeamAction.Kind.RESOLVE ? Outcome.ON_SITE_AID : null,
                List.of("coat", "hot_drink"), null, null, team);
    }

    @Test
    void detectionsOfOnePlaceFoldIntoOneAlertWithRisingVersion() {
        Site bridge = first("bridge");
        LatLon p = bridge.anchor();

        Alert firstAlert = book.fold(thermal("d1", p, T0, 0.8), T0);
        Alert second = book.fold(thermal("d2", new LatLon(p.lat() + 0.0001, p.lon()), T0.plusSeconds(60), 0.8), T0.plusSeconds(60));

        assertThat(second.alertId()).isEqualTo(firstAlert.alertId());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.detectionIds()).containsExactly("d1", "d2");
        assertThat(second.confidence()).isGreaterThan(firstAlert.confidence());
        assertThat(second.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(firstAlert.siteId()).isEqualTo(bridge.id());
        assertThat(firstAlert.teamId()).isEqualTo(bridge.team());
    }

    @Test
    void aPlaceSeenAllNightStaysASmallMessageButCountsEverySighting() {
        LatLon p = first("culvert").anchor();
        Alert last = null;
        for (int i = 1; i <= 60; i++) {
            last = book.fold(thermal("d" + i, p, T0.plusSeconds(i), 0.8), T0.plusSeconds(i));
        }

        assertThat(last.version()).isEqualTo(60);
        assertThat(last.detectionCount()).isEqualTo(60);
        assertThat(last.detectionIds()).hasSize(Alert.MAX_DETECTION_IDS).startsWith("d41").endsWith("d60");
        assertThat(AlertJson.write(last).length()).isLessThan(2_048);
    }

    @Test
    void manyPlacesAtOnceEachFoldIntoTheirOwnNearestAlert() {
        // 400 places 100 m apart on a grid, each seen three times a little off its first spot
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 400; i++) {
                LatLon place = new LatLon(40.05 + (i / 20) * 0.0009 + round * 0.00005, 113.25 + (i % 20) * 0.0012);
                book.fold(thermal("p" + i + "-" + round, place, T0.plusSeconds(round), 0.8), T0.plusSeconds(round));
            }
        }

        assertThat(book.activeAlerts()).hasSize(400)
                .allSatisfy(a -> assertThat(a.detectionIds()).hasSize(3)
                        .allSatisfy(id -> assertThat(id).startsWith(a.detectionIds().get(0).split("-")[0] + "-")));
    }

    @Test
    void whatHappenedToAnAlertStaysInItsReasonsWhenItIsSeenAgain() {
        LatLon p = first("bridge").anchor();
        Alert a = book.fold(thermal("d1", p, T0, 0.5), T0);
        book.act(action(a.alertId(), TeamAction.Kind.CONFIRM, null), T0.plusSeconds(10));
        book.note(a.alertId(), "drone drone-1 sent to look: 0.2 km away, about 1 min", T0.plusSeconds(20));

        Alert again = book.fold(thermal("d2", p, T0.plusSeconds(30), 0.9), T0.plusSeconds(30));

        assertThat(again.reasons()).contains("confirmed by the control room",
                "drone drone-1 sent to look: 0.2 km away, about 1 min", "2 sightings");
        assertThat(again.reasons()).filteredOn(r -> r.startsWith("confidence ")).hasSize(1);
        assertThat(book.note("a-unknown", "x", T0)).isInstanceOf(ActionResult.Refused.class);
    }

    @Test
    void aDetectionBeyondTheMergeRadiusOrWindowRaisesAnotherAlert() {
        LatLon p = first("bridge").anchor();
        Alert a = book.fold(thermal("d1", p, T0, 0.8), T0);

        Alert far = book.fold(thermal("d2", new LatLon(p.lat() + 0.001, p.lon()), T0, 0.8), T0);
        Instant later = T0.plus(Duration.ofMinutes(16));
        Alert late = book.fold(thermal("d3", p, later, 0.8), later);

        assertThat(far.alertId()).isNotEqualTo(a.alertId());
        assertThat(late.alertId()).isNotIn(a.alertId(), far.alertId());
    }

    @Test
    void anAlertFarFromEverySiteAndZoneGoesToTheDefaultTeamNotToNobody() {
        Alert alert = book.fold(thermal("d1", new LatLon(40.5, 113.9), T0, 0.9), T0);

        assertThat(alert.siteId()).isNull();
        assertThat(alert.teamId()).isEqualTo(policy.defaultTeam());
    }

    @Test
    void aPlaceInsideAConfiguredZoneGoesToThatZonesTeam() {
        var square = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(113.8, 40.4),
                new Coordinate(114.0, 40.4), new Coordinate(114.0, 40.6), new Coordinate(113.8, 40.6), new Coordinate(113.8, 40.4)});
        AlertBook zoned = book(List.of(new TeamZone("team-east", square, null)));

        Alert alert = zoned.fold(thermal("d1", new LatLon(40.5, 113.9), T0, 0.9), T0);

        assertThat(alert.teamId()).isEqualTo("team-east");
    }

    @Test
    void aLoneLowConfidenceMotionBlipPagesNobody() {
        Alert alert = book.fold(from("lobby-7", DetectionKind.MOTION, "m1", first("atm_lobby").anchor(), 0.5), T0);

        assertThat(alert.dispatch()).isEqualTo(Dispatch.WATCH);
        assertThat(AlertRouting.teamsFor(alert, policy)).isEmpty();
    }

    @Test
    void aDoubtfulSightingWaitsForTheControlRoomAndGoesToTheTeamIfNobodyLooks() {
        Alert alert = book.fold(thermal("d1", first("culvert").anchor(), T0, 0.5), T0);
        assertThat(alert.dispatch()).isEqualTo(Dispatch.REVIEW);
        assertThat(AlertRouting.teamsFor(alert, policy)).containsExactly(policy.controlRoomTeam());

        assertThat(book.tick(T0.plus(Duration.ofMinutes(2)))).isEmpty();
        List<Alert> changed = book.tick(T0.plus(policy.reviewTimeout()));

        assertThat(changed).singleElement().satisfies(a -> {
            assertThat(a.dispatch()).isEqualTo(Dispatch.TEAM);
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.reasons()).anyMatch(r -> r.startsWith("not reviewed within"));
        });
    }

    @Test
    void theControlRoomConfirmsOrDismissesAnAlertUnderReview() {
        Alert doubtful = book.fold(thermal("d1", first("culvert").anchor(), T0, 0.5), T0);
        Alert other = book.fold(thermal("d2", first("bridge").anchor(), T0, 0.5), T0);

        ActionResult confirmed = book.act(new TeamAction(doubtful.alertId(), TeamAction.Kind.CONFIRM, "cr", null, null, null, null, null), T0);
        ActionResult dismissed = book.act(new TeamAction(other.alertId(), TeamAction.Kind.DISMISS, "cr", null, null, null, null, null), T0);

        assertThat(((ActionResult.Changed) confirmed).alert().dispatch()).isEqualTo(Dispatch.TEAM);
        Alert closed = ((ActionResult.Changed) dismissed).alert();
        assertThat(closed.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(closed.outcome()).isEqualTo(Outcome.FALSE_ALARM);
    }

    @Test
    void independentSourcesAgreeingRaiseConfidenceToDispatch() {
        LatLon lobby = first("atm_lobby").anchor();
        Alert motion = book.fold(from("lobby-7", DetectionKind.MOTION, "m1", lobby, 0.8), T0);
        Alert both = book.fold(from("drone-2", DetectionKind.THERMAL, "t1", lobby, 0.6), T0);

        assertThat(motion.dispatch()).isEqualTo(Dispatch.REVIEW);
        assertThat(both.alertId()).isEqualTo(motion.alertId());
        assertThat(both.sources()).containsExactly("lobby-7", "drone-2");
        assertThat(both.dispatch()).isEqualTo(Dispatch.TEAM);
        assertThat(both.reasons()).contains("2 independent sources agree");
    }

    @Test
    void aTipAboutAChildIsCriticalAndGoesStraightToTheTeam() {
        Detection tip = new Detection("t1", "tip:courier-17", DetectionKind.TIP, 40.2, 113.6, T0, 0.6, null, null, null,
                null, "a child sleeping by the road", List.of("child"));

        Alert alert = book.fold(tip, T0);

        assertThat(alert.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(alert.dispatch()).isEqualTo(Dispatch.TEAM);
        assertThat(alert.reasons()).contains("tip mentions a child");
    }

    @Test
    void ackThenResolveAreNewVersionsAndARedeliveredAckChangesNothing() {
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.9), T0);
        String team = alert.teamId();

        Alert acked = ((ActionResult.Changed) book.act(action(alert.alertId(), TeamAction.Kind.ACK, team), T0)).alert();
        ActionResult again = book.act(action(alert.alertId(), TeamAction.Kind.ACK, team), T0);
        Alert resolved = ((ActionResult.Changed) book.act(action(alert.alertId(), TeamAction.Kind.RESOLVE, team), T0)).alert();
        ActionResult resolvedAgain = book.act(action(alert.alertId(), TeamAction.Kind.RESOLVE, team), T0);

        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.version()).isEqualTo(2);
        assertThat(again).isInstanceOf(ActionResult.Unchanged.class);
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.version()).isEqualTo(3);
        assertThat(resolved.items()).containsExactly("coat", "hot_drink");
        assertThat(resolvedAgain).isInstanceOf(ActionResult.Unchanged.class);
    }

    @Test
    void anotherTeamMayNotActOnATeamsAlertAndIsNotToldItExists() {
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.9), T0);

        ActionResult r = book.act(action(alert.alertId(), TeamAction.Kind.ACK, "team-elsewhere"), T0);
        ActionResult none = book.act(action("a-none", TeamAction.Kind.ACK, "team-elsewhere"), T0);

        assertThat(r).isInstanceOfSatisfying(ActionResult.Refused.class, x -> {
            assertThat(x.why()).isEqualTo(ActionResult.Why.UNKNOWN_ALERT);
            assertThat(x.reason()).isEqualTo("alertId: no alert '" + alert.alertId() + "'").doesNotContain(alert.teamId());
        });
        assertThat(none).isInstanceOfSatisfying(ActionResult.Refused.class,
                x -> assertThat(x.why()).isEqualTo(ActionResult.Why.UNKNOWN_ALERT));
    }

    @Test
    void aTeamMayNotResolveOrAcknowledgeItsAlertWhileTheControlRoomReviewsIt() {
        Site bridge = first("bridge");
        Alert underReview = book.fold(thermal("d1", bridge.anchor(), T0, 0.5), T0);
        assertThat(underReview.dispatch()).isEqualTo(Dispatch.REVIEW);

        ActionResult resolve = book.act(action(underReview.alertId(), TeamAction.Kind.RESOLVE, bridge.team()), T0);
        ActionResult ack = book.act(action(underReview.alertId(), TeamAction.Kind.ACK, bridge.team()), T0);
        ActionResult controlRoom = book.act(action(underReview.alertId(), TeamAction.Kind.CONFIRM, null), T0);

        assertThat(resolve).isInstanceOfSatisfying(ActionResult.Refused.class,
                x -> assertThat(x.why()).isEqualTo(ActionResult.Why.UNKNOWN_ALERT));
        assertThat(ack).isInstanceOf(ActionResult.Refused.class);
        assertThat(controlRoom).as("the review itself goes on").isInstanceOf(ActionResult.Changed.class);
        assertThat(book.act(action(underReview.alertId(), TeamAction.Kind.ACK, bridge.team()), T0))
                .as("once confirmed, the team acts").isInstanceOf(ActionResult.Changed.class);
    }

    @Test
    void aHandoverToATeamNobodyKnowsIsRefusedNamingTheKnownOnes() {
        Site bridge = first("bridge");
        Alert alert = book.fold(thermal("d1", bridge.anchor(), T0, 0.9), T0);
        TeamAction toNobody = new TeamAction(alert.alertId(), TeamAction.Kind.HANDOVER, "tester", null, List.of(), null,
                "team-nowhere", bridge.team());
        TeamAction toControlRoom = new TeamAction(alert.alertId(), TeamAction.Kind.HANDOVER, "tester", null, List.of(), null,
                AlertPolicy.defaults().controlRoomTeam(), bridge.team());

        ActionResult refused = book.act(toNobody, T0);
        ActionResult handed = book.act(toControlRoom, T0);

        assertThat(refused).isInstanceOfSatisfying(ActionResult.Refused.class, x -> {
            assertThat(x.why()).isEqualTo(ActionResult.Why.INVALID);
            assertThat(x.reason()).startsWith("toTeam: no team 'team-nowhere'").contains(bridge.team());
        });
        assertThat(handed).isInstanceOfSatisfying(ActionResult.Changed.class,
                x -> assertThat(x.alert().teamId()).isEqualTo(AlertPolicy.defaults().controlRoomTeam()));
    }

    @Test
    void anUnknownAlertIsRefusedNotCreated() {
        assertThat(book.act(action("a-none", TeamAction.Kind.ACK, null), T0))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.unknownAlert()).isTrue());
    }

    @Test
    void anUnacknowledgedAlertEscalatesToTheNextTeamAndTheControlRoomOneStepMoreUrgent() {
        // given an alert in front of the bridge's team, whose next team is the reserve
        Site bridge = first("bridge");
        AlertBook chained = book(List.of(new TeamZone(bridge.team(), null, "team-reserve")));
        Alert alert = chained.fold(thermal("d1", bridge.anchor(), T0, 0.75), T0);
        assertThat(alert.dispatch()).isEqualTo(Dispatch.TEAM);
        assertThat(alert.priority()).as("room to escalate").isNotEqualTo(Priority.CRITICAL);
        Instant due = T0.plus(policy.ackTimeout());

        // when nobody acknowledges it: a second early nothing happens, at the timeout it escalates
        List<Alert> early = chained.tick(due.minusSeconds(1));
        List<Alert> changed = chained.tick(due);

        // then
        assertThat(early).isEmpty();
        assertThat(changed).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(alert.alertId());
            assertThat(a.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(a.priority()).isEqualTo(Priority.values()[alert.priority().ordinal() - 1]);
            assertThat(a.teamId()).isEqualTo("team-reserve");
            assertThat(a.escalations()).isEqualTo(1);
            assertThat(a.dispatchedAt()).isEqualTo(due);
            assertThat(a.version()).isEqualTo(alert.version() + 1);
            assertThat(a.reasons()).containsAll(alert.reasons()).contains("not acknowledged by " + bridge.team()
                    + " within " + policy.ackTimeout().toMinutes() + " min: escalated to team-reserve");
            assertThat(AlertRouting.teamsFor(a, policy)).containsExactly("team-reserve", policy.controlRoomTeam());
        });
        assertThat(chained.find(alert.alertId())).contains(changed.get(0));
    }

    @Test
    void anEscalatedAlertNobodyAnswersEscalatesAgainATimeoutAfterItsLastEscalation() {
        // given an alert escalated once, to the reserve, which has no next team of its own
        Site bridge = first("bridge");
        AlertBook chained = book(List.of(new TeamZone(bridge.team(), null, "team-reserve")));
        Alert alert = chained.fold(thermal("d1", bridge.anchor(), T0, 0.75), T0);
        Instant firstEscalation = T0.plus(policy.ackTimeout());
        Alert once = chained.tick(firstEscalation).get(0);

        // when the reserve does not answer either
        List<Alert> early = chained.tick(firstEscalation.plus(policy.ackTimeout()).minusSeconds(1));
        List<Alert> changed = chained.tick(firstEscalation.plus(policy.ackTimeout()));

        // then the control room has it, more urgent again, with both escalations in its reasons
        assertThat(early).isEmpty();
        assertThat(changed).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(a.teamId()).isEqualTo(policy.controlRoomTeam());
            assertThat(a.priority()).isEqualTo(once.priority() == Priority.CRITICAL ? Priority.CRITICAL
                    : Priority.values()[once.priority().ordinal() - 1]);
            assertThat(a.priority().compareTo(alert.priority())).isLessThan(0);
            assertThat(a.escalations()).isEqualTo(2);
            assertThat(a.reasons()).contains(
                    "not acknowledged by " + bridge.team() + " within 5 min: escalated to team-reserve",
                    "not acknowledged by team-reserve within 5 min: escalated to " + policy.controlRoomTeam());
            assertThat(AlertRouting.teamsFor(a, policy)).containsExactly(policy.controlRoomTeam());
        });
    }

    @Test
    void anAlertTheControlRoomAlreadyHasIsNotEscalatedToItselfAgain() {
        // given an alert nobody answered, now with the control room (the end of the chain)
        Site bridge = first("bridge");
        Alert alert = book.fold(thermal("d1", bridge.anchor(), T0, 0.75), T0);
        Instant escalatedAt = T0.plus(policy.ackTimeout());
        assertThat(book.tick(escalatedAt)).singleElement()
                .satisfies(a -> assertThat(a.teamId()).isEqualTo(policy.controlRoomTeam()));

        // when timeouts pass again
        List<Alert> later = book.tick(escalatedAt.plus(policy.ackTimeout().multipliedBy(3)));

        // then it stays as it was: no new version, no escalation count climbing by the minute
        assertThat(later).isEmpty();
        assertThat(book.find(alert.alertId())).hasValueSatisfying(a -> assertThat(a.escalations()).isEqualTo(1));
    }

    @Test
    void anAcknowledgedAlertIsNotEscalated() {
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.75), T0);
        book.act(action(alert.alertId(), TeamAction.Kind.ACK, alert.teamId()), T0.plusSeconds(60));

        assertThat(book.tick(T0.plus(policy.ackTimeout().multipliedBy(10)))).isEmpty();
    }

    @Test
    void aTeamOnSiteIsRecordedOnceAndAcknowledgesAnAlertItHadNotAcknowledged() {
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.75), T0);

        ActionResult arrived = book.act(action(alert.alertId(), TeamAction.Kind.ARRIVE, alert.teamId()), T0.plusSeconds(600));
        ActionResult again = book.act(action(alert.alertId(), TeamAction.Kind.ARRIVE, alert.teamId()), T0.plusSeconds(900));

        assertThat(arrived).isInstanceOfSatisfying(ActionResult.Changed.class, c -> {
            assertThat(c.alert().state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(c.alert().acknowledgedAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(c.alert().onSiteAt()).isEqualTo(T0.plusSeconds(600));
        });
        assertThat(again).isInstanceOfSatisfying(ActionResult.Unchanged.class,
                u -> assertThat(u.alert().onSiteAt()).isEqualTo(T0.plusSeconds(600)));
        assertThat(book.tick(T0.plus(policy.ackTimeout().multipliedBy(10)))).as("a team on site is not escalated").isEmpty();
    }

    @Test
    void anArrivalAfterTheAcknowledgementKeepsTheTimeOfTheAcknowledgement() {
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.75), T0);
        book.act(action(alert.alertId(), TeamAction.Kind.ACK, alert.teamId()), T0.plusSeconds(60));

        ActionResult arrived = book.act(action(alert.alertId(), TeamAction.Kind.ARRIVE, alert.teamId()), T0.plusSeconds(700));

        assertThat(arrived).isInstanceOfSatisfying(ActionResult.Changed.class, c -> {
            assertThat(c.alert().acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(c.alert().onSiteAt()).isEqualTo(T0.plusSeconds(700));
        });
    }

    @Test
    void theExtremeWeatherPlanShortensTheTimeToAcknowledge() {
        // given a cold wave, and the alert of a team that has no next team
        weather.set(Weather.Conditions.calm(-20));
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.9), T0);
        Instant due = T0.plus(policy.coldWaveAckTimeout());

        // when
        List<Alert> early = book.tick(due.minusSeconds(1));
        List<Alert> changed = book.tick(due);

        // then it escalates after the cold-wave timeout, to the control room, and says which timeout it was
        assertThat(policy.coldWaveAckTimeout()).isLessThan(policy.ackTimeout());
        assertThat(early).isEmpty();
        assertThat(changed).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(a.teamId()).isEqualTo(policy.controlRoomTeam());
            assertThat(a.reasons()).contains("not acknowledged by " + alert.teamId() + " within "
                    + policy.coldWaveAckTimeout().toMinutes() + " min: escalated to " + policy.controlRoomTeam());
        });
    }

    @Test
    void aNewDetectionWherePeopleWereFoundBeforeSaysSoAndCarriesTheSiteHistory() {
        LatLon culvert = first("culvert").anchor();
        Alert night1 = book.fold(thermal("d1", culvert, T0, 0.9), T0);
        book.act(action(night1.alertId(), TeamAction.Kind.RESOLVE, night1.teamId()), T0.plusSeconds(600));

        Instant nextNight = T0.plus(Duration.ofHours(24));
        Alert night2 = book.fold(thermal("d2", culvert, nextNight, 0.9), nextNight);

        assertThat(night2.alertId()).isNotEqualTo(night1.alertId());
        assertThat(night2.knownSpot()).isTrue();
        assertThat(night2.siteHistory()).singleElement().satisfies(v -> assertThat(v.outcome()).isEqualTo(Outcome.ON_SITE_AID));
        assertThat(night2.reasons()).contains("known spot: people were found here before");
    }

    @Test
    void handoverMovesTheAlertToTheNamedTeam() {
        AlertBook book = book(List.of(new TeamZone("team-reserve", null, null)));
        Alert alert = book.fold(thermal("d1", first("bridge").anchor(), T0, 0.9), T0);

        Alert handed = ((ActionResult.Changed) book.act(new TeamAction(alert.alertId(), TeamAction.Kind.HANDOVER, "lead",
                null, null, "we are on another call", "team-reserve", alert.teamId()), T0)).alert();

        assertThat(handed.teamId()).isEqualTo("team-reserve");
        assertThat(handed.state()).isEqualTo(AlertState.OPEN);
        assertThat(handed.note()).isEqualTo("we are on another call");
    }
}
