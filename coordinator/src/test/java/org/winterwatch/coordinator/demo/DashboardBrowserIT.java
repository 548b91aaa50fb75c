package org.winterwatch.coordinator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control-room dashboard in Debian's chromium, driven by {@code src/test/browser/dashboard.test.mjs}
 * (playwright-core and axe-core from npm; never a downloaded browser) against the whole demo in this process: the
 * map, a drone that moves, an alert that appears live and is acted on from the page, a ground team that sees only
 * its own alerts, a thousand alerts, accessibility. The screenshots stay in {@code target/dashboard-browser/}.
 */
class DashboardBrowserIT {

    private static final Path BROWSER_TEST = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path ARTEFACTS = Path.of("target", "dashboard-browser").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void theDashboardShowsTheLiveSystemToEachRoleInARealBrowser() throws Exception {
        Files.createDirectories(ARTEFACTS);
        try (var old = Files.newDirectoryStream(ARTEFACTS, "*.png")) {
            for (Path png : old) {
                Files.delete(png); // a screenshot from an earlier run must not pass for this one's
            }
        }
        installTheTestsPackages();
        DemoOptions options = new DemoOptions(4, 100, 0, freePort(), dataDir);
        try (DemoSystem system = DemoSystem.start(options, null)) {
            system.coordinator().fleet().connectAll().get(60, TimeUnit.SECONDS);
            Map<String, String> tokens = system.tokens();

            Path log = ARTEFACTS.resolve("dashboard.test.log");
            int exit = run(List.of("node", "dashboard.test.mjs"), Map.of(
                    "WW_BASE_URL", "http://127.0.0.1:" + system.coordinator().httpPort(),
                    "WW_TOKEN_OPERATOR", tokens.get("operator"),
                    "WW_TOKEN_CONTROLROOM", tokens.get("controlroom"),
                    "WW_TOKEN_GROUNDTEAM", tokens.get("groundteam"),
                    "WW_ARTEFACT_DIR", ARTEFACTS.toString()), log, 90);

            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(exit).as(output).isZero();
            assertThat(ARTEFACTS.resolve("dashboard.png")).isNotEmptyFile();
        }
    }

    /** {@code npm ci} from the lock file when the packages are not there yet; no browser is downloaded. */
    private static void installTheTestsPackages() throws Exception {
        if (Files.isDirectory(BROWSER_TEST.resolve("node_modules").resolve("playwright-core"))) {
            return;
        }
        Path log = ARTEFACTS.resolve("npm-ci.log");
        int exit = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), log, 300);
        assertThat(exit).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    private static int run(List<String> command, Map<String, String> env, Path log, long timeoutS)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TEST.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutS + " s; see " + log);
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
