package org.winterwatch.coordinator.cli;

/** Bad input from the user: printed as one line, exit code 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message, null, false, false);
    }
}
