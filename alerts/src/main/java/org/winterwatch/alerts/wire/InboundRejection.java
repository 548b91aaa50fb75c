package org.winterwatch.alerts.wire;

/** Why an inbound message was not accepted; travels to {@code ww/v1/deadletter}. */
public final class InboundRejection extends Exception {

    public InboundRejection(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
