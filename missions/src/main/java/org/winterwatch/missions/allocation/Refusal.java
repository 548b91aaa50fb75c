package org.winterwatch.missions.allocation;

import java.util.Objects;

/** A task no sortie flies, why (as a reason a program can act on) and what it means for a person. */
public record Refusal(Task task, Reason reason, String message) {

    /** Why a task is left out. */
    public enum Reason {
        /** No drone can fly to it, sweep it and come back on one battery. */
        OUT_OF_REACH,
        /** The window is full: tasks of the same or a higher priority took the time. */
        NO_TIME_LEFT,
        /** The solver placed it nowhere within its bounds (a search cut short). */
        NOT_PLACED
    }

    public Refusal {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a message");
        }
    }
}
