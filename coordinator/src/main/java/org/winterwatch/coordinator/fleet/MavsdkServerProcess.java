package org.winterwatch.coordinator.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised {@code mavsdk_server}: started for a drone given by its MAVLink address, checked every
 * health period (process alive, gRPC port accepting connections), restarted with back-off (1 s doubling to
 * the maximum, reset after a minute of health) when it exits or stops answering, its output appended to a
 * log file per drone. Timing counts health-check ticks rather than reading a clock.
 */
public final class MavsdkServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MavsdkServerProcess.class);
    private static final long FIRST_BACKOFF_MS = 1000;
    private static final long STABLE_MS = 60_000;
    private static final int PROBE_TIMEOUT_MS = 500;

    /** What the supervisor knows about its process. */
    public record Status(String droneId, int grpcPort, boolean running, boolean healthy, int starts, int restarts,
                         long pid, Integer lastExitCode, String lastError) {
    }

    private final String droneId;
    private final String mavlinkUrl;
    private final int grpcPort;
    private final MavsdkServerSettings settings;
    private final ScheduledExecutorService timer;
    private final Path logFile;

    // guarded by this
    private Process process;
    private boolean closed;
    private boolean healthy;
    private boolean everHealthy;
    private long ticksSinceLaunch;
    private long ticksUnhealthy;
    private long ticksHealthy;
    private long backoffMs = FIRST_BACKOFF_MS;
    private int starts;
    private int restarts;
    private Integer lastExitCode;
    private String lastError = "";
    private ScheduledFuture<?> healthTask;
    private ScheduledFuture<?> pendingLaunch;

    /**
     * @param grpcPort the port the server is told to serve gRPC on (0: a free one is picked now)
     */
    public MavsdkServerProcess(String droneId, String mavlinkUrl, int grpcPort, MavsdkServerSettings settings,
                               ScheduledExecutorService timer) {
        this.droneId = Objects.requireNonNull(droneId, "droneId");
        this.mavlinkUrl = Objects.requireNonNull(mavlinkUrl, "mavlinkUrl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.grpcPort = grpcPort == 0 ? freePort() : grpcPort;
        this.logFile = settings.logDir().resolve("mavsdk_server-" + droneId + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port for a mavsdk_server: " + e.getMessage(), e);
        }
    }

    public int grpcPort() {
        return grpcPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Launches the process and starts the health checks. */
    public synchronized void start() {
        if (closed || healthTask != null) {
            return;
        }
        long periodMs = settings.healthPeriod().toMillis();
        healthTask = timer.scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
        launch();
    }

    public synchronized Status status() {
        return new Status(droneId, grpcPort, process != null && process.isAlive(), healthy, starts, restarts,
                process == null ? -1 : process.pid(), lastExitCode, lastError);
    }

    private synchronized void launch() {
        pendingLaunch = null;
        if (closed) {
            return;
        }
        List<String> command = settings.commandFor(droneId, mavlinkUrl, grpcPort);
        try {
            Files.createDirectories(settings.logDir());
            Files.writeString(logFile, "---- supervisor: starting " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            starts++;
            ticksSinceLaunch = 0;
            ticksUnhealthy = 0;
            ticksHealthy = 0;
            everHealthy = false;
            healthy = false;
            LOG.info("mavsdk_server started droneId={} url={} grpcPort={} pid={} log={}", droneId, mavlinkUrl, grpcPort,
                    process.pid(), logFile);
        } catch (IOException | RuntimeException e) {
            process = null;
            lastError = "cannot start " + command.get(0) + ": " + e.getMessage()
                    + " (set " + MavsdkServerSettings.PATH_VARIABLE + " to the mavsdk_server binary)";
            LOG.error("mavsdk_server not started droneId={} reason={}", droneId, lastError);
            scheduleRestart();
        }
    }

    private void check() {
        Process p;
        synchronized (this) {
            if (closed || process == null) {
                return;
            }
            p = process;
        }
        if (!p.isAlive()) {
            synchronized (this) {
                if (p != process) {
                    return;
                }
                lastExitCode = p.exitValue();
                lastError = "exited with code " + lastExitCode;
                healthy = false;
                process = null;
                LOG.warn("mavsdk_server exited droneId={} exitCode={} restartInMs={}", droneId, lastExitCode, backoffMs);
                scheduleRestart();
            }
            return;
        }
        boolean answers = probe();
        synchronized (this) {
            if (p != process || closed) {
                return;
            }
            ticksSinceLaunch++;
            long period = settings.healthPeriod().toMillis();
            if (answers) {
                if (!healthy) {
                    LOG.info("mavsdk_server healthy droneId={} grpcPort={}", droneId, grpcPort);
                }
                healthy = true;
                everHealthy = true;
                ticksUnhealthy = 0;
                ticksHealthy++;
                if (ticksHealthy * period >= STABLE_MS) {
                    backoffMs = FIRST_BACKOFF_MS;
                }
                return;
            }
            healthy = false;
            ticksHealthy = 0;
            ticksUnhealthy++;
            long silentMs = (everHealthy ? ticksUnhealthy : ticksSinceLaunch) * period;
            if (silentMs >= settings.startupTimeout().toMillis()) {
                lastError = "gRPC port " + grpcPort + " not answering for " + silentMs + " ms";
                LOG.warn("mavsdk_server not answering, restarting droneId={} grpcPort={} silentMs={}", droneId, grpcPort, silentMs);
                stopProcess(p);
                process = null;
                scheduleRestart();
            }
        }
    }

    private boolean probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), grpcPort), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Caller holds the lock. */
    private void scheduleRestart() {
        if (closed) {
            return;
        }
        long delay = backoffMs;
        backoffMs = Math.min(settings.maxBackoff().toMillis(), backoffMs * 2);
        restarts++;
        try {
            pendingLaunch = timer.schedule(this::launch, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            LOG.debug("mavsdk_server restart not scheduled droneId={} (shutting down)", droneId);
        }
    }

    private static void stopProcess(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the health checks and the process (politely, then forcibly after 5 s). */
    @Override
    public void close() {
        Process p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (healthTask != null) {
                healthTask.cancel(false);
            }
            if (pendingLaunch != null) {
                pendingLaunch.cancel(false);
            }
            p = process;
            process = null;
            healthy = false;
        }
        if (p != null) {
            stopProcess(p);
            LOG.info("mavsdk_server stopped droneId={} pid={}", droneId, p.pid());
        }
    }
}
