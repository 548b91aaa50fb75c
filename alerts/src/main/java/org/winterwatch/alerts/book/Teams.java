package org.winterwatch.alerts.book;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;

/** Which team an alert goes to, and who is next when a team does not answer. */
public final class Teams {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final List<TeamZone> zones;
    private final AlertPolicy policy;

    public Teams(List<TeamZone> zones, AlertPolicy policy) {
        this.zones = List.copyOf(zones);
        this.policy = policy;
    }

    /** The site's team, else the team whose zone holds the place, else the default team: never nobody. */
    public String teamFor(Optional<Site> site, LatLon where) {
        Optional<String> siteTeam = site.map(Site::team).filter(t -> t != null && !t.isBlank());
        if (siteTeam.isPresent()) {
            return siteTeam.get();
        }
        Point p = FACTORY.createPoint(new Coordinate(where.lon(), where.lat()));
        return zones.stream().filter(z -> z.zone() != null && z.zone().covers(p)).map(TeamZone::teamId).findFirst()
                .orElse(policy.defaultTeam());
    }

    /** Every team a handover may go to: the zones' teams and their next teams, the sites' teams, the default team and the control room. */
    public java.util.Set<String> known(java.util.Collection<Site> sites) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        zones.forEach(z -> {
            ids.add(z.teamId());
            if (z.nextTeam() != null) {
                ids.add(z.nextTeam());
            }
        });
        sites.stream().map(Site::team).filter(t -> t != null && !t.isBlank()).forEach(ids::add);
        ids.add(policy.defaultTeam());
        ids.add(policy.controlRoomTeam());
        return ids;
    }

    /** Who takes over from {@code teamId}: its configured next team, else the control room. */
    public String nextAfter(String teamId) {
        return zones.stream().filter(z -> z.teamId().equals(teamId) && z.nextTeam() != null)
                .map(TeamZone::nextTeam).findFirst().orElse(policy.controlRoomTeam());
    }
}
