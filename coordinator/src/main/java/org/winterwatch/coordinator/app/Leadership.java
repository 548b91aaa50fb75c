package org.winterwatch.coordinator.app;

/**
 * Which of the coordinators sharing one database is active. The active one runs the alert pipeline, the MQTT
 * subscriptions, the timers and the drone links; a standby serves health and reads, and takes over when the active
 * one is gone.
 */
interface Leadership extends AutoCloseable {

    /** What this process does now. */
    enum Role {
        ACTIVE, STANDBY;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What to do when elected, and when leadership is lost (the database link broke). Called on one thread. */
    interface Listener {
        /** Starts the active parts; a failure gives leadership up again (and, at start-up, stops the process). */
        void elected() throws StartupException;

        void deposed();
    }

    /**
     * Tries once to become active, calling {@code listener.elected()} on this thread if it did, then keeps trying
     * (and watching) in the background.
     */
    void start(Listener listener) throws StartupException;

    Role role();

    @Override
    void close();

    /** The only coordinator there can be (an embedded database belongs to one process): active at once, for good. */
    static Leadership solo() {
        return new Leadership() {
            private volatile Role role = Role.STANDBY;

            @Override
            public void start(Listener listener) throws StartupException {
                listener.elected();
                role = Role.ACTIVE;
            }

            @Override
            public Role role() {
                return role;
            }

            @Override
            public void close() {
                role = Role.STANDBY;
            }
        };
    }
}
