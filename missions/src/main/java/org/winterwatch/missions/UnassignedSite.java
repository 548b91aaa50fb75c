package org.winterwatch.missions;

/** A requested site that no drone will sweep, and why. */
public record UnassignedSite(String siteId, String reason) {

    public UnassignedSite {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unassigned site needs a reason");
        }
    }
}
