package org.winterwatch.geo.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

class SiteLayersTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SiteLayersTest.class.getResource("/layers/" + name).toURI());
    }

    @Test
    void readsAValidLayerWithDefaults() throws Exception {
        // given a small valid layer (see layers/README.md)
        // when
        SiteLayer layer = SiteLayers.read(resource("valid-small.geojson"));
        // then
        assertThat(layer.sites()).extracting(Site::id).containsExactly("atm-x", "br-x", "ab-x", "nfz-x");
        Site bridge = layer.byId("br-x").orElseThrow();
        assertThat(bridge.priority()).isEqualTo(3);
        assertThat(bridge.corridorWidthM()).isEqualTo(30);
        assertThat(bridge.name()).isEqualTo("br-x");
        assertThat(bridge.team()).isNull();
        assertThat(layer.byId("atm-x").orElseThrow().team()).isEqualTo("team-centre");
        assertThat(layer.patrolSites()).hasSize(3);
        assertThat(layer.noFlyZones()).extracting(Site::id).containsExactly("nfz-x");
        assertThat(SiteLayers.validate(resource("valid-small.geojson"))).isEmpty();
    }

    @Test
    void reportsEveryBadFeatureWithItsIndexIdAndField() throws Exception {
        // given a layer with one bad feature per kind of problem
        // when
        List<Problem> problems = SiteLayers.validate(resource("every-problem.geojson"));
        // then every bad feature is named, none of the problems hides another
        assertThat(problems).extracting(Problem::featureIndex, Problem::featureId, Problem::field).contains(
                tuple(1, "br-01", "category"),
                tuple(2, "no-cat", "category"),
                tuple(3, null, "id"),
                tuple(4, "ok-0", "id"),
                tuple(5, "prio-7", "priority"),
                tuple(6, "far-out", "geometry"),
                tuple(7, "swapped", "geometry"),
                tuple(8, "empty", "geometry"),
                tuple(9, "unclosed", "geometry"),
                tuple(10, "bowtie", "geometry"),
                tuple(11, "collection", "geometry"),
                tuple(12, "no-width", "corridor_width_m"),
                tuple(13, "no-geometry", "geometry"),
                tuple(14, "nfz-line", "geometry"));
        assertThat(problems).noneMatch(p -> p.featureIndex() == 0);
        assertThat(messageOf(problems, 1)).contains("unknown category 'brige'").contains("bridge, culvert");
        assertThat(messageOf(problems, 2)).contains("missing category");
        assertThat(messageOf(problems, 4)).contains("duplicate id").contains("feature 0");
        assertThat(messageOf(problems, 5)).contains("1 (low) to 5 (high)").contains("7");
        assertThat(messageOf(problems, 6)).contains("out of range").doesNotContain("swapped");
        assertThat(messageOf(problems, 7)).contains("swapped").contains("[113.33, 40.09]");
        assertThat(messageOf(problems, 8)).contains("empty geometry");
        assertThat(messageOf(problems, 9)).contains("not closed");
        assertThat(messageOf(problems, 10)).contains("self-intersection");
        assertThat(messageOf(problems, 11)).contains("unsupported geometry type 'GeometryCollection'");
        assertThat(messageOf(problems, 12)).contains("positive number");
        assertThat(messageOf(problems, 13)).contains("missing geometry");
        assertThat(messageOf(problems, 14)).contains("Polygon");
    }

    @Test
    void readingABadLayerThrowsWithAllProblemsInTheMessage() throws Exception {
        assertThatThrownBy(() -> SiteLayers.read(resource("every-problem.geojson")))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("feature 1 (id=br-01): category: unknown category 'brige'")
                .hasMessageContaining("feature 3: id: missing id")
                .satisfies(e -> assertThat(((LayerException) e).problems()).hasSizeGreaterThanOrEqualTo(14));
    }

    @Test
    void reportsAFileThatIsNotJson() throws Exception {
        List<Problem> problems = SiteLayers.validate(resource("not-json.geojson"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isFileProblem()).isTrue();
            assertThat(p.toString()).startsWith("file: ").contains("not valid JSON").contains("line 1");
        });
    }

    @Test
    void reportsGeoJsonThatIsNotAFeatureCollection() throws Exception {
        assertThat(SiteLayers.validate(resource("not-a-collection.geojson"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("not a GeoJSON FeatureCollection").contains("Feature"));
    }

    @Test
    void refusesFilesOfAnotherFormatByExtension(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("sites.csv"), "id,lat,lon\n");
        assertThat(SiteLayers.validate(csv)).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("file: unsupported file type 'sites.csv'"));
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        assertThat(SiteLayers.validate(dir.resolve("nowhere.geojson"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no such file"));
    }

    @Test
    void problemsReadAsOneLineNamingFeatureIdAndField() {
        assertThat(new Problem(3, "br-01", "category", "unknown category 'brige'"))
                .hasToString("feature 3 (id=br-01): category: unknown category 'brige'");
        assertThat(Problem.ofFile("not valid JSON")).hasToString("file: not valid JSON");
    }

    @Test
    void writtenLayerReadsBackUnchanged() throws Exception {
        // given
        SiteLayer demo = SiteLayers.demoLayer();
        // when
        String json = SiteLayers.toGeoJson(demo);
        SiteLayer again = SiteLayers.readGeoJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "round trip");
        // then
        assertThat(again).isEqualTo(demo);
    }

    @Test
    void siteCategoriesRoundTripThroughTheirWireNames() {
        for (SiteCategory c : SiteCategory.values()) {
            assertThat(SiteCategory.fromWire(c.wireName())).contains(c);
        }
        assertThat(SiteCategory.ABANDONED_BUILDING.wireName()).isEqualTo("abandoned_building");
        assertThat(SiteCategory.fromWire(" ATM_Lobby ")).contains(SiteCategory.ATM_LOBBY);
        assertThat(SiteCategory.fromWire("brige")).isEmpty();
    }

    private static String messageOf(List<Problem> problems, int index) {
        return problems.stream().filter(p -> p.featureIndex() == index).map(Problem::message)
                .reduce((a, b) -> a + " | " + b).orElse("");
    }
}
