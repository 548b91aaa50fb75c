package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.store.PostgresTestSchema;

/** Leadership through the real PostgreSQL: one of two is active, and the other takes over when the first is gone. */
class PostgresLeadershipIT {

    @RegisterExtension
    final PostgresTestSchema schema = new PostgresTestSchema();

    /** Counts elections and depositions. */
    static final class Counting implements Leadership.Listener {
        final AtomicInteger elected = new AtomicInteger();
        final AtomicInteger deposed = new AtomicInteger();

        @Override
        public void elected() {
            elected.incrementAndGet();
        }

        @Override
        public void deposed() {
            deposed.incrementAndGet();
        }
    }

    @Test
    void theFirstIsActiveTheSecondStandsByAndTakesOverWhenTheFirstIsGone() throws Exception {
        Database db = schema.create();
        String name = "ww-leadership-it-" + System.nanoTime();
        Counting first = new Counting();
        Counting second = new Counting();
        PostgresLeadership a = new PostgresLeadership(db, name);
        PostgresLeadership b = new PostgresLeadership(db, name);
        try {
            a.start(first);
            b.start(second);

            assertThat(a.role()).isEqualTo(Leadership.Role.ACTIVE);
            assertThat(b.role()).isEqualTo(Leadership.Role.STANDBY);
            assertThat(first.elected).hasValue(1);
            assertThat(second.elected).hasValue(0);

            long gone = System.nanoTime();
            a.close(); // its session ends, as when the process dies

            await().atMost(Duration.ofSeconds(5)).until(() -> b.role() == Leadership.Role.ACTIVE);
            System.out.printf("leadership taken over in %d ms%n", (System.nanoTime() - gone) / 1_000_000);
            assertThat(second.elected).hasValue(1);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void coordinatorsWithAnotherNameDoNotWaitForThisOne() throws Exception {
        Database db = schema.create();
        PostgresLeadership a = new PostgresLeadership(db, "ww-one-" + System.nanoTime());
        PostgresLeadership b = new PostgresLeadership(db, "ww-other-" + System.nanoTime());
        try {
            a.start(new Counting());
            b.start(new Counting());

            assertThat(a.role()).isEqualTo(Leadership.Role.ACTIVE);
            assertThat(b.role()).isEqualTo(Leadership.Role.ACTIVE);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aCoordinatorThatCannotStartItsActivePartsGivesLeadershipUp() throws Exception {
        Database db = schema.create();
        String name = "ww-failing-" + System.nanoTime();
        PostgresLeadership failing = new PostgresLeadership(db, name);
        PostgresLeadership other = new PostgresLeadership(db, name);
        Counting counting = new Counting();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.start(new Leadership.Listener() {
                @Override
                public void elected() throws StartupException {
                    throw new StartupException("cannot reach the MQTT broker", null);
                }

                @Override
                public void deposed() {
                }
            })).isInstanceOf(StartupException.class);
            failing.close();

            other.start(counting);

            assertThat(other.role()).isEqualTo(Leadership.Role.ACTIVE);
        } finally {
            failing.close();
            other.close();
        }
    }
}
