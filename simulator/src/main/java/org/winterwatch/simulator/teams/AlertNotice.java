package org.winterwatch.simulator.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.winterwatch.geo.LatLon;

/**
 * What a team's phone app reads from an alert on {@code ww/v1/alerts/{teamId}} (CONTRACT §4): enough to decide
 * whether the case is this team's to take, and where to go. The simulator reads the wire format itself: it knows
 * nothing of the coordinator's classes.
 *
 * @param dispatch {@code team} when the alert is in front of the team; {@code review} while the control room decides
 */
public record AlertNotice(String alertId, String state, String teamId, String dispatch, LatLon where, double risk,
                          long version) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The alert in a message, or empty when the message is not an alert this app can read. */
    public static Optional<AlertNotice> read(byte[] payload) {
        try {
            JsonNode a = JSON.readTree(payload);
            if (a == null || !a.isObject() || !a.path("alertId").isTextual() || !a.path("lat").isNumber()
                    || !a.path("lon").isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new AlertNotice(a.get("alertId").asText(), a.path("state").asText(""),
                    a.path("teamId").asText(""), a.path("dispatch").asText("team"),
                    new LatLon(a.get("lat").asDouble(), a.get("lon").asDouble()), a.path("risk").asDouble(0),
                    a.path("version").asLong(0)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when {@code team} is the one expected to act on it now. */
    public boolean isFor(String team) {
        return team.equals(teamId) && "team".equals(dispatch) && !"resolved".equals(state);
    }
}
