package org.winterwatch.alerts.book;

import java.util.Comparator;

/** The order in which people read lists of alerts: most urgent first. */
public final class AlertOrder {

    /** By priority (critical first), then by risk (highest first), then by the newest change. */
    public static final Comparator<Alert> MOST_URGENT_FIRST = Comparator.comparing(Alert::priority)
            .thenComparing(Comparator.comparingDouble(Alert::risk).reversed())
            .thenComparing(Comparator.comparing(Alert::updatedAt).reversed());

    private AlertOrder() {
    }
}
