package org.winterwatch.coordinator.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto}) run by the test on its own port, so that the test can stop
 * and start it without disturbing the machine's broker on 1883. Persistence on; no queue limit for offline clients
 * unless one is given (Mosquitto's own default is 1,000 messages).
 */
final class MosquittoProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    MosquittoProcess(Path dir) throws IOException {
        this(dir, 0);
    }

    /** With {@code maxQueued} messages kept for each offline client (0: no limit). */
    MosquittoProcess(Path dir, int maxQueued) throws IOException {
        this.dir = Files.createDirectories(dir);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                // started as root, Mosquitto would drop to the mosquitto user and could not write its state here
                "user " + System.getProperty("user.name"),
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages " + maxQueued,
                "max_inflight_messages 100",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    MosquittoProcess start() throws IOException {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await().atMost(Duration.ofSeconds(15)).until(this::accepting);
        return this;
    }

    /** A clean stop (SIGTERM): Mosquitto saves its sessions and queued messages. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
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
