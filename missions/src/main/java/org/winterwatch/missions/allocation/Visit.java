package org.winterwatch.missions.allocation;

import java.util.Objects;

/** A task as one sortie flies it: forwards (entry to exit) or reversed. */
public record Visit(Task task, boolean reversed) {

    public Visit {
        Objects.requireNonNull(task, "task");
    }

    public PointM startM() {
        return reversed ? task.exitM() : task.entryM();
    }

    public PointM endM() {
        return reversed ? task.entryM() : task.exitM();
    }
}
