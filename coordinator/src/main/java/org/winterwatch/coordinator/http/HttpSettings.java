package org.winterwatch.coordinator.http;

/** Where the API listens and who may use it. */
public record HttpSettings(String host, int port, AccessTokens tokens) {

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http-port must be within 0..65535, was " + port);
        }
    }
}
