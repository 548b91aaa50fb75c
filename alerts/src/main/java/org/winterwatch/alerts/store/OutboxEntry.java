package org.winterwatch.alerts.store;

/** One message waiting to be published, in commit order. */
public record OutboxEntry(long seq, String topic, String payload) {
}
