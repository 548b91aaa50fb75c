package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WinterWatchCliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "serve", "simulate", "plan", "sites", "sites validate"})
    void everyCommandExplainsItselfWithHelp(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");

        CliRun r = run(args);

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: winterwatch");
    }

    @Test
    void theTopLevelHelpDescribesEveryCommandInWholeSentences() {
        CliRun r = run("--help");

        // the command list as one line of text: each command, then its description up to the next command
        String commands = String.join(" ", r.out().lines().dropWhile(l -> !l.startsWith("Commands:")).skip(1).toList())
                .replaceAll("\\s+", " ").strip();
        assertThat(commands).contains("demo Runs the whole system on embedded parts and prints each alert as it is raised. serve ")
                .contains("simulate Runs simulated drones, people in the cold and fixed sensors; detections go out over MQTT. plan ");
        for (String command : List.of("serve", "simulate", "plan", "sites")) {
            assertThat(commands).as("the description before '%s' ends its sentence", command).contains(". " + command + " ");
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorOfOneLineAndExitCode2() {
        CliRun r = run("demo", "--dornes", "3");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--dornes").doesNotContain("Exception");
    }

    @Test
    void anExplicitPortThatIsTakenIsAnErrorOfOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = run("demo", "--mqtt-port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.toString());

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("--mqtt-port").contains("already in use");
        }
    }

    @Test
    void aBadInspectionSettingStopsServeWithTheFieldAndExitCode2() throws Exception {
        Path config = dir.resolve("winterwatch.yaml");
        Files.writeString(config, "inspection:\n  enabled: true\n  max_range_m: far\n");
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "inspection:\n  range_km: 3\n");

        CliRun bad = run("serve", "--config", config.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun misnamed = run("serve", "--config", unknown.toString(), "--data-dir", dir.toString(), "--http-port", "0");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("config inspection.max_range_m: must be a number, was 'far'").doesNotContain("Exception");
        assertThat(misnamed.code()).isEqualTo(2);
        assertThat(misnamed.err()).contains("config inspection.range_km: unknown key");
    }

    @Test
    void aBadPatrolSettingStopsServeWithTheFieldAndExitCode2() throws Exception {
        Path window = dir.resolve("window.yaml");
        Files.writeString(window, "patrol:\n  windows:\n    - {from: \"8pm\", to: \"06:00\", every_min: 120}\n");
        Path priority = dir.resolve("priority.yaml");
        Files.writeString(priority, "patrol:\n  revisit_by_priority_min: {7: 60}\n");
        Path zone = dir.resolve("zone.yaml");
        Files.writeString(zone, "patrol:\n  time_zone: Mars/Olympus\n");

        CliRun badWindow = run("serve", "--config", window.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun badPriority = run("serve", "--config", priority.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun badZone = run("serve", "--config", zone.toString(), "--data-dir", dir.toString(), "--http-port", "0");

        assertThat(badWindow.code()).isEqualTo(2);
        assertThat(badWindow.err()).contains("config patrol.windows[0]: from and to must be times of day")
                .doesNotContain("Exception");
        assertThat(badPriority.code()).isEqualTo(2);
        assertThat(badPriority.err()).contains("config patrol.revisit_by_priority_min.7: a site priority is 1..5");
        assertThat(badZone.code()).isEqualTo(2);
        assertThat(badZone.err()).contains("config patrol.time_zone: 'Mars/Olympus' is not a time zone");
    }

    @Test
    void aFleetThatIsMisspeltOrDoesNotMatchTheDronesStopsServeWithTheEntryAndExitCode2() throws Exception {
        Path misspelt = dir.resolve("fleet.yaml");
        Files.writeString(misspelt, """
                bases: [{id: north, lat: 40.11, lon: 113.336}]
                drones: [{id: north-1, base: north, enduranceMins: 25, speedMps: 10}]
                """);
        Path fileConfig = dir.resolve("with-fleet-file.yaml");
        Files.writeString(fileConfig, "drone: [north-1=127.0.0.1:1]\nfleet: " + misspelt + "\n");
        Path unmatched = dir.resolve("inline-fleet.yaml");
        Files.writeString(unmatched, """
                drone: [north-1=127.0.0.1:1]
                fleet:
                  bases: [{id: north, lat: 40.11, lon: 113.336}, {id: river, lat: 40.08567, lon: 113.34951}]
                  drones: [{id: south-1, base: north, enduranceMin: 25, speedMps: 10}]
                """);
        Path solver = dir.resolve("solver.yaml");
        Files.writeString(solver, "sweeps:\n  solver_time_s: 60\n");

        CliRun badFile = run("serve", "--config", fileConfig.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun badMatch = run("serve", "--config", unmatched.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun badSolver = run("serve", "--config", solver.toString(), "--data-dir", dir.toString(), "--http-port", "0");

        assertThat(badFile.code()).isEqualTo(2);
        assertThat(badFile.err()).contains("fleet file " + misspelt + ": 2 problems: drones[0] (id=north-1): "
                + "enduranceMins: unknown field").contains("enduranceMin: missing").doesNotContain("Exception");
        assertThat(badMatch.code()).isEqualTo(2);
        assertThat(badMatch.err()).contains("config fleet: drone 'south-1' has no endpoint (add drone: south-1=HOST:PORT)")
                .contains("drone endpoint 'north-1' is not in the fleet")
                .contains("bases (id=river): 40.085670, 113.349510 lies inside a no-fly zone");
        assertThat(badSolver.code()).isEqualTo(2);
        assertThat(badSolver.err()).contains("config sweeps: solver_time_s must be within 0.1..20 seconds");
    }

    @Test
    void simulateWithAFleetFileServesEachDroneUnderItsIdAtItsBase() throws Exception {
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                {"bases": [{"id": "north", "lat": 40.11, "lon": 113.336}, {"id": "south", "lat": 40.072, "lon": 113.336}],
                 "drones": [{"id": "n-1", "base": "north", "enduranceMin": 25, "speedMps": 10},
                            {"id": "s-1", "base": "south", "enduranceMin": 30, "speedMps": 12}]}
                """);

        CliRun r = run("simulate", "--fleet", fleet.toString(), "--grpc-base-port", "0", "--exit-after", "0.2");
        CliRun clash = run("simulate", "--fleet", fleet.toString(), "--drones", "3");

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).containsPattern("n-1: MAVSDK gRPC on 127\\.0\\.0\\.1:[0-9]+, at its base 40\\.110000, 113\\.336000")
                .containsPattern("s-1: MAVSDK gRPC on 127\\.0\\.0\\.1:[0-9]+, at its base 40\\.072000, 113\\.336000");
        assertThat(clash.code()).isEqualTo(2);
        assertThat(clash.err()).contains("--fleet places the drones: leave out --drones");
    }

    @Test
    void aRetentionShorterThanADayStopsServeWithTheFieldAndExitCode2() throws Exception {
        Path config = dir.resolve("retention.yaml");
        Files.writeString(config, "location_retention_days: 0\n");

        CliRun r = run("serve", "--config", config.toString(), "--data-dir", dir.toString(), "--http-port", "0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("location_retention_days must be a whole number of days >= 1, was 0")
                .doesNotContain("Exception");
    }

    @Test
    void aClockSkewOutsideZeroToADayStopsServeWithTheSettingAndExitCode2() throws Exception {
        Path config = dir.resolve("skew.yaml");
        Files.writeString(config, "max_clock_skew_s: -5\n");

        CliRun fromConfig = run("serve", "--config", config.toString(), "--data-dir", dir.toString(), "--http-port", "0");
        CliRun fromFlag = run("serve", "--max-clock-skew-s", "90000", "--data-dir", dir.toString(), "--http-port", "0");

        assertThat(fromConfig.code()).isEqualTo(2);
        assertThat(fromConfig.err()).contains("max_clock_skew_s: must be within 0..86400 seconds, was -5")
                .doesNotContain("Exception");
        assertThat(fromFlag.code()).isEqualTo(2);
        assertThat(fromFlag.err()).contains("max_clock_skew_s: must be within 0..86400 seconds, was 90000");
    }

    @Test
    void validatingTheBundledDemoLayerSucceeds() throws Exception {
        Path layer = dir.resolve("demo.geojson");
        try (var in = getClass().getResourceAsStream("/org/winterwatch/geo/demo/yuhe-datong.geojson")) {
            Files.copy(in, layer);
        }

        CliRun r = run("sites", "validate", layer.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("valid");
    }

    @Test
    void validatingABadLayerNamesEachFeatureAndExitsWith2() throws Exception {
        Path layer = dir.resolve("bad.geojson");
        Files.writeString(layer, """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"id":"b1","category":"brige"},
                   "geometry":{"type":"Point","coordinates":[113.33,40.09]}},
                  {"type":"Feature","properties":{"category":"bridge"},
                   "geometry":{"type":"Point","coordinates":[113.33,40.09]}}
                ]}""");

        CliRun r = run("sites", "validate", layer.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("brige").contains("b1").contains("feature 1");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotJsonIsReportedNotThrown() throws Exception {
        Path layer = dir.resolve("notes.geojson");
        Files.writeString(layer, "this is not json");

        CliRun r = run("sites", "validate", layer.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isNotBlank().doesNotContain("\tat ");
    }
}
