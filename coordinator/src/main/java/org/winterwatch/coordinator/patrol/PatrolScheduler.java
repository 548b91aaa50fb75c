package org.winterwatch.coordinator.patrol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.sweep.SweepAnswer;
import org.winterwatch.coordinator.sweep.SweepControl;
import org.winterwatch.coordinator.sweep.SweepRequest;

/**
 * Launches patrol sweeps by itself on the active coordinator: once a minute, and at once when the weather changes,
 * it asks the {@link PatrolBook} whether anything is to be launched and launches it through the sweeps, as an operator
 * would, as {@value #CREATED_BY}. A launch refused (every drone busy) is tried again at the next check.
 */
public final class PatrolScheduler implements AutoCloseable {

    public static final String CREATED_BY = "patrol-scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(PatrolScheduler.class);
    private static final long CHECK_EVERY_S = 60;
    private static final long LAUNCH_TIMEOUT_S = 60;

    private final PatrolBook book;
    private final PatrolFactsSource.Facts facts;
    private final BooleanSupplier coldWave;
    private final SweepControl sweeps;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile ScheduleJson.LastLaunch lastLaunch;
    private volatile String state = "waiting for the first check";
    private String lastRefusal;

    public PatrolScheduler(PatrolBook book, PatrolFactsSource.Facts facts, BooleanSupplier coldWave, SweepControl sweeps,
                           Clock clock, ScheduledExecutorService timer) {
        this.book = Objects.requireNonNull(book, "book");
        this.facts = facts;
        this.coldWave = coldWave;
        this.sweeps = sweeps;
        this.clock = clock;
        this.timer = timer;
    }

    /** Checks now and then once a minute. */
    public PatrolScheduler start() {
        timer.scheduleWithFixedDelay(this::checkSafely, 0, CHECK_EVERY_S, TimeUnit.SECONDS);
        return this;
    }

    /** The weather changed: an extreme-weather spell that starts now launches its sweep without waiting for the minute. */
    public void weatherChanged() {
        timer.execute(this::checkSafely);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // an exception would cancel the periodic check and stop patrols for good
            LOG.error("patrol check failed", e);
        }
    }

    /** One check: what the book says, and the launch it asks for. Returns the decision taken. */
    public synchronized PatrolBook.Decision check() {
        Instant now = clock.instant();
        if (book.observeWeather(coldWave.getAsBoolean(), now)) {
            LOG.info("patrol extreme weather began at={}: every site due now", now);
        }
        PatrolFacts known;
        try {
            known = facts.load(now);
        } catch (SQLException e) {
            state = "cannot read sweeps or alerts: " + e.getMessage();
            LOG.warn("patrol check skipped reason={}", e.getMessage());
            return new PatrolBook.Hold(state);
        }
        PatrolBook.Decision decision = book.decide(now, known);
        if (decision instanceof PatrolBook.Launch launch) {
            launch(launch, now);
        } else if (decision instanceof PatrolBook.Hold hold) {
            state = hold.reason();
        }
        return decision;
    }

    private void launch(PatrolBook.Launch launch, Instant now) {
        SweepAnswer answer;
        try {
            answer = sweeps.launch(new SweepRequest(launch.siteIds(), null, null), CREATED_BY)
                    .get(LAUNCH_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            answer = new SweepAnswer.Refused(SweepAnswer.Why.UNAVAILABLE, "launch did not complete: " + e, java.util.List.of());
        }
        if (answer instanceof SweepAnswer.Done done) {
            book.launched(launch, now);
            lastLaunch = new ScheduleJson.LastLaunch(now, done.sweepId(), launch.siteIds().size(), launch.reason());
            state = "launched " + done.sweepId();
            lastRefusal = null;
            LOG.info("patrol sweep launched sweepId={} sites={} reason=\"{}\"", done.sweepId(), launch.siteIds().size(),
                    launch.reason());
        } else if (answer instanceof SweepAnswer.Refused refused) {
            state = "launch refused, trying again in a minute: " + refused.error();
            if (!refused.error().equals(lastRefusal)) {
                LOG.warn("patrol sweep not launched reason=\"{}\" details={}", refused.error(), refused.details());
            }
            lastRefusal = refused.error();
        }
    }

    /** The schedule as {@code GET /api/v1/schedule} shows it. */
    public ObjectNode json() throws SQLException {
        Instant now = clock.instant();
        book.observeWeather(coldWave.getAsBoolean(), now);
        return ScheduleJson.of(book, now, facts.load(now), lastLaunch, state);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
