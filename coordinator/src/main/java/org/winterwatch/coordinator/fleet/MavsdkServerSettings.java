package org.winterwatch.coordinator.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the coordinator runs a {@code mavsdk_server} for a drone given by its MAVLink address.
 *
 * @param command the program and its arguments; {@code {grpcPort}}, {@code {url}} and {@code {droneId}} are
 *                replaced per drone. Default: {@code mavsdk_server -p {grpcPort} {url}}
 * @param logDir each process's output is appended to {@code mavsdk_server-<droneId>.log} here
 * @param startupTimeout a process whose gRPC port is not open after this long is restarted
 * @param healthPeriod how often the process and its port are checked
 * @param maxBackoff restarts back off from one second, doubling up to this
 */
public record MavsdkServerSettings(List<String> command, Path logDir, Duration startupTimeout, Duration healthPeriod,
                                   Duration maxBackoff) {

    public static final String DEFAULT_PROGRAM = "mavsdk_server";
    /** Environment variable with the path of the mavsdk_server binary. */
    public static final String PATH_VARIABLE = "WW_MAVSDK_SERVER";
    /** Environment variable with the argument template (space separated), instead of {@code -p {grpcPort} {url}}. */
    public static final String ARGS_VARIABLE = "WW_MAVSDK_SERVER_ARGS";

    public MavsdkServerSettings {
        command = List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the mavsdk_server command must name a program");
        }
        Objects.requireNonNull(logDir, "logDir");
        requirePositive(startupTimeout, "startupTimeout");
        requirePositive(healthPeriod, "healthPeriod");
        requirePositive(maxBackoff, "maxBackoff");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /**
     * From the environment: the program from {@code WW_MAVSDK_SERVER} (system property {@code ww.mavsdk-server}),
     * else {@code mavsdk_server} on the PATH; arguments from {@code WW_MAVSDK_SERVER_ARGS}; logs under
     * {@code <dataDir>/logs}.
     */
    public static MavsdkServerSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        String program = System.getProperty("ww.mavsdk-server", env.getOrDefault(PATH_VARIABLE, DEFAULT_PROGRAM));
        String args = env.getOrDefault(ARGS_VARIABLE, "-p {grpcPort} {url}");
        List<String> command = new java.util.ArrayList<>();
        command.add(program);
        command.addAll(Arrays.stream(args.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
        return new MavsdkServerSettings(command, dataDir.resolve("logs"), Duration.ofSeconds(20), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /** The command for one drone, placeholders filled in. */
    List<String> commandFor(String droneId, String url, int grpcPort) {
        return command.stream()
                .map(a -> a.replace("{grpcPort}", Integer.toString(grpcPort)).replace("{url}", url).replace("{droneId}", droneId))
                .toList();
    }
}
