package org.winterwatch.alerts.book;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which {@code alerts/{teamId}} topics an alert version goes to. */
public final class AlertRouting {

    private AlertRouting() {
    }

    public static List<String> teamsFor(Alert a, AlertPolicy policy) {
        Set<String> teams = new LinkedHashSet<>();
        switch (a.dispatch()) {
            case TEAM -> {
                teams.add(a.teamId());
                if (a.state() == AlertState.ESCALATED) {
                    teams.add(policy.controlRoomTeam());
                }
            }
            case REVIEW -> teams.add(policy.controlRoomTeam());
            case WATCH -> {
                // kept, visible over HTTP, sent to nobody
            }
        }
        return List.copyOf(teams);
    }
}
