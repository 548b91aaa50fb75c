package org.winterwatch.missions.fleet;

import java.util.Objects;
import org.winterwatch.geo.LatLon;

/** Where drones take off, land and change batteries. */
public record Base(String id, LatLon position) {

    public Base {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a base needs an id");
        }
        Objects.requireNonNull(position, "position");
    }
}
