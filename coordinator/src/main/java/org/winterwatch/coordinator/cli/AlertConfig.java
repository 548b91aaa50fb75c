package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;

/** Reads the {@code alerts:} and {@code teams:} sections of the YAML config, naming the field at fault. */
final class AlertConfig {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private AlertConfig() {
    }

    static AlertPolicy policy(JsonNode section) {
        AlertPolicy d = AlertPolicy.defaults();
        if (section == null || section.isNull()) {
            return d;
        }
        if (!section.isObject()) {
            throw new UsageError("config alerts: must be a mapping");
        }
        try {
            return new AlertPolicy(
                    number(section, "merge_radius_m", d.mergeRadiusM()),
                    minutes(section, "merge_window_min", d.mergeWindow()),
                    number(section, "site_radius_m", d.siteRadiusM()),
                    text(section, "default_team", d.defaultTeam()),
                    text(section, "control_room_team", d.controlRoomTeam()),
                    number(section, "dispatch_threshold", d.dispatchThreshold()),
                    number(section, "review_threshold", d.reviewThreshold()),
                    minutes(section, "review_timeout_min", d.reviewTimeout()),
                    minutes(section, "ack_timeout_min", d.ackTimeout()),
                    number(section, "cold_wave_threshold_c", d.coldWaveThresholdC()),
                    minutes(section, "cold_wave_ack_timeout_min", d.coldWaveAckTimeout()));
        } catch (IllegalArgumentException e) {
            throw new UsageError("config alerts: " + e.getMessage());
        }
    }

    static List<TeamZone> teams(JsonNode section) {
        List<TeamZone> out = new ArrayList<>();
        if (section == null || section.isNull()) {
            return out;
        }
        if (!section.isArray()) {
            throw new UsageError("config teams: must be a list of {id, zone, next}");
        }
        for (int i = 0; i < section.size(); i++) {
            JsonNode t = section.get(i);
            String where = "config teams[" + i + "]";
            String id = t.path("id").asText(null);
            if (id == null) {
                throw new UsageError(where + ": id is required");
            }
            try {
                out.add(new TeamZone(id, zone(t.get("zone"), where + " (" + id + ")"), t.path("next").asText(null)));
            } catch (IllegalArgumentException e) {
                throw new UsageError(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A zone as a list of [lon, lat] pairs (a closed ring is closed for you). */
    private static Polygon zone(JsonNode ring, String where) {
        if (ring == null || ring.isNull()) {
            return null;
        }
        if (!ring.isArray() || ring.size() < 3) {
            throw new UsageError(where + ": zone must be a list of at least 3 [lon, lat] pairs");
        }
        List<Coordinate> coords = new ArrayList<>();
        for (JsonNode p : ring) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new UsageError(where + ": zone points must be [lon, lat] number pairs");
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new UsageError(where + ": zone point [" + lon + ", " + lat + "] is outside WGS 84 ranges");
            }
            coords.add(new Coordinate(lon, lat));
        }
        if (!coords.get(0).equals2D(coords.get(coords.size() - 1))) {
            coords.add(coords.get(0));
        }
        Polygon polygon = FACTORY.createPolygon(coords.toArray(Coordinate[]::new));
        if (!polygon.isValid()) {
            throw new UsageError(where + ": zone is not a valid polygon (self-intersecting?)");
        }
        return polygon;
    }

    private static double number(JsonNode s, String key, double fallback) {
        return number(s, "alerts", key, fallback);
    }

    /** {@code section.key} of the config as a number, or {@code fallback} when absent; a usage error names it. */
    static double number(JsonNode s, String section, String key, double fallback) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new UsageError("config " + section + "." + key + ": must be a number, was '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    private static Duration minutes(JsonNode s, String key, Duration fallback) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() <= 0) {
            throw new UsageError("config alerts." + key + ": must be a positive number of minutes");
        }
        return Duration.ofMillis(Math.round(n.asDouble() * 60_000));
    }

    private static String text(JsonNode s, String key, String fallback) {
        JsonNode n = s.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }
}
