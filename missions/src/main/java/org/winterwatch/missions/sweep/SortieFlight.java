package org.winterwatch.missions.sweep;

import java.util.Map;
import java.util.Objects;

/**
 * What the drone was given for a sortie, in the vehicle's own mission numbering, so that its progress says which
 * sites are done, also after a coordinator restart.
 *
 * @param missionTotal the number of mission items uploaded (the vehicle reports the same total while it flies it)
 * @param siteEndItems for every site of the sortie, the mission item the vehicle is at once the site's sweep path
 *                     has been flown to its end (the item after the site's last camera-on point)
 */
public record SortieFlight(int missionTotal, Map<String, Integer> siteEndItems) {

    public SortieFlight {
        if (missionTotal < 1) {
            throw new IllegalArgumentException("missionTotal must be >= 1, was " + missionTotal);
        }
        siteEndItems = Map.copyOf(Objects.requireNonNull(siteEndItems, "siteEndItems"));
    }

    /** True when a vehicle reporting mission item {@code current} of {@code total} has finished the site. */
    public boolean passed(String siteId, int current, int total) {
        Integer end = siteEndItems.get(siteId);
        return end != null && total == missionTotal && current >= end;
    }
}
