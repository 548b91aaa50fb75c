package org.winterwatch.coordinator.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code winterwatch simulate} in its own JVM (the packaged jar), as an operator runs it beside {@code serve}. */
final class SimulatorProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;

    SimulatorProcess(Path dir, List<String> simulateArgs) {
        Path jar = Path.of("target", "winterwatch.jar").toAbsolutePath();
        this.command = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", jar.toString(), "simulate"));
        this.command.addAll(simulateArgs);
        this.log = dir.resolve("simulator.log");
    }

    /** Starts it and returns once it says where its detections go. */
    SimulatorProcess start() throws IOException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited: " + Files.readString(log));
            }
            return Files.exists(log) && Files.readString(log).contains("Detections go to");
        });
        return this;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
