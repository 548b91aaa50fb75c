package org.winterwatch.coordinator.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto}) run by the test on its own port, so that the test can stop
 * and start it without disturbing the machine's broker on 1883. Persistence on; no queue limit for offline clients
 * unless one is given (Mosquitto's own default is 1,000 messages); 100 messages in flight per client unless
 * {@link #withDefaultLimits} asks for Mosquitto's own limits (20 in flight, announced as Receive Maximum).
 */
public final class MosquittoProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    MosquittoProcess(Path dir) throws IOException {
        this(dir, 0);
    }

    /** With {@code maxQueued} messages kept for each offline client (0: no limit). */
    MosquittoProcess(Path dir, int maxQueued) throws IOException {
        this(dir, List.of("max_queued_messages " + maxQueued, "max_inflight_messages 100"));
    }

    /**
     * As Mosquitto 2.0 ships: {@code max_inflight_messages} 20 (sent to MQTT 5 clients as Receive Maximum),
     * {@code max_queued_messages} 1,000, autosave every 1,800 s; only persistence is switched on.
     */
    static MosquittoProcess withDefaultLimits(Path dir) throws IOException {
        return new MosquittoProcess(dir, List.of());
    }

    /**
     * With these lines added to Mosquitto's defaults, e.g. {@code max_packet_size 2048}; they follow the first listener,
     * so TLS lines ({@code certfile}, ...) apply to it. Anonymous clients are allowed unless a line says otherwise.
     */
    public static MosquittoProcess withSettings(Path dir, String... lines) throws IOException {
        return new MosquittoProcess(dir, List.of(lines));
    }

    private MosquittoProcess(Path dir, List<String> limits) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        boolean anonymousSaid = limits.stream().anyMatch(line -> line.startsWith("allow_anonymous"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                // started as root, Mosquitto would drop to the mosquitto user and could not write its state here
                "user " + System.getProperty("user.name"),
                anonymousSaid ? "" : "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                String.join("\n", limits),
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
    }

    /** A free TCP port on loopback, e.g. for a further listener. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The first listener's port. */
    public int port() {
        return port;
    }

    public MosquittoProcess start() throws IOException {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await().atMost(Duration.ofSeconds(15)).until(this::accepting);
        return this;
    }

    /** A clean stop (SIGTERM): Mosquitto saves its sessions and queued messages. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    /** A crash (SIGKILL): Mosquitto keeps only what it saved at its last clean exit or autosave. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** Mosquitto's log, for a failing test to show. */
    public List<String> log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private boolean accepting() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
