package org.winterwatch.coordinator.alerts;

/** What an action on an alert did: changed it, changed nothing (a redelivery), or was refused with a reason. */
public sealed interface ActionResult {

    record Changed(Alert alert) implements ActionResult {
    }

    record Unchanged(Alert alert) implements ActionResult {
    }

    record Refused(String reason, boolean unknownAlert) implements ActionResult {
    }
}
