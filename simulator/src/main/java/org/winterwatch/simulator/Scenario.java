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
import org.winterwatch.geo.LatLon;

/**
 * A scenario file: the ambient temperature and the people out in the cold.
 *
 * <p>Format: {@code {"ambientTempC": -18, "people": [{"id", "lat", "lon", "surfaceTempC"?, "siteId"?}]}}.
 */
public record Scenario(double ambientTempC, List<SimPerson> people) {

    static final String DEMO_RESOURCE = "/org/winterwatch/simulator/demo-scenario.json";
    private static final double DEFAULT_SURFACE_TEMP_C = 30;

    public Scenario {
        if (!Double.isFinite(ambientTempC)) {
            throw new IllegalArgumentException("ambientTempC must be a number");
        }
        people = List.copyOf(people);
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

    /** Reads a scenario file; a malformed file gives an IllegalArgumentException naming what is wrong. */
    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    static Scenario parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object with ambientTempC and people");
        }
        double ambient = root.path("ambientTempC").asDouble(-18);
        List<SimPerson> people = new ArrayList<>();
        JsonNode list = root.path("people");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            try {
                people.add(new SimPerson(
                        p.path("id").asText(null),
                        new LatLon(number(p, "lat"), number(p, "lon")),
                        p.path("surfaceTempC").asDouble(DEFAULT_SURFACE_TEMP_C),
                        p.hasNonNull("siteId") ? p.get("siteId").asText() : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": person " + i + ": " + e.getMessage(), e);
            }
        }
        return new Scenario(ambient, people);
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.asDouble();
    }
}
