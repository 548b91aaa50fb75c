package org.winterwatch.coordinator.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.Topics;

/** The ACL file gives each role only its topics, and refuses names that would open more. */
class MosquittoAclTest {

    private static final Topics TOPICS = new Topics("ww/v1");

    @Test
    void eachRoleGetsOnlyItsTopics() {
        String text = MosquittoAcl.of(TOPICS, new MosquittoAcl.Roles("ww-coordinator", List.of("team-north"),
                List.of("sensor-1"), List.of("tips-app"), List.of("ops"), List.of("ww-sim"))).text();

        assertThat(blockOf(text, "ww-coordinator")).containsExactly("topic readwrite ww/v1/#");
        assertThat(blockOf(text, "team-north")).containsExactly("topic read ww/v1/alerts/team-north",
                "topic write ww/v1/acks/team-north", "topic read ww/v1/coordinator/status");
        assertThat(blockOf(text, "sensor-1")).containsExactly("topic write ww/v1/detections/sensor-1");
        assertThat(blockOf(text, "tips-app")).containsExactly("topic write ww/v1/tips");
        assertThat(blockOf(text, "ops")).containsExactly("topic read ww/v1/deadletter", "topic read ww/v1/drones/+/state",
                "topic read ww/v1/coordinator/status");
        assertThat(blockOf(text, "ww-sim")).as("a test set-up's simulator, with its simulated ground teams' phones")
                .containsExactly("topic write ww/v1/detections/+", "topic read ww/v1/alerts/+", "topic write ww/v1/acks/+");
        assertThat(text).doesNotContain("pattern");
    }

    @Test
    void everyBadNameIsReportedTogether() {
        assertThatThrownBy(() -> MosquittoAcl.of(TOPICS, new MosquittoAcl.Roles("ww-coordinator",
                List.of("team/north", "team-south"), List.of("sensor+1", "team-south"), List.of(), List.of("#"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("team 'team/north'")
                .hasMessageContaining("sensor 'sensor+1'")
                .hasMessageContaining("sensor 'team-south': already named as team")
                .hasMessageContaining("operator '#'");
    }

    @Test
    void anAclWithoutTeamsIsRefused() {
        assertThatThrownBy(() -> MosquittoAcl.of(TOPICS, new MosquittoAcl.Roles("c", List.of(), List.of("s"), List.of(),
                List.of(), List.of()))).hasMessageContaining("no team");
    }

    /** The topic lines under "user NAME", up to the next blank line. */
    private static List<String> blockOf(String acl, String user) {
        List<String> lines = acl.lines().toList();
        int at = lines.indexOf("user " + user);
        assertThat(at).as("user " + user).isNotNegative();
        return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> !l.isBlank()).toList();
    }
}
