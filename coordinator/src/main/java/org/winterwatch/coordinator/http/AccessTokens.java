package org.winterwatch.coordinator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens by role, kept only as SHA-256 hashes so a leaked config or heap dump does not hand out access.
 */
public final class AccessTokens {

    /** What a valid token grants: a role, and for a ground team the team it belongs to. */
    public record Grant(Role role, String teamId) {
    }

    private final Map<String, Grant> byHash = new HashMap<>();

    public AccessTokens add(String token, Grant grant) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("token for role " + grant.role().wireName() + " must be at least 16 characters");
        }
        byHash.put(hash(token), grant);
        return this;
    }

    public Optional<Grant> check(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byHash.get(hash(token)));
    }

    /** Makes one fresh random token per role; returns role name to clear token, for the demo's token file. */
    public static Map<String, String> generate(AccessTokens into, SecureRandom random, String groundTeam) {
        Map<String, String> clear = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String token = "ww_" + role.wireName() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            into.add(token, new Grant(role, role == Role.GROUNDTEAM ? groundTeam : null));
            clear.put(role.wireName(), token);
        }
        return clear;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
