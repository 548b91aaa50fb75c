package org.winterwatch.coordinator.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Mosquitto password file made as the deployment README says: with {@code mosquitto_passwd -b}. */
final class BrokerUsers {

    private BrokerUsers() {
    }

    /** Writes {@code file} with these users and passwords (the first call creates it). */
    static Path write(Path file, Map<String, String> passwords) throws IOException, InterruptedException {
        boolean first = true;
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            List<String> command = new ArrayList<>(List.of("mosquitto_passwd", "-b"));
            if (first) {
                command.add("-c");
            }
            command.addAll(List.of(file.toString(), user.getKey(), user.getValue()));
            run(command);
            first = false;
        }
        return file;
    }

    /** Changes one user's password in an existing file. */
    static void change(Path file, String user, String password) throws IOException, InterruptedException {
        run(List.of("mosquitto_passwd", "-b", file.toString(), user, password));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 3)) + " failed: " + output);
        }
    }
}
