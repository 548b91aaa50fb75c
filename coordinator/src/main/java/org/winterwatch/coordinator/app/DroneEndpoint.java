package org.winterwatch.coordinator.app;

/**
 * A drone the coordinator talks to: either a MAVSDK gRPC endpoint (a {@code mavsdk_server} someone else
 * runs, or the simulator), or a MAVLink address ({@code udp://:14541}) for which the coordinator starts and
 * supervises its own {@code mavsdk_server}.
 *
 * @param port the gRPC port; 0 with a MAVLink URL means "pick a free port for the supervised mavsdk_server"
 * @param mavlinkUrl MAVSDK connection URL ({@code udp://[host]:port}, {@code tcp://host:port},
 *                   {@code serial:///dev/ttyUSB0:57600}), or null for a plain gRPC endpoint
 */
public record DroneEndpoint(String droneId, String host, int port, String mavlinkUrl) {

    public DroneEndpoint {
        if (droneId == null || !droneId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("drone id must be 1-64 letters, digits, '.', '_' or '-', was '" + droneId + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("drone " + droneId + ": host is empty");
        }
        if (mavlinkUrl != null && !mavlinkUrl.matches("(udp|tcp|serial)://.+")) {
            throw new IllegalArgumentException("drone " + droneId + ": MAVLink URL must look like udp://:14541, tcp://HOST:PORT or "
                    + "serial:///dev/ttyUSB0:57600, was '" + mavlinkUrl + "'");
        }
        int lowest = mavlinkUrl == null ? 1 : 0;
        if (port < lowest || port > 65535) {
            throw new IllegalArgumentException("drone " + droneId + ": port must be within " + lowest + "..65535, was " + port);
        }
    }

    /** A MAVSDK gRPC endpoint. */
    public DroneEndpoint(String droneId, String host, int port) {
        this(droneId, host, port, null);
    }

    /** True when the coordinator must run this drone's {@code mavsdk_server} itself. */
    public boolean needsMavsdkServer() {
        return mavlinkUrl != null;
    }

    /**
     * Parses {@code serve --drone}: {@code ID=HOST:PORT} (a MAVSDK gRPC endpoint) or {@code ID=URL} with a
     * MAVLink URL such as {@code udp://:14541} (the coordinator supervises a {@code mavsdk_server} for it).
     */
    public static DroneEndpoint parse(String text) {
        int eq = text.indexOf('=');
        if (eq > 0 && text.indexOf("://", eq) > eq) {
            return new DroneEndpoint(text.substring(0, eq), "127.0.0.1", 0, text.substring(eq + 1));
        }
        int colon = text.lastIndexOf(':');
        if (eq <= 0 || colon < eq + 2 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--drone: expected ID=HOST:PORT (for example drone-1=127.0.0.1:50051) or "
                    + "ID=MAVLINK_URL (for example drone-1=udp://:14541), got '" + text + "'");
        }
        try {
            return new DroneEndpoint(text.substring(0, eq), text.substring(eq + 1, colon),
                    Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--drone: port in '" + text + "' is not a number");
        }
    }
}
