package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.algorithm.SearchStrategy;
import com.graphhopper.jsprit.core.algorithm.termination.PrematureAlgorithmTermination;

/**
 * Ends the search after so many iterations in a row without a new best plan. (jsprit's own
 * {@code IterationWithoutImprovementTermination} counts accepted plans, and its threshold acceptance takes worse
 * ones too, so it rarely ends anything.)
 */
final class StallTermination implements PrematureAlgorithmTermination {

    private final int limit;
    private double bestCost = Double.MAX_VALUE;
    private int stalled;

    StallTermination(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean isPrematureBreak(SearchStrategy.DiscoveredSolution discovered) {
        double cost = discovered.getSolution().getCost();
        if (cost < bestCost * (1 - 1e-9)) {
            bestCost = cost;
            stalled = 0;
        } else {
            stalled++;
        }
        return stalled >= limit;
    }
}
