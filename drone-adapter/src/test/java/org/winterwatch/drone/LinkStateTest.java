package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a link tells the coordinator about a drone while its telemetry streams are still arriving. */
class LinkStateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-10T22:00:00Z"), ZoneOffset.UTC);

    @Test
    void aLinkJustOpenedIsNotConnectedUntilTheDroneSaidWhetherItFlies() {
        LinkTelemetry t = new LinkTelemetry();
        t.connected = true;
        t.lat = 40.09;
        t.lon = 113.33;

        assertThat(t.toState("drone-1", CLOCK, Autopilot.PX4).connected()).as("neither armed nor in-air heard").isFalse();
        t.armed = true;
        assertThat(t.toState("drone-1", CLOCK, Autopilot.PX4).connected()).as("in-air not heard").isFalse();
        t.inAir = true;

        DroneState flying = t.toState("drone-1", CLOCK, Autopilot.PX4);
        assertThat(flying.connected()).isTrue();
        assertThat(flying.inAir()).isTrue();
        assertThat(flying.armed()).isTrue();
    }

    @Test
    void afterALostConnectionAFlyingDroneIsNeverShownLandedBeforeItSaysSoAgain() {
        LinkTelemetry t = new LinkTelemetry();
        t.connected = true;
        t.armed = true;
        t.inAir = true;

        t.connected = false;
        t.forgetGroundState();
        t.connected = true; // back, the flight streams not yet

        DroneState state = t.toState("drone-1", CLOCK, Autopilot.PX4);
        assertThat(state.connected()).isFalse();
    }
}
