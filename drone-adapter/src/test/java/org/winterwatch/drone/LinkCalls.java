package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
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
        stage.whenComplete((ok, e) -> error.set(e));
        await().atMost(within).until(() -> error.get() != null);
        assertThat(error.get()).isInstanceOf(DroneLinkException.class);
        return (DroneLinkException) error.get();
    }
}
