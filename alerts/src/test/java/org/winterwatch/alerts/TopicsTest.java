package org.winterwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = new Topics("ww/v1");

    @Test
    void spellsTheContractsTopicsBelowThePrefix() {
        assertThat(topics.detections()).isEqualTo("ww/v1/detections/+");
        assertThat(topics.tips()).isEqualTo("ww/v1/tips");
        assertThat(topics.acks()).isEqualTo("ww/v1/acks/+");
        assertThat(topics.alerts("team-north")).isEqualTo("ww/v1/alerts/team-north");
        assertThat(topics.allAlerts()).isEqualTo("ww/v1/alerts/#");
        assertThat(topics.deadLetter()).isEqualTo("ww/v1/deadletter");
        assertThat(topics.coordinatorStatus()).isEqualTo("ww/v1/coordinator/status");
    }

    @Test
    void aSingleLevelWildcardTakesOneLevelOnly() {
        assertThat(Topics.matches(topics.detections(), "ww/v1/detections/sensor-1")).isTrue();
        assertThat(Topics.matches(topics.detections(), "ww/v1/detections/sensor-1/extra")).isFalse();
        assertThat(Topics.matches(topics.detections(), "ww/v1/detections")).isFalse();
        assertThat(Topics.matches(topics.tips(), "ww/v1/tips")).isTrue();
        assertThat(Topics.matches(topics.tips(), "ww/v1/tips/more")).isFalse();
    }

    @Test
    void refusesAPrefixWithAWildcardOrATrailingSlash() {
        assertThatThrownBy(() -> new Topics("ww/#")).hasMessageContaining("ww/v1");
        assertThatThrownBy(() -> new Topics("ww/v1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
