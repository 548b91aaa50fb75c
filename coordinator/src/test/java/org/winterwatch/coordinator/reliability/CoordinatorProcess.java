package org.winterwatch.coordinator.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code winterwatch serve} in its own JVM (the packaged jar), so that a test can kill it with SIGKILL. */
final class CoordinatorProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;

    CoordinatorProcess(Path dir, List<String> serveArgs) {
        Path jar = Path.of("target", "winterwatch.jar").toAbsolutePath();
        this.command = new java.util.ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "serve"));
        this.command.addAll(serveArgs);
        this.log = dir.resolve("coordinator.log");
    }

    CoordinatorProcess start() throws IOException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the coordinator exited: " + Files.readString(log));
            }
            return Files.exists(log) && Files.readString(log).contains("WinterWatch coordinator:");
        });
        return this;
    }

    /** The HTTP port it listens on, as it printed when it started. */
    int httpPort() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP [^,]*:(\\d+),").matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no HTTP port in " + log);
        }
        return Integer.parseInt(m.group(1));
    }

    /** What it logged so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook, no clean disconnect. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
