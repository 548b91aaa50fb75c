package org.winterwatch.coordinator.app;

/** A drone reached through a MAVSDK gRPC endpoint: a {@code mavsdk_server} or the simulator. */
public record DroneEndpoint(String droneId, String host, int port) {

    public DroneEndpoint {
        if (droneId == null || !droneId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("drone id must be 1-64 letters, digits, '.', '_' or '-', was '" + droneId + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("drone " + droneId + ": host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("drone " + droneId + ": port must be within 1..65535, was " + port);
        }
    }

    /** Parses {@code ID=HOST:PORT} as {@code serve --drone} takes it. */
    public static DroneEndpoint parse(String text) {
        int eq = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (eq <= 0 || colon < eq + 2 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--drone: expected ID=HOST:PORT (for example drone-1=127.0.0.1:50051), got '" + text + "'");
        }
        try {
            return new DroneEndpoint(text.substring(0, eq), text.substring(eq + 1, colon),
                    Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--drone: port in '" + text + "' is not a number");
        }
    }
}
