package org.winterwatch.alerts.book;

import java.util.List;
import java.util.Objects;

/**
 * A ground team's or the control room's action on an alert: {@code ack}, {@code resolve}, {@code handover}, and
 * the control room's {@code confirm} and {@code dismiss} of an alert waiting for review.
 *
 * @param actingTeam the team the action came from (the ack topic's team), or null for the control room / admin
 * @param toTeam     for handover: the team that takes over (null: the next team in the escalation chain)
 */
public record TeamAction(String alertId, Kind kind, String by, Outcome outcome, List<String> items, String note,
                         String toTeam, String actingTeam) {

    /** The actions; the first three are the contract's {@code action} values. */
    public enum Kind {
        ACK, ARRIVE, RESOLVE, HANDOVER, CONFIRM, DISMISS;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    public TeamAction {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "action");
        items = items == null ? List.of() : List.copyOf(items);
        if (kind == Kind.RESOLVE && outcome == null) {
            throw new IllegalArgumentException("outcome: required to resolve (one of " + Outcome.wireNames() + ")");
        }
    }
}
