package org.winterwatch.missions;

/** A site the plan leaves out, and why (so that nothing silently vanishes). */
public record UnassignedSite(String siteId, String reason) {
}
