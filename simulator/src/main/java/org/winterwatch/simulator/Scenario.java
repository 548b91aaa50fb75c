package org.winterwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.teams.TeamSpec;
import org.winterwatch.simulator.world.Autopilot;
import org.winterwatch.simulator.world.Decoy;
import org.winterwatch.simulator.world.Failure;
import org.winterwatch.simulator.world.FailureKind;
import org.winterwatch.simulator.world.FixedSensorSpec;
import org.winterwatch.simulator.world.Wind;
import org.winterwatch.simulator.world.World;

/**
 * A scenario file: the ambient temperature, the wind, the people out in the cold, fixed sensors,
 * false-positive sources, failures at given times, the autopilot and the random seed. The format is
 * documented in {@code docs/scenario-format.md}.
 *
 * @param seed the scenario's random seed, or null to leave it to the caller
 * @param teams simulated ground teams that answer alerts (none: nobody answers but people using the API)
 */
public record Scenario(double ambientTempC, List<SimPerson> people, World world, Long seed, List<TeamSpec> teams) {

    static final String DEMO_RESOURCE = "/org/winterwatch/simulator/demo-scenario.json";
    private static final double DEFAULT_SURFACE_TEMP_C = 30;

    public Scenario {
        if (!Double.isFinite(ambientTempC)) {
            throw new IllegalArgumentException("ambientTempC must be a number");
        }
        people = List.copyOf(people);
        Objects.requireNonNull(world, "world");
        teams = List.copyOf(teams);
    }

    /** Without ground teams. */
    public Scenario(double ambientTempC, List<SimPerson> people, World world, Long seed) {
        this(ambientTempC, people, world, seed, List.of());
    }

    /** Still air, no sensors, no failures. */
    public Scenario(double ambientTempC, List<SimPerson> people) {
        this(ambientTempC, people, World.CALM, null);
    }

