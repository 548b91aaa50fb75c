package org.winterwatch.missions.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.winterwatch.geo.LatLon;

/**
 * Reads a fleet file (CONTRACT §6), JSON or YAML: {@code bases} (id, lat, lon), {@code drones} (id, base,
 * enduranceMin, speedMps), {@code reserve} (0.2 when left out) and {@code swapMin} (5 when left out). Every problem is
 * reported, each naming the entry, the field and what is wrong; unknown fields are problems too (a misspelt
 * {@code enduranceMins} would otherwise be silently ignored).
 */
public final class FleetFile {

    /** A fleet, or every problem that keeps the file from being one. */
    public sealed interface Result {

        record Read(Fleet fleet) implements Result {
            public Read {
                Objects.requireNonNull(fleet, "fleet");
            }
        }

        record Invalid(List<FleetProblem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid fleet file has at least one problem");
                }
            }
        }
    }

    private static final Set<String> ROOT_FIELDS = Set.of("bases", "drones", "reserve", "swapMin");
    private static final Set<String> BASE_FIELDS = Set.of("id", "lat", "lon");
    private static final Set<String> DRONE_FIELDS = Set.of("id", "base", "enduranceMin", "speedMps");

    private FleetFile() {
    }

    /** Reads {@code file}: YAML when it ends in {@code .yaml} or {@code .yml}, else JSON. */
    public static Result read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new Result.Invalid(List.of(new FleetProblem("file", null, "cannot read " + file + ": " + e)));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return parse(text, name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** Parses the text of a fleet file. */
    public static Result parse(String text, boolean yaml) {
        JsonNode root;
        try {
            root = (yaml ? new YAMLMapper() : new ObjectMapper()).readTree(text);
        } catch (JsonProcessingException e) {
            return new Result.Invalid(List.of(new FleetProblem("file", null, "not valid " + (yaml ? "YAML" : "JSON")
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Result.Invalid(List.of(new FleetProblem("file", null,
                    "expected an object with bases, drones, reserve and swapMin")));
        }
        List<FleetProblem> problems = new ArrayList<>();
        unknownFields(root, ROOT_FIELDS, "file", problems);
        List<Base> bases = bases(root.get("bases"), problems);
        List<FleetDrone> drones = drones(root.get("drones"), declaredIds(root.get("bases")), problems);
        Entries file = new Entries("file", problems);
        double reserve = file.number(root, "reserve", Fleet.DEFAULT_RESERVE, 0, 0.9, "a share of the battery, 0 to 0.9");
        double swapMin = file.number(root, "swapMin", Fleet.DEFAULT_SWAP_MIN, 0, 240, "minutes, 0 to 240");
        if (!problems.isEmpty()) {
            return new Result.Invalid(problems);
        }
        return new Result.Read(new Fleet(bases, drones, reserve, swapMin));
    }

    private static List<Base> bases(JsonNode node, List<FleetProblem> problems) {
        List<Base> bases = new ArrayList<>();
        if (!isNonEmptyArray(node, "bases", problems)) {
            return bases;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            Entries e = new Entries("bases[" + i + "]" + idOf(entry), problems);
            if (!entry.isObject()) {
                e.problem(null, "expected an object with id, lat and lon");
                continue;
            }
            unknownFields(entry, BASE_FIELDS, e.where, problems);
            String id = e.id(entry, ids);
            double lat = e.number(entry, "lat", Double.NaN, -90, 90, "degrees, -90 to 90 (WGS 84)");
            double lon = e.number(entry, "lon", Double.NaN, -180, 180, "degrees, -180 to 180 (WGS 84)");
            if (id != null && !Double.isNaN(lat) && !Double.isNaN(lon)) {
                bases.add(new Base(id, new LatLon(lat, lon)));
            }
        }
        return bases;
    }

    /** The ids the bases claim, valid or not, so that a drone at a base with a bad latitude is not told it has none. */
    private static List<String> declaredIds(JsonNode bases) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        if (bases != null && bases.isArray()) {
            bases.forEach(b -> {
                if (b.path("id").isTextual() && !b.path("id").asText().isBlank()) {
                    ids.add(b.path("id").asText().trim());
                }
            });
        }
        return List.copyOf(ids);
    }

    private static List<FleetDrone> drones(JsonNode node, List<String> baseIds, List<FleetProblem> problems) {
        List<FleetDrone> drones = new ArrayList<>();
        if (!isNonEmptyArray(node, "drones", problems)) {
            return drones;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            Entries e = new Entries("drones[" + i + "]" + idOf(entry), problems);
            if (!entry.isObject()) {
                e.problem(null, "expected an object with id, base, enduranceMin and speedMps");
                continue;
            }
            unknownFields(entry, DRONE_FIELDS, e.where, problems);
            String id = e.id(entry, ids);
            String base = e.text(entry, "base");
            if (base != null && !baseIds.contains(base)) {
                e.problem("base", "no base '" + base + "'" + (baseIds.isEmpty() ? "" : " (bases: "
                        + String.join(", ", baseIds) + ")"));
                base = null;
            }
            double endurance = e.number(entry, "enduranceMin", Double.NaN, 1, 600, "minutes of flight, 1 to 600");
            double speed = e.number(entry, "speedMps", Double.NaN, 0.5, FleetDrone.MAX_SPEED_MPS, "m/s, 0.5 to 40");
            if (id != null && base != null && !Double.isNaN(endurance) && !Double.isNaN(speed)) {
                drones.add(new FleetDrone(id, base, endurance, speed));
            }
        }
        return drones;
    }

    private static boolean isNonEmptyArray(JsonNode node, String field, List<FleetProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new FleetProblem("file", field, "missing: at least one is needed"));
            return false;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new FleetProblem("file", field, "expected a list with at least one entry"));
            return false;
        }
        return true;
    }

    private static String idOf(JsonNode entry) {
        JsonNode id = entry.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? " (id=" + id.asText() + ")" : "";
    }

    private static void unknownFields(JsonNode object, Set<String> known, String where, List<FleetProblem> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new FleetProblem(where, name, "unknown field (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** Reads the fields of one entry, collecting what is wrong with them. */
    private record Entries(String where, List<FleetProblem> problems) {

        void problem(String field, String message) {
            problems.add(new FleetProblem(where, field, message));
        }

        String id(JsonNode entry, Set<String> seen) {
            String id = text(entry, "id");
            if (id != null && !seen.add(id)) {
                problem("id", "'" + id + "' is used twice");
                return null;
            }
            return id;
        }

        String text(JsonNode entry, String field) {
            JsonNode node = entry.get(field);
            if (node == null || node.isNull()) {
                problem(field, "missing");
                return null;
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                problem(field, "expected a non-empty text, found " + node);
                return null;
            }
            return node.asText().trim();
        }

        /** The number, or {@code fallback} when missing (NaN: required), or NaN after a problem. */
        double number(JsonNode entry, String field, double fallback, double min, double max, String expected) {
            JsonNode node = entry.get(field);
            if (node == null || node.isNull()) {
                if (Double.isNaN(fallback)) {
                    problem(field, "missing: " + expected);
                }
                return fallback;
            }
            if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min
                    || node.asDouble() > max) {
                problem(field, "expected " + expected + ", found " + node);
                return Double.NaN;
            }
            return node.asDouble();
        }
    }
}
