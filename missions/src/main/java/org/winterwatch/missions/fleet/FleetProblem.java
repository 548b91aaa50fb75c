package org.winterwatch.missions.fleet;

/**
 * One thing wrong with a fleet file, for the person who has to fix it.
 *
 * @param entry   where: {@code file}, {@code bases[0] (id=centre)}, {@code drones[2] (id=drone-3)}
 * @param field   the field at fault ({@code lat}, {@code base}, ...), or {@code null}
 * @param message what is wrong and what would be right
 */
public record FleetProblem(String entry, String field, String message) {

    public FleetProblem {
        if (entry == null || entry.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs an entry and a message");
        }
    }

    /** {@code drones[1] (id=drone-2): base: no base 'north' (bases: centre, east)}. */
    @Override
    public String toString() {
        return entry + ": " + (field == null ? "" : field + ": ") + message;
    }
}
