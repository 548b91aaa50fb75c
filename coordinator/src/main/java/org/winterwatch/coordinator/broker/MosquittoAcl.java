package org.winterwatch.coordinator.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.winterwatch.alerts.Topics;

/**
 * A Mosquitto ACL file ({@code acl_file}) that gives each WinterWatch role only its topics (CONTRACT §4): the
 * coordinator all of them; a ground team reads its alerts and writes its acks; a sensor or drone writes only its own
 * detections; a tip app writes tips; operators read dead letters and drone states. Users not named get nothing.
 *
 * <p>Built once from the lists, checked as a whole: every problem is reported together, as values.
 */
public final class MosquittoAcl {

    /** Letters, digits, '.', '_' and '-': safe as a Mosquitto user name and as one topic level (no wildcards). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Who is who: user names per role; a team's and a sensor's user name is its id. */
    public record Roles(String coordinator, List<String> teams, List<String> sensors, List<String> tipApps,
                        List<String> operators, List<String> simulators) {
        public Roles {
            teams = List.copyOf(teams);
            sensors = List.copyOf(sensors);
            tipApps = List.copyOf(tipApps);
            operators = List.copyOf(operators);
            simulators = List.copyOf(simulators);
        }
    }

    private final Topics topics;
    private final Roles roles;

    private MosquittoAcl(Topics topics, Roles roles) {
        this.topics = topics;
        this.roles = roles;
    }

    /** The ACL for these roles, or every problem with them ({@link IllegalArgumentException}, one per line). */
    public static MosquittoAcl of(Topics topics, Roles roles) {
        List<String> problems = new ArrayList<>();
        Map<String, String> roleOf = new LinkedHashMap<>();
        check(problems, roleOf, "coordinator", List.of(roles.coordinator() == null ? "" : roles.coordinator()));
        check(problems, roleOf, "team", roles.teams());
        check(problems, roleOf, "sensor", roles.sensors());
        check(problems, roleOf, "tip app", roles.tipApps());
        check(problems, roleOf, "operator", roles.operators());
        check(problems, roleOf, "simulator", roles.simulators());
        if (roles.teams().isEmpty()) {
            problems.add("no team: name at least one (alerts go to a team's topic)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new MosquittoAcl(topics, roles);
    }

    private static void check(List<String> problems, Map<String, String> roleOf, String role, List<String> names) {
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                problems.add(role + " '" + name + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter "
                        + "or digit (no spaces, '/', '+' or '#')");
                continue;
            }
            String before = roleOf.putIfAbsent(name, role);
            if (before != null) {
                problems.add(role + " '" + name + "': already named as " + before
                        + "; one user name per client, so each gets only its own topics");
            }
        }
    }

    /** Every user name the ACL names, in its order: each needs an entry in the broker's password file. */
    public List<String> users() {
        List<String> users = new ArrayList<>();
        users.add(roles.coordinator());
        users.addAll(roles.teams());
        users.addAll(roles.sensors());
        users.addAll(roles.tipApps());
        users.addAll(roles.operators());
        users.addAll(roles.simulators());
        return users;
    }

    /** The file's text. */
    public String text() {
        StringBuilder acl = new StringBuilder();
        acl.append("# Mosquitto ACL for WinterWatch, written by 'winterwatch mqtt-acl'. Users not named here get nothing.\n");
        acl.append("# Each user also needs an entry in the password file: mosquitto_passwd -c FILE USER for the first.\n");
        block(acl, "the coordinator: every WinterWatch topic", roles.coordinator(),
                "readwrite " + topics.prefix() + "/#");
        for (String team : roles.teams()) {
            block(acl, "ground team " + team + ": its alerts in, its acks out", team,
                    "read " + topics.alerts(team), "write " + topics.acksOf(team), "read " + topics.coordinatorStatus());
        }
        for (String sensor : roles.sensors()) {
            block(acl, "sensor or drone " + sensor + ": its own detections only", sensor,
                    "write " + topics.detectionsOf(sensor));
        }
        for (String app : roles.tipApps()) {
            block(acl, "tip app " + app, app, "write " + topics.tips());
        }
        for (String operator : roles.operators()) {
            block(acl, "operator " + operator + ": dead letters and drone states", operator,
                    "read " + topics.deadLetter(), "read " + topics.droneStates(), "read " + topics.coordinatorStatus());
        }
        for (String simulator : roles.simulators()) {
            block(acl, "simulator " + simulator + " (a test set-up): detections of any source, and its simulated "
                            + "ground teams' alerts in and acks out", simulator,
                    "write " + topics.detections(), "read " + topics.alerts("+"), "write " + topics.acks());
        }
        return acl.toString();
    }

    private static void block(StringBuilder acl, String comment, String user, String... grants) {
        acl.append("\n# ").append(comment).append("\nuser ").append(user).append('\n');
        for (String grant : grants) {
            acl.append("topic ").append(grant).append('\n');
        }
    }
}
