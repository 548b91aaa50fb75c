package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winterwatch mqtt-acl}: the ACL for the serve config's teams and drones, and one line for bad input. */
class MqttAclCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheAclForTheConfiguredTeamsDronesAndCoordinatorUser() throws Exception {
        Path config = Files.writeString(dir.resolve("ww.yaml"), String.join("\n",
                "mqtt_user: coordinator-1",
                "drone: [\"drone-1=127.0.0.1:50051\"]",
                "teams:",
                "  - { id: team-north, zone: [[113.32, 40.10], [113.36, 40.10], [113.36, 40.13], [113.32, 40.13]], next: team-centre }",
                ""));
        Path out = dir.resolve("acl");

        CliRun run = CliRun.of("mqtt-acl", "--config", config.toString(), "--sensor", "atm-7", "--operator", "ops",
                "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("coordinator-1", "team-north", "team-centre", "control-room", "drone-1", "atm-7");
        String acl = Files.readString(out);
        assertThat(acl).contains("user coordinator-1\ntopic readwrite ww/v1/#",
                "user team-centre\ntopic read ww/v1/alerts/team-centre",
                "user drone-1\ntopic write ww/v1/detections/drone-1",
                "user atm-7\ntopic write ww/v1/detections/atm-7");
    }

    @Test
    void aBadIdIsOneLineAndExitCode2() {
        CliRun run = CliRun.of("mqtt-acl", "--team", "north/east");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString().contains("team 'north/east'");
    }
}
