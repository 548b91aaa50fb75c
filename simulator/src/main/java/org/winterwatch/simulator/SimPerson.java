package org.winterwatch.simulator;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A person out in the cold whom the simulated thermal cameras can see.
 *
 * @param surfaceTempC skin/clothing surface temperature seen by the camera (about 30)
 * @param siteId the demo-layer site the person shelters at, or null
 */
public record SimPerson(String id, LatLon position, double surfaceTempC, String siteId) {

    public SimPerson {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("person id must not be blank");
        }
        Objects.requireNonNull(position, "position of person " + id);
        if (!Double.isFinite(surfaceTempC) || surfaceTempC < -60 || surfaceTempC > 60) {
            throw new IllegalArgumentException("surfaceTempC of person " + id + " must be within -60..60, was " + surfaceTempC);
        }
        if (siteId != null && siteId.isBlank()) {
            siteId = null;
        }
    }

    /** The people of the bundled demo scenario, sheltering at sites of the demo layer. */
    public static List<SimPerson> demoPeople() {
        return Scenario.demo().people();
    }
}
