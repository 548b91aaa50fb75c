package org.winterwatch.coordinator.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (Debian's {@code postgresql} binaries, {@code initdb} into a folder of the
 * test, on a free port, trust authentication), so that a test can stop it hard and start it again without disturbing
 * the machine's PostgreSQL on 5432. PostgreSQL refuses to run as root: run as root, the cluster belongs to the
 * {@code postgres} user and every command goes through {@code runuser}. Settings are PostgreSQL's defaults (fsync and
 * synchronous commit on), as in production.
 */
final class PostgresProcess implements AutoCloseable {

    private final Path base;
    private final Path data;
    private final Path bin;
    private final int port;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));
    private boolean running;

    /** Creates the cluster (initdb) in {@code dir/pg}; {@code dir} is a test's own folder. Does not start it. */
    PostgresProcess(Path dir) throws IOException, InterruptedException {
        this.bin = binaries();
        this.base = Files.createDirectories(dir.resolve("pg"));
        this.data = base.resolve("data");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        if (asRoot) {
            // the postgres user must be able to pass through the test's folder (a JUnit @TempDir is rwx------) and
            // own the one it writes in
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(base, postgres);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8"));
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} ({@code WW_PG_BIN} overrides). */
    static Path binaries() throws IOException {
        String given = System.getenv("WW_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql/*/bin: apt-get install postgresql"));
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    PostgresProcess start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-k " + base + " -p " + port + " -c listen_addresses=127.0.0.1", "start"));
        running = true;
        return this;
    }

    /** Stops the server at once (SIGQUIT to every backend, no checkpoint): every open connection breaks. */
    void kill() throws IOException, InterruptedException {
        stop("immediate");
    }

    private void stop(String mode) throws IOException, InterruptedException {
        if (running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "stop"));
            running = false;
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("ww-pg", ".out");
        try {
            Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in 90 s: " + Files.readString(out));
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "): " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop("fast");
    }
}
