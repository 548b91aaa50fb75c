package org.winterwatch.coordinator.fleet;

/**
 * What {@link FleetSupervisor#inspect} did with a tip: sent a drone ({@link Inspection}), or not and why
 * ({@link InspectionRefusal}).
 */
public sealed interface InspectionResult permits Inspection, InspectionRefusal {
}
