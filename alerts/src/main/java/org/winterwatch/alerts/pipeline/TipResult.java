package org.winterwatch.alerts.pipeline;

import org.winterwatch.alerts.book.Alert;

/** The answer to {@code POST /api/v1/tips}: the alert the tip raised or joined, a duplicate, or why it was refused. */
public record TipResult(Alert alert, boolean duplicate, String refusal) {
}
