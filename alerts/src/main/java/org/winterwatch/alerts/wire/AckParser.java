package org.winterwatch.alerts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.TeamAction;

/**
 * Turns a ground team's {@code ww/v1/acks/{teamId}} payload (or an HTTP body) into a {@link TeamAction}.
 */
public final class AckParser {

    private static final int MAX_ITEMS = 30;
    /** Alert ids are {@code a-} and a UUID; the store keeps 64 characters. */
    static final int MAX_ALERT_ID_CHARS = 64;
    /** The name of whoever acted, within their team. */
    static final int MAX_BY_CHARS = 100;

    private AckParser() {
    }

    /** @param actingTeam the team in the topic, or null when the action comes over HTTP from the control room */
    public static TeamAction parse(byte[] payload, String actingTeam) throws InboundRejection {
        if (payload.length > DetectionParser.MAX_PAYLOAD_BYTES) {
            throw new InboundRejection("payload is " + payload.length + " bytes; the limit is " + DetectionParser.MAX_PAYLOAD_BYTES);
        }
        JsonNode json = DetectionParser.readObject(payload);
        String alertId = DetectionParser.text(json, "alertId", true);
        if (alertId.length() > MAX_ALERT_ID_CHARS) {
            throw new InboundRejection("alertId: longer than " + MAX_ALERT_ID_CHARS + " characters");
        }
        String actionText = DetectionParser.text(json, "action", true);
        TeamAction.Kind kind = switch (actionText) {
            case "ack" -> TeamAction.Kind.ACK;
            case "arrive" -> TeamAction.Kind.ARRIVE;
            case "resolve" -> TeamAction.Kind.RESOLVE;
            case "handover" -> TeamAction.Kind.HANDOVER;
            default -> throw new InboundRejection("action: '" + actionText + "' is not ack, arrive, resolve or handover");
        };
        return parseRest(json, alertId, kind, actingTeam);
    }

    /** The body of an HTTP action whose kind the path gives. */
    public static TeamAction parseBody(byte[] body, String alertId, TeamAction.Kind kind, String actingTeam, String by)
            throws InboundRejection {
        JsonNode json = body.length == 0 ? DetectionParser.readObject("{}".getBytes()) : DetectionParser.readObject(body);
        TeamAction parsed = parseRest(json, alertId, kind, actingTeam);
        return parsed.by() != null ? parsed : new TeamAction(alertId, kind, by, parsed.outcome(), parsed.items(),
                parsed.note(), parsed.toTeam(), actingTeam);
    }

    private static TeamAction parseRest(JsonNode json, String alertId, TeamAction.Kind kind, String actingTeam)
            throws InboundRejection {
        String by = DetectionParser.text(json, "by", false);
        if (by != null && by.length() > MAX_BY_CHARS) {
            throw new InboundRejection("by: longer than " + MAX_BY_CHARS + " characters");
        }
        String outcomeText = DetectionParser.text(json, "outcome", false);
        Outcome outcome = null;
        if (outcomeText != null) {
            outcome = Outcome.fromWire(outcomeText).orElseThrow(() -> new InboundRejection(
                    "outcome: '" + outcomeText + "' is not one of " + Outcome.wireNames()));
        }
        if (kind == TeamAction.Kind.RESOLVE && outcome == null) {
            throw new InboundRejection("outcome: required to resolve (one of " + Outcome.wireNames() + ")");
        }
        List<String> items = new ArrayList<>();
        JsonNode itemsNode = json.get("items");
        if (itemsNode != null && !itemsNode.isNull()) {
            if (!itemsNode.isArray()) {
                throw new InboundRejection("items: must be an array of strings such as [\"coat\", \"food\"]");
            }
            if (itemsNode.size() > MAX_ITEMS) {
                throw new InboundRejection("items: more than " + MAX_ITEMS + " entries");
            }
            for (JsonNode item : itemsNode) {
                if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 100) {
                    throw new InboundRejection("items: every entry must be a non-empty string of at most 100 characters");
                }
                items.add(item.asText());
            }
        }
        String note = DetectionParser.text(json, "note", false);
        if (note != null && note.length() > 2000) {
            throw new InboundRejection("note: longer than 2000 characters");
        }
        String toTeam = DetectionParser.text(json, "toTeam", false);
        if (toTeam != null && !toTeam.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InboundRejection("toTeam: must be a team id of letters, digits, '.', '_' or '-'");
        }
        return new TeamAction(alertId, kind, by, outcome, items, note, toTeam, actingTeam);
    }
}
