package org.winterwatch.simulator;

import static org.awaitility.Awaitility.await;

import io.mavsdk.MavsdkException;
import io.mavsdk.System;
import java.time.Duration;

/**
 * MAVSDK-Java sets each plugin up in the background; a call that comes first waits 100 ms and then fails with
 * "No System". On a busy machine that is a race, so tests that drive the simulator with the real client wait until
 * each plugin they use gives a real answer (any answer but "No System") before they start.
 */
final class MavsdkPlugins {

    private MavsdkPlugins() {
    }

    static void awaitReady(System drone) {
        ready(() -> drone.getMission().downloadMission().blockingGet());
        ready(() -> drone.getMissionRaw().downloadMission().blockingGet());
        ready(() -> drone.getAction().getTakeoffAltitude().blockingGet());
        ready(() -> drone.getInfo().getProduct().blockingGet());
    }

    private static void ready(Runnable call) {
        await().atMost(Duration.ofSeconds(20)).until(() -> answers(call));
    }

    private static boolean answers(Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            // RxJava wraps the checked MavsdkException in a RuntimeException
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return !(cause instanceof MavsdkException && "No System".equals(cause.getMessage()));
        }
    }
}
