package org.winterwatch.alerts.book;

/** What an action on an alert did: changed it, changed nothing (a redelivery), or was refused with a reason. */
public sealed interface ActionResult {

    record Changed(Alert alert) implements ActionResult {
    }

    record Unchanged(Alert alert) implements ActionResult {
    }

    /** Refused: {@code why} says what kind of refusal it is (the HTTP status follows from it), {@code reason} tells the user. */
    record Refused(Why why, String reason) implements ActionResult {
        public boolean unknownAlert() {
            return why == Why.UNKNOWN_ALERT;
        }
    }

    /** The kinds of refusal; one place (the HTTP adapter) maps them to a status. */
    enum Why {
        /** No such alert, or none this caller may know of (another team's, or one under the control room's review). */
        UNKNOWN_ALERT,
        /** The alert's state does not allow the action (already resolved otherwise). */
        CONFLICT,
        /** The action names something that does not exist (a team to hand over to). */
        INVALID,
        /** The database refused a value of the action. */
        UNSTORABLE
    }
}
