package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

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
    void printsTheSummaryWithoutAnyOutputFlag() {
        // given stdout as the command line has it: an auto-flushing writer over a stream, which flushes on println only
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = WinterWatchCli.run(new String[] {"plan", "--sites", demo.toString()},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));

        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Plan: ").contains("Coverage: ");
    }

    @Test
    void aSmallLayerPlansWithoutProgressLines() {
        CliRun r = run("plan", "--sites", demo.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("planned ");
    }

    @Test
    void aBigLayerShowsProgressOnStderrAtEveryTenthOfItsSites() throws Exception {
        // given a synthetic layer of 400 point sites on a 20 x 20 grid, 100 m apart
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            features.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"id\":\"s-%d\",\"name\":\"site %d\",\"category\":\"other\"},"
                            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}",
                    i, i, 113.30 + (i % 20) * 0.0012, 40.05 + (i / 20) * 0.0009));
        }
        Path big = dir.resolve("big.geojson");
        Files.writeString(big, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");

        CliRun r = run("plan", "--sites", big.toString(), "--drones", "8", "--solver-time-s", "1");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("planned ")))
                .hasSize(10)
                .contains("planned 40 of 400 sites", "planned 200 of 400 sites", "planned 400 of 400 sites");
        assertThat(r.out()).contains("Plan: 400 sites").doesNotContain(" of 400 sites");
    }

    @Test
    void hoversOverPointSitesWhenAsked() throws Exception {
        // given the demo layer's point sites
        SiteLayer layer = SiteLayers.demoLayer();
        List<Site> pointSites = layer.patrolSites().stream().filter(s -> s.geometry().getDimension() == 0).toList();
        assertThat(pointSites).as("the demo layer has point sites to hover over").isNotEmpty();

        // when
        CliRun r = run("plan", "--sites", demo.toString(), "--drones", "2", "--points", "hover", "--hover-s", "15",
                "--out-geojson", dir.resolve("plan.geojson").toString(), "--out-qgc", dir.resolve("qgc").toString());

        // then each planned point site is a sweep of one point, hovered over for 15 s ...
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode geojson = new ObjectMapper().readTree(dir.resolve("plan.geojson").toFile());
        List<String> unassigned = new ArrayList<>();
        geojson.path("unassigned").forEach(u -> unassigned.add(u.path("site_id").asText()));
        List<Site> planned = pointSites.stream().filter(s -> !unassigned.contains(s.id())).toList();
        assertThat(planned).isNotEmpty();
        for (Site site : planned) {
            JsonNode sweep = sweepOf(geojson, site.id());
            assertThat(sweep.path("geometry").path("type").asText()).as(site.id()).isEqualTo("Point");
            assertThat(sweep.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(site.anchor().lon(), within(1e-7));
            assertThat(sweep.path("geometry").path("coordinates").get(1).asDouble()).isCloseTo(site.anchor().lat(), within(1e-7));
            assertThat(sweep.path("properties").path("hover_s").asDouble()).as(site.id()).isEqualTo(15.0);
        }
        geojson.path("features").forEach(f -> {
            if (planned.stream().noneMatch(s -> s.id().equals(f.path("properties").path("site_id").asText()))) {
                assertThat(f.path("properties").has("hover_s")).as("only point sites are hovered over").isFalse();
            }
        });
        // ... and in the QGroundControl plans a waypoint over it holding 15 s (param 1), recorded from start to stop
        List<double[]> hovers = new ArrayList<>();
        for (int d = 1; d <= 2; d++) {
            JsonNode items = new ObjectMapper().readTree(dir.resolve("qgc").resolve("drone-" + d + ".plan").toFile())
                    .path("mission").path("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (item.path("command").asInt() == 16 && item.path("params").get(0).asDouble() > 0) {
                    assertThat(item.path("params").get(0).asDouble()).isEqualTo(15.0);
                    assertThat(items.get(i - 1).path("command").asInt()).as("camera started before the hover").isEqualTo(2500);
                    assertThat(items.get(i + 1).path("command").asInt()).as("camera stopped after the hover").isEqualTo(2501);
                    hovers.add(new double[] {item.path("params").get(4).asDouble(), item.path("params").get(5).asDouble()});
                }
            }
        }
        assertThat(hovers).hasSameSizeAs(planned);
        for (Site site : planned) {
            assertThat(hovers).as(site.id()).anyMatch(h -> Math.abs(h[0] - site.anchor().lat()) < 1e-7
                    && Math.abs(h[1] - site.anchor().lon()) < 1e-7);
        }
    }

    private static JsonNode sweepOf(JsonNode geojson, String siteId) {
        for (JsonNode f : geojson.path("features")) {
            if ("sweep".equals(f.path("properties").path("kind").asText()) && siteId.equals(f.path("properties").path("site_id").asText())) {
                return f;
            }
        }
        throw new AssertionError("no sweep for site " + siteId);
    }

    private Path twoBaseFleet() throws Exception {
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                {"bases":  [{"id": "north", "lat": 40.108, "lon": 113.338},
                            {"id": "south", "lat": 40.074, "lon": 113.336}],
                 "drones": [{"id": "n-1", "base": "north", "enduranceMin": 25, "speedMps": 10},
                            {"id": "s-1", "base": "south", "enduranceMin": 25, "speedMps": 10},
                            {"id": "s-2", "base": "south", "enduranceMin": 25, "speedMps": 10}],
                 "reserve": 0.2, "swapMin": 5}""");
        return fleet;
    }

    @Test
    void aFleetFilePlansFromEachDronesBaseWithItsDeratedUsableTimeAndTheMakespan() throws Exception {
        CliRun r = run("plan", "--sites", demo.toString(), "--fleet", twoBaseFleet().toString(), "--ambient-temp-c", "-20",
                "--solver-time-s", "2", "--out-geojson", dir.resolve("plan.geojson").toString(),
                "--out-qgc", dir.resolve("qgc").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 drones at 2 bases").contains("Makespan: ").contains("n-1").contains("s-2");
        JsonNode geojson = new ObjectMapper().readTree(dir.resolve("plan.geojson").toFile());
        assertThat(geojson.path("makespan_s").asDouble()).isPositive();
        List<JsonNode> routes = new ArrayList<>();
        geojson.path("features").forEach(f -> {
            if ("route".equals(f.path("properties").path("kind").asText())) {
                routes.add(f.path("properties"));
            }
        });
        // 25 min x 60 x 0.7375 at -20 C x 0.8 without the reserve
        assertThat(routes).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("base").asText()).isEqualTo(p.path("drone").asText().startsWith("n") ? "north" : "south");
            assertThat(p.path("usable_s").asDouble()).isEqualTo(885.0);
            assertThat(p.path("duration_s").asDouble()).isLessThanOrEqualTo(885.0);
        });
        JsonNode north = new ObjectMapper().readTree(dir.resolve("qgc").resolve("n-1.plan").toFile());
        assertThat(north.at("/mission/plannedHomePosition/0").asDouble()).isEqualTo(40.108);
        assertThat(north.at("/mission/plannedHomePosition/1").asDouble()).isEqualTo(113.338);
        assertThat(dir.resolve("qgc").resolve("s-2.plan")).exists();
    }

    @Test
    void theOneBaseShorthandPlansFromHomeWithUsableTimeToo() throws Exception {
        CliRun r = run("plan", "--sites", demo.toString(), "--drones", "2", "--out-geojson",
                dir.resolve("plan.geojson").toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode geojson = new ObjectMapper().readTree(dir.resolve("plan.geojson").toFile());
        assertThat(geojson.path("makespan_s").asDouble()).isPositive();
        geojson.path("features").forEach(f -> {
            if ("route".equals(f.path("properties").path("kind").asText())) {
                assertThat(f.path("properties").path("base").asText()).isEqualTo("home");
                assertThat(f.path("properties").path("usable_s").asDouble()).isEqualTo(1200.0);
            }
        });
    }

    @Test
    void aBadFleetFileIsOneLinePerProblemAndExitCode2() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                bases:
                  - {id: north, lat: 40.108}
                drones:
                  - {id: n-1, base: west, enduranceMin: 25, speedMps: 10}
                """);

        CliRun r = run("plan", "--sites", demo.toString(), "--fleet", fleet.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                fleet + ": bases[0] (id=north): lon: missing: degrees, -180 to 180 (WGS 84)",
                fleet + ": drones[0] (id=n-1): base: no base 'west' (bases: north)");
    }

    @Test
    void aFleetFileAndTheOneBaseShorthandExcludeEachOther() throws Exception {
        CliRun r = run("plan", "--sites", demo.toString(), "--fleet", twoBaseFleet().toString(), "--drones", "3");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("leave out --drones");
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
