package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.winterwatch.coordinator.patrol.NightWindow;
import org.winterwatch.coordinator.patrol.PatrolPolicy;
import org.winterwatch.geo.site.SiteCategory;

/** Reads the {@code patrol:} section of the YAML config: when sites are due, and when sweeps of them are launched. */
final class PatrolConfig {

    private static final Set<String> KEYS = new TreeSet<>(Set.of("enabled", "time_zone", "revisit_by_priority_min",
            "revisit_by_category_min", "follow_up_min", "follow_up_window_h", "windows", "cold_wave_factor",
            "cold_wave_every_min"));

    private PatrolConfig() {
    }

    static PatrolPolicy read(JsonNode section) {
        PatrolPolicy d = PatrolPolicy.defaults();
        JsonNode s = section == null || section.isNull() ? JsonNodeFactory.instance.objectNode() : section;
        if (!s.isObject()) {
            throw new UsageError("config patrol: must be a mapping with " + String.join(", ", KEYS));
        }
        s.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new UsageError("config patrol." + k + ": unknown key; known: " + String.join(", ", KEYS));
            }
        });
        boolean enabled = !s.has("enabled") || s.get("enabled").asBoolean(true);
        if (s.has("enabled") && !s.get("enabled").isBoolean()) {
            throw new UsageError("config patrol.enabled: must be true or false, was '" + s.get("enabled").asText() + "'");
        }
        ZoneId zone = d.zone();
        if (s.hasNonNull("time_zone")) {
            try {
                zone = ZoneId.of(s.get("time_zone").asText());
            } catch (DateTimeException e) {
                throw new UsageError("config patrol.time_zone: '" + s.get("time_zone").asText()
                        + "' is not a time zone such as Asia/Shanghai or UTC");
            }
        }
        Map<Integer, Duration> byPriority = new HashMap<>(d.byPriority());
        JsonNode p = s.path("revisit_by_priority_min");
        if (!p.isMissingNode()) {
            mapping(p, "revisit_by_priority_min").forEach((key, value) -> {
                int priority;
                try {
                    priority = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    priority = 0;
                }
                if (priority < 1 || priority > 5) {
                    throw new UsageError("config patrol.revisit_by_priority_min." + key + ": a site priority is 1..5");
                }
                byPriority.put(priority, minutes(value, "revisit_by_priority_min." + key));
            });
        }
        Map<String, Duration> byCategory = new HashMap<>();
        JsonNode c = s.path("revisit_by_category_min");
        if (!c.isMissingNode()) {
            mapping(c, "revisit_by_category_min").forEach((key, value) -> {
                if (SiteCategory.fromWire(key).isEmpty()) {
                    throw new UsageError("config patrol.revisit_by_category_min." + key + ": not a site category; known: "
                            + SiteCategory.wireNames());
                }
                byCategory.put(SiteCategory.fromWire(key).get().wireName(), minutes(value, "revisit_by_category_min." + key));
            });
        }
        List<NightWindow> windows = s.has("windows") ? windows(s.get("windows")) : d.windows();
        try {
            return new PatrolPolicy(enabled, byPriority, byCategory,
                    minutes(s.get("follow_up_min"), d.followUp(), "follow_up_min"),
                    Duration.ofMinutes(Math.round(AlertConfig.number(s, "patrol", "follow_up_window_h",
                            d.followUpWindow().toMinutes() / 60.0) * 60)),
                    windows, zone, AlertConfig.number(s, "patrol", "cold_wave_factor", d.coldWaveFactor()),
                    minutes(s.get("cold_wave_every_min"), d.coldWaveEvery(), "cold_wave_every_min"));
        } catch (IllegalArgumentException e) {
            throw new UsageError("config patrol: " + e.getMessage());
        }
    }

    private static List<NightWindow> windows(JsonNode list) {
        if (!list.isArray()) {
            throw new UsageError("config patrol.windows: must be a list such as [{from: \"20:00\", to: \"06:00\", every_min: 120}]");
        }
        List<NightWindow> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode w = list.get(i);
            String name = "config patrol.windows[" + i + "]";
            try {
                out.add(new NightWindow(LocalTime.parse(w.path("from").asText("")), LocalTime.parse(w.path("to").asText("")),
                        minutes(w.get("every_min"), null, "windows[" + i + "].every_min")));
            } catch (DateTimeParseException e) {
                throw new UsageError(name + ": from and to must be times of day such as \"20:00\" and \"06:00\"");
            } catch (IllegalArgumentException e) {
                throw new UsageError(name + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, JsonNode> mapping(JsonNode node, String key) {
        if (!node.isObject()) {
            throw new UsageError("config patrol." + key + ": must be a mapping");
        }
        Map<String, JsonNode> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Duration minutes(JsonNode value, String key) {
        return minutes(value, null, key);
    }

    private static Duration minutes(JsonNode value, Duration fallback, String key) {
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new UsageError("config patrol." + key + ": required, a number of minutes");
            }
            return fallback;
        }
        if (!value.isNumber() || !(value.asDouble() > 0)) {
            throw new UsageError("config patrol." + key + ": must be a positive number of minutes, was '" + value.asText() + "'");
        }
        return Duration.ofSeconds(Math.round(value.asDouble() * 60));
    }
}
