package org.winterwatch.simulator.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DetectionJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void observedAtIsTheTimeOfPublishingAndSimulatedTimeTravelsBesideIt() throws Exception {
        // given a detection seen an hour ahead in simulated time (a fast simulator)
        Instant simulated = Instant.parse("2026-01-05T20:00:00Z");
        Instant published = Instant.parse("2026-01-05T19:00:03.250Z");
        Detection d = new Detection("drone-1-1", "drone-1", 40.09, 113.33, simulated, 0.8, 31.0, "br-01", 90);

        // when it is written for publishing
        JsonNode payload = JSON.readTree(DetectionJson.write(d, published));

        // then the receiver reads the publishing time, and the simulated one only if it wants it
        assertThat(payload.get("observedAt").asText()).isEqualTo("2026-01-05T19:00:03.250Z");
        assertThat(payload.get("simulatedAt").asText()).isEqualTo("2026-01-05T20:00:00Z");
        assertThat(payload.get("source").asText()).isEqualTo("drone-1");
    }
}
