package org.winterwatch.coordinator.sweep;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the HTTP API asks of sweeps: launch, abort, recall a drone, and read them. */
public interface SweepControl {

    CompletableFuture<SweepAnswer> launch(SweepRequest request, String createdBy);

    CompletableFuture<SweepAnswer> abort(String sweepId, String by);

    CompletableFuture<SweepAnswer> recall(String droneId, String by);

    /** The sweep with its sites and sorties, as JSON; empty when there is no such sweep. */
    CompletableFuture<Optional<String>> json(String sweepId);

    /** The latest sweeps, most recent first, as a JSON array of summaries. */
    CompletableFuture<String> listJson(int limit);
}
