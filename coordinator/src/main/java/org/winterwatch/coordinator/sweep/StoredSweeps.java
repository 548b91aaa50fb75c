package org.winterwatch.coordinator.sweep;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.winterwatch.missions.sweep.SweepRepository;

/**
 * Sweeps as stored, for a coordinator that does not fly them (a standby): it reads them, and refuses commands with
 * the reason, since only the active coordinator flies.
 */
public final class StoredSweeps implements SweepControl {

    private static final String STANDBY = "this coordinator is a standby: sweeps are flown by the active one";

    private final SweepRepository repository;
    private final Executor blocking;

    public StoredSweeps(SweepRepository repository, Executor blocking) {
        this.repository = repository;
        this.blocking = blocking;
    }

    @Override
    public CompletableFuture<SweepAnswer> launch(SweepRequest request, String createdBy) {
        return CompletableFuture.completedFuture(SweepAnswer.Refused.of(SweepAnswer.Why.UNAVAILABLE, STANDBY));
    }

    @Override
    public CompletableFuture<SweepAnswer> abort(String sweepId, String by) {
        return launch(null, by);
    }

    @Override
    public CompletableFuture<SweepAnswer> recall(String droneId, String by) {
        return launch(null, by);
    }

    @Override
    public CompletableFuture<Optional<String>> json(String sweepId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return repository.find(sweepId).map(s -> SweepJson.of(s).toString());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("sweeps are unavailable: " + e.getMessage(), e);
            }
        }, blocking);
    }

    @Override
    public CompletableFuture<String> listJson(int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SweepJson.list(repository.recent(limit));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("sweeps are unavailable: " + e.getMessage(), e);
            }
        }, blocking);
    }

}
