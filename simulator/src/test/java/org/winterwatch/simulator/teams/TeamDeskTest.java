package org.winterwatch.simulator.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.PersonNeeds;
import org.winterwatch.simulator.SimPerson;

/** A simulated ground team's crews, driven by simulated seconds passed in. */
class TeamDeskTest {

    private static final LatLon BASE = new LatLon(40.0900, 113.3300);
    /** About 1.1 km north of the base. */
    private static final LatLon BRIDGE = new LatLon(40.1000, 113.3300);
    private static final LatLon CULVERT = new LatLon(40.0800, 113.3300);
    private static final double AMBIENT_C = -18;

    private final List<SimPerson> people = new ArrayList<>();

    private TeamDesk desk(int vehicles) {
        TeamSpec spec = new TeamSpec("team-centre", BASE, vehicles, 25, 0, Double.POSITIVE_INFINITY, 20, 90);
        return new TeamDesk(spec, new OutcomeChooser(people, AMBIENT_C, 42), 42);
    }

    private static AlertNotice alert(String id, LatLon where, String team, String state, long version, double risk) {
        return new AlertNotice(id, state, team, "team", where, risk, version);
    }

    private static List<CrewAction> runUntil(TeamDesk desk, double untilS) {
        List<CrewAction> all = new ArrayList<>();
        for (double t = 0; t <= untilS; t += 1) {
            all.addAll(desk.advance(t));
        }
        return all;
    }

    @Test
    void aFreeCrewAcknowledgesAfterAHumanDelayDrivesThereAndResolvesWithWhatItFinds() {
        people.add(new SimPerson("p-1", BRIDGE, 30, "br-03", 0, Double.POSITIVE_INFINITY, 0.6, List.of(), 0,
                new PersonNeeds(false, 0, PersonNeeds.Accepts.AID)));
        TeamDesk desk = desk(1);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 1, 0.8), 0);

        List<CrewAction> actions = runUntil(desk, 3600);

        assertThat(actions).extracting(CrewAction::action).containsExactly("ack", "arrive", "resolve");
        CrewAction ack = actions.get(0);
        CrewAction arrive = actions.get(1);
        CrewAction resolve = actions.get(2);
        assertThat(ack.atS()).as("a person reads the phone first").isBetween(20.0, 91.0);
        double driveS = arrive.atS() - ack.atS();
        // 1.11 km straight, 1.3 times that in streets, at 25 km/h: about 208 s
        assertThat(driveS).isBetween(190.0, 230.0);
        assertThat(resolve.outcome()).isEqualTo("on_site_aid");
        assertThat(resolve.items()).contains("hot_drink", "blanket", "coat", "help_card");
        assertThat(resolve.atS() - arrive.atS()).as("on-site aid takes 8 to 15 minutes").isBetween(480.0, 901.0);
        assertThat(ack.by()).isEqualTo("team-centre/crew-1");
        assertThat(ack.toJson()).contains("\"alertId\":\"a-1\"", "\"action\":\"ack\"");
    }

    @Test
    void aBusyTeamLetsTheNextAlertWaitUnacknowledged() {
        TeamDesk desk = desk(1);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 1, 0.8), 0);
        List<CrewAction> firstMinutes = new ArrayList<>(runUntil(desk, 29));
        desk.receive(alert("a-2", CULVERT, "team-centre", "open", 1, 0.9), 30);
        // the first case takes at least 20 s to read, 190 s to drive and 3 minutes on site
        for (double t = 30; t <= 400; t++) {
            firstMinutes.addAll(desk.advance(t));
        }

        assertThat(firstMinutes).extracting(CrewAction::alertId).containsOnly("a-1");
        assertThat(desk.waitingCount()).isEqualTo(1);
        assertThat(desk.busyCrews()).isEqualTo(1);
    }

    @Test
    void twoCrewsTakeTwoCasesAndTheRiskiestWaitingCaseGoesFirst() {
        TeamDesk desk = desk(1);
        desk.receive(alert("a-low", BRIDGE, "team-centre", "open", 1, 0.3), 0);
        desk.receive(alert("a-high", CULVERT, "team-centre", "open", 1, 0.9), 0);
        assertThat(runUntil(desk, 100)).extracting(CrewAction::alertId).first().isEqualTo("a-high");

        TeamDesk two = desk(2);
        two.receive(alert("a-low", BRIDGE, "team-centre", "open", 1, 0.3), 0);
        two.receive(alert("a-high", CULVERT, "team-centre", "open", 1, 0.9), 0);
        assertThat(runUntil(two, 100)).filteredOn(a -> a.action().equals("ack"))
                .extracting(CrewAction::alertId).containsExactlyInAnyOrder("a-low", "a-high");
    }

    @Test
    void anAlertEscalatedAwayBeforeTheCrewAcknowledgedIsDroppedAndNeverAcknowledged() {
        TeamDesk desk = desk(1);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 1, 0.8), 0);
        desk.advance(5);
        desk.receive(alert("a-1", BRIDGE, "team-north", "escalated", 2, 0.9), 10);

        assertThat(runUntil(desk, 1800)).isEmpty();
        assertThat(desk.busyCrews()).isZero();
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        TeamDesk desk = desk(1);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "resolved", 3, 0.8), 0);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 1, 0.8), 1);

        assertThat(runUntil(desk, 600)).isEmpty();
    }

    @Test
    void anAlertStillUnderReviewIsNotTheTeamsToTake() {
        TeamDesk desk = desk(1);
        desk.receive(new AlertNotice("a-1", "open", "team-centre", "review", BRIDGE, 0.5, 1), 0);

        assertThat(runUntil(desk, 600)).isEmpty();
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 2, 0.5), 600);
        assertThat(runUntil(desk, 900)).extracting(CrewAction::action).contains("ack");
    }

    @Test
    void aTeamOffShiftTakesNoCaseUntilItsShiftStarts() {
        TeamSpec spec = new TeamSpec("team-north", BASE, 1, 25, 1200, 7200, 20, 90);
        TeamDesk desk = new TeamDesk(spec, new OutcomeChooser(people, AMBIENT_C, 42), 42);
        desk.receive(alert("a-1", BRIDGE, "team-north", "open", 1, 0.8), 0);

        List<CrewAction> actions = runUntil(desk, 1400);

        assertThat(actions).extracting(CrewAction::action).contains("ack");
        assertThat(actions.get(0).atS()).isGreaterThanOrEqualTo(1220.0);
    }

    @Test
    void aCrewThatTakesAPersonToTheCentreIsBusyUntilItIsBackAtBase() {
        people.add(new SimPerson("p-1", BRIDGE, 30, "br-03", 0, Double.POSITIVE_INFINITY, 0.6, List.of(), 0,
                new PersonNeeds(false, 0, PersonNeeds.Accepts.CENTRE)));
        TeamDesk desk = desk(1);
        desk.receive(alert("a-1", BRIDGE, "team-centre", "open", 1, 0.8), 0);
        desk.receive(alert("a-2", CULVERT, "team-centre", "open", 1, 0.5), 0);

        List<CrewAction> actions = runUntil(desk, 3600);

        CrewAction resolved = actions.stream().filter(a -> a.alertId().equals("a-1") && a.action().equals("resolve"))
                .findFirst().orElseThrow();
        assertThat(resolved.outcome()).isEqualTo("escorted_to_centre");
        CrewAction nextAck = actions.stream().filter(a -> a.alertId().equals("a-2") && a.action().equals("ack"))
                .findFirst().orElseThrow();
        assertThat(nextAck.atS() - resolved.atS()).as("the drive back to base comes first").isGreaterThan(190.0);
    }
}
