package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.Role;

/**
 * The tokens {@code serve} makes when none are configured: one per role in {@code <data-dir>/tokens.json} (mode 600),
 * made once and kept, so that phones and scripts keep their access across restarts.
 */
final class GeneratedTokens {

    static final String FILE = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedTokens() {
    }

    /** What happened: the tokens, and whether they were made now (else read back). */
    record Loaded(AccessTokens tokens, Path file, boolean madeNow) {
    }

    static Loaded loadOrCreate(Path dataDir, SecureRandom random, String groundTeam) throws IOException {
        Path file = dataDir.resolve(FILE);
        AccessTokens tokens = new AccessTokens();
        if (Files.isRegularFile(file)) {
            JsonNode kept = JSON.readTree(file.toFile());
            Map<String, String> clear = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                String token = kept.path(role.wireName()).asText("");
                if (token.length() < 16) {
                    throw new UsageError(file + ": no usable token for role " + role.wireName()
                            + "; fix or delete the file (a new one is then made)");
                }
                clear.put(role.wireName(), token);
                tokens.add(token, new AccessTokens.Grant(role, role == Role.GROUNDTEAM ? groundTeam : null));
            }
            return new Loaded(tokens, file, false);
        }
        Map<String, String> clear = AccessTokens.generate(tokens, random, groundTeam);
        Files.createDirectories(dataDir);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(clear));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return new Loaded(tokens, file, true);
    }
}
