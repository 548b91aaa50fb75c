package org.winterwatch.missions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.geo.LatLon;

class FleetFileTest {

    @TempDir
    Path dir;

    private static List<String> problems(FleetFile.Result result) {
        assertThat(result).isInstanceOf(FleetFile.Result.Invalid.class);
        return ((FleetFile.Result.Invalid) result).problems().stream().map(FleetProblem::toString).toList();
    }

    @Test
    void readsTheContractsExampleAsJson() throws Exception {
        Path file = dir.resolve("fleet.json");
        Files.writeString(file, """
                {"bases":  [{"id": "centre", "lat": 40.1, "lon": 113.3}],
                 "drones": [{"id": "drone-1", "base": "centre", "enduranceMin": 25, "speedMps": 10}],
                 "reserve": 0.2, "swapMin": 5}""");

        FleetFile.Result result = FleetFile.read(file);

        assertThat(result).isEqualTo(new FleetFile.Result.Read(new Fleet(
                List.of(new Base("centre", new LatLon(40.1, 113.3))),
                List.of(new FleetDrone("drone-1", "centre", 25, 10)), 0.2, 5)));
    }

    @Test
    void readsYamlAndFillsInTheReserveAndBatteryChange() throws Exception {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, """
                bases:
                  - {id: north, lat: 40.12, lon: 113.29}
                  - {id: south, lat: 40.05, lon: 113.31}
                drones:
                  - {id: n1, base: north, enduranceMin: 30, speedMps: 12}
                  - {id: s1, base: south, enduranceMin: 25, speedMps: 10}
                """);

        FleetFile.Result result = FleetFile.read(file);

        assertThat(result).isInstanceOfSatisfying(FleetFile.Result.Read.class, read -> {
            assertThat(read.fleet().bases()).extracting(Base::id).containsExactly("north", "south");
            assertThat(read.fleet().drones()).extracting(FleetDrone::baseId).containsExactly("north", "south");
            assertThat(read.fleet().reserve()).isEqualTo(Fleet.DEFAULT_RESERVE);
            assertThat(read.fleet().swapMin()).isEqualTo(Fleet.DEFAULT_SWAP_MIN);
        });
    }

    @Test
    void everyProblemNamesTheEntryTheFieldAndWhy() {
        FleetFile.Result result = FleetFile.parse("""
                {"bases":  [{"id": "centre", "lat": 140.1, "lon": 113.3},
                            {"id": "centre", "lat": 40.1, "lon": 113.3}],
                 "drones": [{"id": "drone-1", "base": "north", "enduranceMin": 25, "speedMps": 10},
                            {"id": "drone-2", "base": "centre", "enduranceMins": 25, "speedMps": "fast"}],
                 "reserve": 1.5}""", false);

        assertThat(problems(result)).containsExactlyInAnyOrder(
                "bases[0] (id=centre): lat: expected degrees, -90 to 90 (WGS 84), found 140.1",
                "bases[1] (id=centre): id: 'centre' is used twice",
                "drones[0] (id=drone-1): base: no base 'north' (bases: centre)",
                "drones[1] (id=drone-2): enduranceMins: unknown field (expected base, enduranceMin, id, speedMps)",
                "drones[1] (id=drone-2): enduranceMin: missing: minutes of flight, 1 to 600",
                "drones[1] (id=drone-2): speedMps: expected m/s, 0.5 to 40, found \"fast\"",
                "file: reserve: expected a share of the battery, 0 to 0.9, found 1.5");
    }

    @Test
    void aFleetWithoutDronesOrBasesSaysWhatIsMissing() {
        assertThat(problems(FleetFile.parse("{\"bases\": []}", false))).containsExactly(
                "file: bases: expected a list with at least one entry", "file: drones: missing: at least one is needed");
    }

    @Test
    void aFileThatIsNotJsonSaysWhere() {
        assertThat(problems(FleetFile.parse("{\"bases\": [\n  {\"id\": }]}", false))).singleElement()
                .asString().startsWith("file: not valid JSON at line 2, column");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        assertThat(problems(FleetFile.read(dir.resolve("nowhere.json")))).singleElement().asString()
                .startsWith("file: cannot read");
    }
}
