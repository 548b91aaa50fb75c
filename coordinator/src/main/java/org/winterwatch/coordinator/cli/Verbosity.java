package org.winterwatch.coordinator.cli;

import picocli.CommandLine.Option;

/** {@code --verbose} on every command: debug logs and stack traces. */
final class Verbosity {
    @Option(names = "--verbose", description = "Debug logging, and stack traces with errors.")
    boolean verbose;
}
