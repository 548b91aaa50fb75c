package org.winterwatch.simulator.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a crew's phone sends on {@code ww/v1/acks/{teamId}} (CONTRACT §4):
 * {@code {"alertId","action":"ack"|"arrive"|"resolve","by","outcome"?,"items"?,"note"?}}.
 *
 * @param atS when it was sent, in simulated seconds after the start
 */
public record CrewAction(String teamId, String alertId, String action, String by, String outcome, List<String> items,
                         String note, double atS) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CrewAction {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static CrewAction of(String teamId, String alertId, String action, String by, double atS) {
        return new CrewAction(teamId, alertId, action, by, null, List.of(), null, atS);
    }

    public String toJson() {
        ObjectNode json = JSON.createObjectNode().put("alertId", alertId).put("action", action).put("by", by);
        if (outcome != null) {
            json.put("outcome", outcome);
            items.forEach(json.putArray("items")::add);
        }
        if (note != null) {
            json.put("note", note);
        }
        return json.toString();
    }
}
