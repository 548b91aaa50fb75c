package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The demo's ports: 0 means any free one, printed; a taken default is replaced; a taken explicit one is an error. */
class PortsTest {

    @Test
    void portZeroIsAFreePortChosenBeforeStartSoThatItCanBePrintedAndUsed() {
        int chosen = Ports.choose("--mqtt-port", 0, 1883);

        assertThat(chosen).isBetween(1, 65535);
        assertThat(Ports.isFree(chosen)).isTrue();
    }

    @Test
    void aTakenDefaultIsReplacedAndATakenExplicitPortIsAUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(Ports.choose("--http-port", null, port)).isNotEqualTo(port);
            assertThatThrownBy(() -> Ports.choose("--http-port", port, 8080)).isInstanceOf(UsageError.class)
                    .hasMessage("--http-port: port " + port + " is already in use");
        }
    }
}
