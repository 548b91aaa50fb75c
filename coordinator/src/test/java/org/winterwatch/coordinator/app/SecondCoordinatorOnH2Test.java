package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;

/** On embedded H2 databases, a second coordinator on the same broker refuses to start; after the first stops, one may. */
class SecondCoordinatorOnH2Test {

    @TempDir
    Path dir;

    private static Coordinator start(EmbeddedBroker broker, Path dataDir) throws StartupException {
        return Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-coordinator", Database.embedded(dataDir),
                SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, new AccessTokens()), -8, Duration.ofHours(6), List.of()));
    }

    @Test
    void aSecondCoordinatorWithItsOwnH2DatabaseRefusesToStartWhileTheFirstRuns() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), port)) {
            try (Coordinator first = start(broker, dir.resolve("one"))) {
                assertThat(first.role()).isEqualTo("active");

                assertThatThrownBy(() -> start(broker, dir.resolve("two")))
                        .isInstanceOf(StartupException.class)
                        .hasMessageContaining("another coordinator is active on the broker")
                        .hasMessageContaining("PostgreSQL");
            }

            try (Coordinator after = start(broker, dir.resolve("two"))) {
                assertThat(after.role()).as("the first one said offline when it stopped").isEqualTo("active");
            }
        }
    }
}
