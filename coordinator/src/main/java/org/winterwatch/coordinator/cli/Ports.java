package org.winterwatch.coordinator.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port choice for the demo: a default port that is taken is replaced by a free one; an explicit one is an error.
 */
final class Ports {

    private Ports() {
    }

    /**
     * @param explicit the user's value (0: any free port), or null to use {@code defaultPort} (or a free port when it
     *                 is taken)
     */
    static int choose(String option, Integer explicit, int defaultPort) {
        if (explicit != null) {
            if (explicit < 0 || explicit > 65535) {
                throw new UsageError(option + ": " + explicit + " is not a port (0..65535)");
            }
            if (explicit == 0) {
                // any free port, chosen here so that it can be printed and handed to every client (the embedded
                // broker cannot tell which port the system gave it)
                return freePort();
            }
            if (!isFree(explicit)) {
                throw new UsageError(option + ": port " + explicit + " is already in use");
            }
            return explicit;
        }
        return isFree(defaultPort) ? defaultPort : freePort();
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
