package org.winterwatch.missions.sweep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A sweep to and from its rows: {@code sweeps}, {@code sweep_sites}, {@code sweep_sorties}, {@code sweep_transitions}. */
final class SweepRows {

    private SweepRows() {
    }

    static void writeSweep(Connection c, Sweep sweep) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sweeps WHERE sweep_id = ?")) {
            del.setString(1, sweep.id());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweeps (sweep_id, state, reason, created_at, "
                + "created_by, started_at, ended_at, altitude_m, drone_ids, dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sweep.id());
            ps.setString(2, sweep.state().wireName());
            ps.setString(3, sweep.reason());
            ps.setTimestamp(4, Timestamp.from(sweep.createdAt()));
            ps.setString(5, sweep.createdBy());
            time(ps, 6, sweep.startedAt());
            time(ps, 7, sweep.endedAt());
            ps.setDouble(8, sweep.altitudeM());
            ps.setString(9, String.join(",", sweep.droneIds()));
            ps.setString(10, String.join(",", sweep.droppedDrones().stream().sorted().toList()));
            ps.executeUpdate();
        }
        for (String table : List.of("sweep_sites", "sweep_sorties")) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE sweep_id = ?")) {
                del.setString(1, sweep.id());
                del.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweep_sites (sweep_id, site_id, seq_no, state, "
                + "drone_id, swept_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (SweepSite site : sweep.sites()) {
                ps.setString(1, sweep.id());
                ps.setString(2, site.siteId());
                ps.setInt(3, n++);
                ps.setString(4, site.state().wireName());
                ps.setString(5, site.droneId());
                time(ps, 6, site.sweptAt());
                ps.setString(7, site.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweep_sorties (sweep_id, drone_id, sortie_no, state, "
                + "site_ids, started_at, ended_at, reason, mission_total, site_end_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SweepSortie s : sweep.sorties()) {
                ps.setString(1, sweep.id());
                ps.setString(2, s.droneId());
                ps.setInt(3, s.number());
                ps.setString(4, s.state().wireName());
                ps.setString(5, String.join(",", s.siteIds()));
                time(ps, 6, s.startedAt());
                time(ps, 7, s.endedAt());
                ps.setString(8, s.reason());
                if (s.flight() == null) {
                    ps.setNull(9, Types.INTEGER);
                    ps.setNull(10, Types.VARCHAR);
                } else {
                    ps.setInt(9, s.flight().missionTotal());
                    ps.setString(10, ends(s));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void writeTransitions(Connection c, List<Transition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweep_transitions (sweep_id, happened_at, subject, "
                + "from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Transition t : transitions) {
                ps.setString(1, t.sweepId());
                ps.setTimestamp(2, Timestamp.from(t.at()));
                ps.setString(3, t.subject());
                ps.setString(4, t.from());
                ps.setString(5, t.to());
                ps.setString(6, t.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Sweep readSweep(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("sweep_id");
        List<SweepSite> sites = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sweep_sites WHERE sweep_id = ? ORDER BY seq_no")) {
            ps.setString(1, id);
            try (ResultSet s = ps.executeQuery()) {
                while (s.next()) {
                    sites.add(new SweepSite(s.getString("site_id"), SiteState.parse(s.getString("state")),
                            s.getString("drone_id"), instant(s, "swept_at"), s.getString("reason")));
                }
            }
        }
        List<SweepSortie> sorties = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sweep_sorties WHERE sweep_id = ? ORDER BY started_at, drone_id, sortie_no")) {
            ps.setString(1, id);
            try (ResultSet s = ps.executeQuery()) {
                while (s.next()) {
                    int total = s.getInt("mission_total");
                    SortieFlight flight = s.wasNull() ? null : new SortieFlight(total, ends(s.getString("site_end_items")));
                    sorties.add(new SweepSortie(s.getString("drone_id"), s.getInt("sortie_no"),
                            SortieState.parse(s.getString("state")), list(s.getString("site_ids")),
                            instant(s, "started_at"), instant(s, "ended_at"), s.getString("reason"), flight));
                }
            }
        }
        return Sweep.restore(id, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getDouble("altitude_m"), list(rs.getString("drone_ids")), SweepState.parse(rs.getString("state")),
                rs.getString("reason"), instant(rs, "started_at"), instant(rs, "ended_at"), sites, sorties,
                new LinkedHashSet<>(list(rs.getString("dropped"))));
    }

    private static String ends(SweepSortie s) {
        List<String> pairs = new ArrayList<>();
        s.flight().siteEndItems().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> pairs.add(e.getKey() + "=" + e.getValue()));
        return String.join(",", pairs);
    }

    private static Map<String, Integer> ends(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String pair : list(text)) {
            int eq = pair.lastIndexOf('=');
            out.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return out;
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    private static void time(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(at));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
