package org.winterwatch.coordinator.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.coordinator.app.Timers;
import org.winterwatch.coordinator.sweep.SweepAnswer;
import org.winterwatch.coordinator.sweep.SweepControl;
import org.winterwatch.coordinator.sweep.SweepRequest;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * The scheduler on an injected clock, launching through a recording stand-in for the sweeps (the sweeps themselves
 * are proven against the simulator elsewhere): a night window launches a sweep, a cold wave launches one at once.
 */
class PatrolSchedulerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T19:00:00Z"));
    private final AtomicBoolean coldWave = new AtomicBoolean();
    private final List<SweepRequest> launched = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dronesBusy = new AtomicBoolean();
    /** The database away: the facts cannot be read, and a sweep cannot be stored. */
    private final AtomicBoolean databaseAway = new AtomicBoolean();
    private final AtomicBoolean storeAway = new AtomicBoolean();
    private final PatrolScheduler scheduler = new PatrolScheduler(
            new PatrolBook(PatrolPolicy.defaults().withZone(ZoneOffset.UTC), SiteLayers.demoLayer().sites()),
            at -> {
                if (databaseAway.get()) {
                    throw new SQLException("Connection to 127.0.0.1:5432 refused");
                }
                return PatrolFacts.NONE;
            }, coldWave::get, new RecordingSweeps(), new MovableClock(), Timers.single("ww-patrol-test"));

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void theNightWindowLaunchesASweepOfEveryDueSiteAtItsFirstSlot() {
        assertThat(scheduler.check()).isInstanceOf(PatrolBook.Hold.class);
        assertThat(launched).isEmpty();

        now.set(Instant.parse("2026-12-03T20:00:10Z"));
        scheduler.check();
        scheduler.check();

        assertThat(launched).as("once per slot").singleElement().satisfies(r -> {
            assertThat(r.siteIds()).hasSize(SiteLayers.demoLayer().patrolSites().size());
            assertThat(r.droneIds()).as("every free drone").isNull();
        });
    }

    @Test
    void aLaunchRefusedBecauseEveryDroneIsBusyIsTriedAgainAtTheNextCheck() {
        dronesBusy.set(true);
        now.set(Instant.parse("2026-12-03T20:00:10Z"));
        scheduler.check();
        assertThat(launched).isEmpty();

        dronesBusy.set(false);
        now.set(Instant.parse("2026-12-03T20:01:10Z"));
        scheduler.check();

        assertThat(launched).hasSize(1);
    }

    @Test
    void whileTheDatabaseIsAwayTheSchedulerHoldsAndSaysWhyAndLaunchesOnceItIsBack() throws Exception {
        databaseAway.set(true);
        now.set(Instant.parse("2026-12-03T20:00:10Z"));

        assertThat(scheduler.check()).isInstanceOfSatisfying(PatrolBook.Hold.class,
                h -> assertThat(h.reason()).isEqualTo("cannot read sweeps or alerts: Connection to 127.0.0.1:5432 refused"));
        assertThat(launched).isEmpty();

        // back for reading, but the sweep cannot be stored: refused, and tried again at the next check
        databaseAway.set(false);
        storeAway.set(true);
        now.set(Instant.parse("2026-12-03T20:01:10Z"));
        scheduler.check();
        assertThat(launched).isEmpty();
        assertThat(scheduler.json().path("state").asText()).isEqualTo(
                "launch refused, trying again in a minute: the sweep was not stored: Connection refused");

        storeAway.set(false);
        now.set(Instant.parse("2026-12-03T20:02:10Z"));
        scheduler.check();
        assertThat(launched).as("the slot's sweep, launched late rather than lost").hasSize(1);
    }

    @Test
    void aColdWaveSetInTheAfternoonLaunchesASweepAtOnce() throws Exception {
        now.set(Instant.parse("2026-12-03T14:00:00Z"));
        scheduler.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.json().path("state").asText().startsWith("outside the night windows"));
        assertThat(launched).isEmpty();

        coldWave.set(true);
        scheduler.weatherChanged();

        await().atMost(Duration.ofSeconds(5)).until(() -> launched.size() == 1);
        assertThat(scheduler.json().path("coldWave").asBoolean()).isTrue();
        assertThat(scheduler.json().path("lastLaunch").path("reason").asText()).startsWith("extreme weather began");
    }

    private final class MovableClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final class RecordingSweeps implements SweepControl {
        @Override
        public CompletableFuture<SweepAnswer> launch(SweepRequest request, String createdBy) {
            if (storeAway.get()) {
                return CompletableFuture.completedFuture(new SweepAnswer.Refused(SweepAnswer.Why.UNAVAILABLE,
                        "the sweep was not stored: Connection refused", List.of()));
            }
            if (dronesBusy.get()) {
                return CompletableFuture.completedFuture(new SweepAnswer.Refused(SweepAnswer.Why.CONFLICT,
                        "no free drone: every drone is busy or out of touch", List.of()));
            }
            launched.add(request);
            return CompletableFuture.completedFuture(new SweepAnswer.Done("{}", "s-" + launched.size(), true));
        }

        @Override
        public CompletableFuture<SweepAnswer> abort(String sweepId, String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<SweepAnswer> recall(String droneId, String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Optional<String>> json(String sweepId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<String> listJson(int limit) {
            return CompletableFuture.completedFuture("[]");
        }
    }
}
