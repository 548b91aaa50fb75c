package org.winterwatch.missions.sweep;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of state in a sweep, kept for the record: what changed ({@code sweep}, {@code site br-01},
 * {@code sortie drone-2/1}), from which state to which, when and why.
 *
 * @param from the state before, null for something new
 * @param reason why, or null when the change needs no explaining (a site swept, a sortie landed)
 */
public record Transition(String sweepId, Instant at, String subject, String from, String to, String reason) {

    public Transition {
        Objects.requireNonNull(sweepId, "sweepId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(to, "to");
    }
}
