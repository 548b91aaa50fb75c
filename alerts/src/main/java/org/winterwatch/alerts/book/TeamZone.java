package org.winterwatch.alerts.book;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A ground team's patrol area from configuration.
 *
 * @param zone     polygon in WGS 84 (x = lon, y = lat), or null for a team known only by its sites
 * @param nextTeam who takes an alert this team did not acknowledge in time (null: the control room)
 */
public record TeamZone(String teamId, Geometry zone, String nextTeam) {
    public TeamZone {
        Objects.requireNonNull(teamId, "teamId");
        if (!teamId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("team id must be 1-64 letters, digits, '.', '_' or '-', was '" + teamId + "'");
        }
    }
}
