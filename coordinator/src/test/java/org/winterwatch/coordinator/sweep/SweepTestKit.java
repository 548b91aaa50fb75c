package org.winterwatch.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.sweep.JdbcSweepRepository;

/**
 * What the sweep tests share: a sweep store on embedded H2, drones linked and ready to fly, the runner's answers read
 * as the API shows them, and every part closed in reverse order.
 */
final class SweepTestKit implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final JdbcSweepRepository repository;

    SweepTestKit(Path dataDir) {
        Database database = keep(Database.embedded(dataDir).migrate());
        JdbcSweepRepository.migrate(database.dataSource());
        repository = new JdbcSweepRepository(database.dataSource());
    }

    JdbcSweepRepository repository() {
        return repository;
    }

    /** Closed with the kit, after every part kept later. */
    <T extends AutoCloseable> T keep(T part) {
        opened.add(part);
        return part;
    }

    /** The drones connected, each with a position, a home and a battery level. */
    FleetSupervisor connect(List<DroneLink> links, SiteLayer layer, InspectionSettings inspections) throws Exception {
        FleetSupervisor fleet = keep(new FleetSupervisor(links, layer, inspections));
        fleet.connectAll().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.states().stream()
                .allMatch(s -> s.positionKnown() && s.homeSet() && !Double.isNaN(s.batteryPercent())));
        return fleet;
    }

    /** Launches and expects the sweep to be planned; its id. */
    static String launch(SweepRunner runner, SweepRequest request, Duration wait) throws Exception {
        SweepAnswer answer = runner.launch(request, "operator token ab12").get(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(answer).isInstanceOf(SweepAnswer.Done.class);
        return ((SweepAnswer.Done) answer).sweepId();
    }

    static JsonNode json(SweepRunner runner, String id) throws Exception {
        return JSON.readTree(runner.json(id).get(10, TimeUnit.SECONDS).orElseThrow());
    }

    static JsonNode siteNode(JsonNode sweep, String siteId) {
        for (JsonNode site : sweep.path("sites")) {
            if (site.path("siteId").asText().equals(siteId)) {
                return site;
            }
        }
        throw new AssertionError("no site " + siteId + " in " + sweep);
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }
}
