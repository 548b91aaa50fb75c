package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a setting by the contract's precedence: defaults &lt; config file &lt; environment ({@code WW_NAME}) &lt; flags.
 */
final class Settings {

    private final JsonNode config;
    private final Map<String, String> env;

    private Settings(JsonNode config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    static Settings load(Path configFile, Map<String, String> env) {
        if (configFile == null) {
            return new Settings(new ObjectMapper().createObjectNode(), env);
        }
        if (!Files.isRegularFile(configFile)) {
            throw new UsageError("--config: " + configFile + " is not a readable file");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(configFile.toFile());
            if (node == null || node.isNull()) {
                node = new ObjectMapper().createObjectNode();
            }
            if (!node.isObject()) {
                throw new UsageError("--config: " + configFile + " must be a YAML mapping of setting names to values");
            }
            return new Settings(node, env);
        } catch (IOException e) {
            throw new UsageError("--config: " + configFile + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** {@code name} in kebab case as on the command line, e.g. "mqtt-url". */
    String string(String name, String flag, String defaultValue) {
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        JsonNode node = config.get(name.replace('-', '_'));
        if (node != null && !node.isNull()) {
            if (!node.isValueNode()) {
                throw new UsageError("config " + name.replace('-', '_') + ": must be a single value");
            }
            return node.asText();
        }
        return defaultValue;
    }

    int integer(String name, Integer flag, int defaultValue) {
        String text = string(name, flag == null ? null : flag.toString(), Integer.toString(defaultValue));
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageError(name + ": '" + text + "' is not a whole number");
        }
    }

    /** A repeatable setting: flags win whole; else the environment (comma-separated); else the config list. */
    List<String> list(String name, List<String> flags) {
        if (flags != null && !flags.isEmpty()) {
            return flags;
        }
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return List.of(fromEnv.split(","));
        }
        JsonNode node = config.get(name.replace('-', '_'));
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node != null && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    /** The environment's value of {@code WW_NAME} alone, for a secret that has no config key, or null. */
    String fromEnvironment(String name) {
        String value = env.get(envName(name));
        return value == null || value.isEmpty() ? null : value;
    }

    JsonNode raw(String key) {
        return config.get(key);
    }

    static String envName(String name) {
        return "WW_" + name.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
