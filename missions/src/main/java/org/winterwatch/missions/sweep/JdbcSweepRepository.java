package org.winterwatch.missions.sweep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Sweeps in H2 or PostgreSQL, beside the alerts: the schema comes from the Flyway migrations under
 * {@code db/sweeps}, with a history table of their own so they never mix with the alerts' migrations.
 */
public final class JdbcSweepRepository implements SweepRepository {

    private final DataSource dataSource;

    public JdbcSweepRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Brings the sweep tables up to date; the schema may already hold other tables (the alerts'). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/sweeps")
                .table("flyway_sweeps_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Override
    public void save(Sweep sweep, List<Transition> transitions) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                SweepRows.writeSweep(c, sweep);
                SweepRows.writeTransitions(c, transitions);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    @Override
    public Optional<Sweep> find(String sweepId) throws SQLException {
        List<Sweep> found = load("SELECT * FROM sweeps WHERE sweep_id = ?", ps -> ps.setString(1, sweepId));
        return found.stream().findFirst();
    }

    @Override
    public List<Sweep> recent(int limit) throws SQLException {
        return load("SELECT * FROM sweeps ORDER BY created_at DESC, sweep_id DESC LIMIT ?", ps -> ps.setInt(1, limit));
    }

    @Override
    public List<Sweep> open() throws SQLException {
        return load("SELECT * FROM sweeps WHERE state IN ('planned', 'flying') ORDER BY created_at, sweep_id", ps -> { });
    }

    @Override
    public List<Transition> transitions(String sweepId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM sweep_transitions WHERE sweep_id = ? ORDER BY id")) {
            ps.setString(1, sweepId);
            List<Transition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Transition(rs.getString("sweep_id"), rs.getTimestamp("happened_at").toInstant(),
                            rs.getString("subject"), rs.getString("from_state"), rs.getString("to_state"),
                            rs.getString("reason")));
                }
            }
            return out;
        }
    }

    @Override
    public Map<String, Instant> lastSwept() throws SQLException {
        Map<String, Instant> last = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT site_id, MAX(swept_at) FROM sweep_sites "
                     + "WHERE swept_at IS NOT NULL GROUP BY site_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        return last;
    }

    @Override
    public Map<SweepState, Long> countByState() throws SQLException {
        Map<SweepState, Long> out = new EnumMap<>(SweepState.class);
        for (SweepState state : SweepState.values()) {
            out.put(state, 0L);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM sweeps GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(SweepState.parse(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    @Override
    public SweepFigures figures(Instant from, Instant to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long sweeps = count(c, "SELECT COUNT(*) FROM sweeps WHERE created_at >= ? AND created_at < ?", from, to);
            long swept = count(c, "SELECT COUNT(*) FROM sweep_sites WHERE swept_at >= ? AND swept_at < ?", from, to);
            // a sortie flew from its transition to flying; it ended when it left the open states
            Map<String, Instant> tookOff = new HashMap<>();
            Map<String, Instant> ended = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sweep_id, subject, to_state, happened_at FROM sweep_transitions "
                    + "WHERE subject LIKE 'sortie %' AND to_state IN ('flying', 'landed', 'aborted', 'failed') ORDER BY id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + " " + rs.getString(2);
                        Instant at = rs.getTimestamp(4).toInstant();
                        if ("flying".equals(rs.getString(3))) {
                            tookOff.putIfAbsent(key, at);
                        } else {
                            ended.putIfAbsent(key, at);
                        }
                    }
                }
            }
            long sorties = 0;
            double seconds = 0;
            for (Map.Entry<String, Instant> e : tookOff.entrySet()) {
                Instant start = e.getValue();
                if (start.isBefore(from) || !start.isBefore(to)) {
                    continue;
                }
                Instant end = ended.getOrDefault(e.getKey(), to);
                sorties++;
                seconds += Duration.between(start, end.isAfter(to) ? to : end).toMillis() / 1000.0;
            }
            return new SweepFigures(sweeps, sorties, seconds, swept);
        }
    }

    private static long count(Connection c, String sql, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Sweep> load(String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Sweep> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(SweepRows.readSweep(c, rs));
                }
            }
            return out;
        }
    }
}
