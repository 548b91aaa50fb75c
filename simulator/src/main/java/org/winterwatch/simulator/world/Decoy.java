package org.winterwatch.simulator.world;

import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A warm thing that is not a person (a vent, a dog, a fox): a thermal camera passing over it reports a
 * false positive with probability {@code probability} per look.
 */
public record Decoy(String id, String kind, LatLon position, double tempC, double probability) {

    public Decoy {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("decoy id must not be blank");
        }
        if (kind == null || kind.isBlank()) {
            kind = "vent";
        }
        Objects.requireNonNull(position, "position of decoy " + id);
        if (!Double.isFinite(tempC) || tempC < -60 || tempC > 150) {
            throw new IllegalArgumentException("decoy " + id + ": tempC must be within -60..150, was " + tempC);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("decoy " + id + ": probability must be within 0..1, was " + probability);
        }
    }
}
