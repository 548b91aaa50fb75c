package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.coordinator.http.Role;

/** Tokens made by serve when none are configured outlive a restart, so phones and scripts keep their access. */
class GeneratedTokensTest {

    @TempDir
    Path data;

    @Test
    void theTokensMadeOnFirstStartAreTheOnesUsedAfterARestart() throws Exception {
        GeneratedTokens.Loaded first = GeneratedTokens.loadOrCreate(data, new SecureRandom(), "team-centre");
        String written = Files.readString(data.resolve("tokens.json"));
        String controlRoom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written).get("controlroom").asText();

        GeneratedTokens.Loaded second = GeneratedTokens.loadOrCreate(data, new SecureRandom(), "team-centre");

        assertThat(first.madeNow()).isTrue();
        assertThat(second.madeNow()).isFalse();
        assertThat(Files.readString(data.resolve("tokens.json"))).as("the file is left as it was").isEqualTo(written);
        assertThat(second.tokens().check(controlRoom)).hasValueSatisfying(g -> assertThat(g.role()).isEqualTo(Role.CONTROLROOM));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tokens.json")))).isEqualTo("rw-------");
    }

    @Test
    void aTokensFileWithoutATokenForEveryRoleIsRefusedSayingWhatToDo() throws Exception {
        Files.writeString(data.resolve("tokens.json"), "{\"controlroom\":\"a-long-enough-token-0123\"}");

        assertThatThrownBy(() -> GeneratedTokens.loadOrCreate(data, new SecureRandom(), "team-centre"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("no usable token for role operator").hasMessageContaining("delete the file");
    }
}
