package org.winterwatch.alerts.book;

import java.time.Instant;

/** One earlier alert at a site that was resolved: when, and what the team found. */
public record SiteVisit(Instant resolvedAt, Outcome outcome) {
}
