package org.winterwatch.coordinator.http;

/** Test access to the token fingerprint that the audit trail shows. */
public final class AccessTokensProbe {

    private AccessTokensProbe() {
    }

    public static String fingerprint(String token) {
        return AccessTokens.hash(token).substring(0, 8);
    }
}
