package org.winterwatch.alerts.pipeline;

import java.util.Locale;
import org.winterwatch.alerts.book.ActionResult;

/**
 * An inbound message that went to the dead letters, told to listeners once its dead letter is committed: by the route
 * it came in on and a closed reason (the dead letter itself carries the words for people).
 */
public record DeadLettered(Work.Route route, Why why) {

    /** Why a message was dead-lettered; a closed set, so that it can be counted. */
    public enum Why {
        /** The message failed validation (not JSON, a field missing or out of range, too old, too far ahead, too large). */
        INVALID,
        /** It came on a topic no handler takes. */
        NO_HANDLER,
        /** An ack for an alert that does not exist or is not the team's. */
        UNKNOWN_ALERT,
        /** An ack the alert's state does not allow. */
        CONFLICT,
        /** The database refused one of its values. */
        UNSTORABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The dead-letter reason of an action the alert book refused. */
        static Why of(ActionResult.Why refused) {
            return switch (refused) {
                case UNKNOWN_ALERT -> UNKNOWN_ALERT;
                case CONFLICT -> CONFLICT;
                case INVALID -> INVALID;
                case UNSTORABLE -> UNSTORABLE;
            };
        }
    }
}