    /** The bundled demo scenario (people at sites of the bundled demo layer). */
    public static Scenario demo() {
        try (InputStream in = Scenario.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo scenario missing: " + DEMO_RESOURCE);
            }
            return parse(in, "demo-scenario.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a scenario file; a malformed file gives an IllegalArgumentException listing every problem, one per
     * line, each naming the entry and what is wrong.
     */
    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    public Scenario withFailures(List<Failure> failures) {
        return new Scenario(ambientTempC, people, world.withFailures(failures), seed, teams);
    }

    public Scenario withTeams(List<TeamSpec> otherTeams) {
        return new Scenario(ambientTempC, people, world, seed, otherTeams);
    }

    static Scenario parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object with ambientTempC and people");
        }
        List<String> problems = new ArrayList<>();
        double ambient = root.path("ambientTempC").asDouble(-18);
        Wind wind = Wind.CALM;
        if (root.has("wind")) {
            JsonNode w = root.get("wind");
            wind = entry(problems, "wind", () -> new Wind(w.path("speedMps").asDouble(0), w.path("fromDeg").asDouble(0),
                    w.path("gustMps").asDouble(0)), Wind.CALM);
        }
        Autopilot autopilot = entry(problems, "autopilot", () -> Autopilot.parse(root.path("autopilot").asText(null)), Autopilot.PX4);
        List<SimPerson> people = list(root, "people", problems, (p, i) -> person(p));
        List<FixedSensorSpec> sensors = list(root, "sensors", problems, (s, i) -> new FixedSensorSpec(
                s.path("id").asText(null), FixedSensorSpec.Kind.parse(s.path("kind").asText("")), latLon(s),
                s.path("siteId").asText(null), s.path("rangeM").asDouble(s.path("kind").asText("").equals("motion") ? 8 : 25),
                s.path("periodS").asDouble(30), s.path("falsePerHour").asDouble(0)));
        List<Decoy> decoys = list(root, "falsePositiveSources", problems, (d, i) -> new Decoy(
                d.path("id").asText(null), d.path("kind").asText("vent"), latLon(d), d.path("tempC").asDouble(25),
                d.path("probability").asDouble(0.3)));
        List<Failure> failures = list(root, "failures", problems, (f, i) -> new Failure(
                number(f, "atS"), f.path("drone").asText(null), FailureKind.parse(f.path("kind").asText("")),
                f.path("durationS").asDouble(Double.POSITIVE_INFINITY), f.path("percent").asDouble(11)));
        List<TeamSpec> teams = list(root, "teams", problems, (t, i) -> team(t));
        List<String> teamIds = teams.stream().map(TeamSpec::id).toList();
        if (teamIds.stream().distinct().count() < teamIds.size()) {
            problems.add("teams: ids must be unique, were " + teamIds);
        }
        Long seed = root.hasNonNull("seed") ? root.get("seed").asLong() : null;
        World world;
        try {
            world = new World(wind, sensors, decoys, failures, autopilot);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            world = World.CALM;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        return new Scenario(ambient, people, world, seed, teams);
    }

    private static TeamSpec team(JsonNode t) {
        JsonNode shift = t.path("shift");
        JsonNode ack = t.path("ackDelayS");
        if (!t.path("base").isObject()) {
            throw new IllegalArgumentException("base must be an object {\"lat\", \"lon\"}");
        }
        return new TeamSpec(t.path("id").asText(null), latLon(t.get("base")), t.path("vehicles").asInt(1),
                t.path("speedKmh").asDouble(TeamSpec.DEFAULT_SPEED_KMH), shift.path("startS").asDouble(0),
                shift.hasNonNull("endS") ? shift.get("endS").asDouble() : Double.POSITIVE_INFINITY,
                ack.path("min").asDouble(TeamSpec.DEFAULT_ACK_MIN_S), ack.path("max").asDouble(TeamSpec.DEFAULT_ACK_MAX_S));
    }

    private static SimPerson person(JsonNode p) {
        List<LatLon> route = new ArrayList<>();
        for (JsonNode point : p.path("route")) {
            if (!point.isArray() || point.size() != 2) {
                throw new IllegalArgumentException("route points must be [lat, lon]");
            }
            route.add(new LatLon(point.get(0).asDouble(), point.get(1).asDouble()));
        }
        return new SimPerson(p.path("id").asText(null), latLon(p), p.path("surfaceTempC").asDouble(DEFAULT_SURFACE_TEMP_C),
                p.hasNonNull("siteId") ? p.get("siteId").asText() : null, p.path("arriveAtS").asDouble(0),
                p.hasNonNull("departAtS") ? p.get("departAtS").asDouble() : Double.POSITIVE_INFINITY,
                p.path("occlusion").asDouble(0), route, p.path("walkSpeedMps").asDouble(route.isEmpty() ? 0 : 1.2),
                new PersonNeeds(p.path("minor").asBoolean(false), p.path("outBeforeMin").asDouble(0),
                        p.hasNonNull("accepts") ? PersonNeeds.Accepts.parse(p.get("accepts").asText()) : null));
    }

    private interface EntryReader<T> {
        T read(JsonNode node, int index);
    }

    private static <T> List<T> list(JsonNode root, String field, List<String> problems, EntryReader<T> reader) {
        List<T> values = new ArrayList<>();
        JsonNode array = root.path(field);
        if (!array.isMissingNode() && !array.isArray()) {
            problems.add(field + " must be an array");
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            int index = i;
            String name = field + " " + i + (node.hasNonNull("id") ? " (" + node.get("id").asText() + ")" : "");
            T value = entry(problems, name, () -> reader.read(node, index), null);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static <T> T entry(List<String> problems, String name, java.util.function.Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(name + ": " + e.getMessage());
            return fallback;
        }
    }

    private static LatLon latLon(JsonNode node) {
        return new LatLon(number(node, "lat"), number(node, "lon"));
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.asDouble();
    }
}
