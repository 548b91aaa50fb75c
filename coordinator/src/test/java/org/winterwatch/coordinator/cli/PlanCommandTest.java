package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.geo.layer.SiteLayers;

class PlanCommandTest {

    @TempDir
    Path dir;
    Path demo;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void demoLayer() throws Exception {
        demo = dir.resolve("demo.geojson");
        Files.writeString(demo, SiteLayers.toGeoJson(SiteLayers.demoLayer()));
    }

    @Test
    void plansTheDemoLayerAndWritesGeoJsonQgroundControlAndKml() throws Exception {
        CliRun r = run("plan", "--sites", demo.toString(), "--drones", "3", "--out-geojson", dir.resolve("plan.geojson").toString(),
                "--out-qgc", dir.resolve("qgc").toString(), "--out-kml", dir.resolve("plan.kml").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Plan: ").contains("Coverage: ").contains("drone-1").contains("drone-3");
        for (int d = 1; d <= 3; d++) {
            JsonNode qgc = new ObjectMapper().readTree(dir.resolve("qgc").resolve("drone-" + d + ".plan").toFile());
            assertThat(qgc.path("fileType").asText()).isEqualTo("Plan");
            List<Integer> commands = new ArrayList<>();
            qgc.path("mission").path("items").forEach(item -> commands.add(item.path("command").asInt()));
            // the camera records along the sweeps: started and stopped as often as there are sweeps flown
            assertThat(commands).contains(2500);
            assertThat(commands.stream().filter(c -> c == 2500).count())
                    .isEqualTo(commands.stream().filter(c -> c == 2501).count());
        }
        assertThat(Files.readString(dir.resolve("plan.kml"))).contains("<kml");
        assertThat(new ObjectMapper().readTree(dir.resolve("plan.geojson").toFile()).path("features")).isNotEmpty();
    }

    @Test
    void hoversOverPointSitesWhenAsked() {
        CliRun r = run("plan", "--sites", demo.toString(), "--drones", "2", "--points", "hover", "--hover-s", "15");

        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void anAltitudeOutsideItsBoundsIsAUsageErrorOfOneLine() {
        CliRun r = run("plan", "--sites", demo.toString(), "--altitude-m", "100", "--max-altitude-m", "60");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--max-altitude-m");
    }

    @Test
    void aBadLayerStopsThePlanWithOneLinePerProblemAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"id":"swapped","category":"bridge"},
                   "geometry":{"type":"Point","coordinates":[40.09,113.33]}},
                  {"type":"Feature","properties":{"id":"open","category":"station"},
                   "geometry":{"type":"Polygon","coordinates":[[[113.3,40.0],[113.31,40.0],[113.31,40.01]]]}},
                  {"type":"Feature","properties":{"id":"open","category":"station"},
                   "geometry":{"type":"Point","coordinates":[113.3,40.0]}}
                ]}""");

        CliRun r = run("plan", "--sites", bad.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(3);
        assertThat(r.err()).contains("feature 0 (id=swapped)").contains("swapped")
                .contains("feature 1 (id=open)").contains("feature 2 (id=open)").contains("duplicate id")
                .doesNotContain("\tat ");
    }

    @Test
    void aGeoPackageThatIsGarbageIsOneLineAndExitCode2() throws Exception {
        Path garbage = dir.resolve("sites.gpkg");
        Files.writeString(garbage, "not a database");

        CliRun plan = run("plan", "--sites", garbage.toString());
        CliRun validate = run("sites", "validate", garbage.toString());

        assertThat(plan.code()).isEqualTo(2);
        assertThat(validate.code()).isEqualTo(2);
        assertThat(plan.err().strip().lines()).hasSize(1);
        assertThat(validate.err()).contains("not a GeoPackage").doesNotContain("\tat ");
    }
}
