package org.winterwatch.simulator.teams;

import java.util.List;

/**
 * What a crew finds on site and records when it resolves the case.
 *
 * @param outcome the CONTRACT §4 outcome's wire name
 * @param items aid given
 * @param personId who was there, or null
 * @param onSiteS how long the crew stays before it resolves (waiting for an ambulance, a search, a talk)
 * @param drivesToCentre true when the crew takes the person to the relief centre at its base before it is free
 */
public record Finding(String outcome, List<String> items, String note, String personId, double onSiteS,
                      boolean drivesToCentre) {

    public Finding {
        items = List.copyOf(items);
    }
}
