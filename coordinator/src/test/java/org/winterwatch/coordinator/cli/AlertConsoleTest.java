package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo's console shows each alert version once, however many team topics it went to. */
class AlertConsoleTest {

    private static String alert(String id, int version) {
        return "{\"alertId\": \"" + id + "\", \"version\": " + version + "}";
    }

    @Test
    void anEscalatedVersionOnTheTeamsAndTheControlRoomsTopicIsPrintedOnce() {
        AlertConsole.SeenVersions seen = new AlertConsole.SeenVersions(100);

        assertThat(seen.firstTime(alert("a-1", 8))).isTrue();
        assertThat(seen.firstTime(alert("a-1", 8))).as("the same version on the control room's topic").isFalse();
        assertThat(seen.firstTime(alert("a-1", 9))).as("the next version").isTrue();
        assertThat(seen.firstTime(alert("a-2", 8))).isTrue();
        assertThat(seen.firstTime("not json")).as("an unreadable payload is shown").isTrue();
    }

    @Test
    void onlyTheLatestVersionsAreRemembered() {
        AlertConsole.SeenVersions seen = new AlertConsole.SeenVersions(2);
        seen.firstTime(alert("a-1", 1));
        seen.firstTime(alert("a-2", 1));
        seen.firstTime(alert("a-3", 1));

        assertThat(seen.firstTime(alert("a-1", 1))).as("forgotten, so shown again").isTrue();
        assertThat(seen.firstTime(alert("a-3", 1))).isFalse();
    }
}
