package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Waits on a {@link DroneLink} call the way an operator does: it succeeds in time, or fails with a reason. */
final class LinkCalls {

    private LinkCalls() {
    }

    static void done(CompletionStage<Void> stage, Duration within) {
        assertThat(stage.toCompletableFuture()).succeedsWithin(within);
    }

    static DroneLinkException failure(CompletionStage<Void> stage, Duration within) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        stage.whenComplete((ok, e) -> {
            error.set(e);
            finished.set(true);
        });
        await().atMost(within).untilTrue(finished);
        assertThat(error.get()).as("the call should have failed, but it succeeded").isNotNull()
                .isInstanceOf(DroneLinkException.class);
        return (DroneLinkException) error.get();
    }
}
