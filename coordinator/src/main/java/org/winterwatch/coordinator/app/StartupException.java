package org.winterwatch.coordinator.app;

/** A part of the coordinator could not start; the message says which and why, for one line on stderr. */
public final class StartupException extends Exception {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
