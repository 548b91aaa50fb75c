package org.winterwatch.missions.allocation;

/**
 * How far a drone flies from one point to another: in a straight line, or around the no-fly zones between them
 * (the planner's own transit). Must be quick, and safe to call from several threads.
 */
@FunctionalInterface
public interface Travel {

    /** Straight lines: nothing in the way. */
    Travel STRAIGHT = PointM::distanceM;

    /** Metres flown from {@code from} to {@code to}. */
    double metres(PointM from, PointM to);
}
