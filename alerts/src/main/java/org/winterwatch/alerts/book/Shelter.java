package org.winterwatch.alerts.book;

import org.winterwatch.geo.site.SiteCategory;

/**
 * How much a kind of place shields a person from the weather: the share of the wind that reaches them, the degrees
 * the place adds (walls, a heated lobby) or takes away (water in a culvert), and an exposure weight for the rest
 * (ground contact, no way to keep dry). The values are judgement, explained in {@code docs/risk.md}.
 */
enum Shelter {
    /** A culvert: open to the wind along its length, and wet. */
    WET_AND_EXPOSED(1.0, -4, 1.0, "high"),
    /** Under a bridge deck or in an underpass: the wind runs through, nothing keeps the cold off. */
    EXPOSED(1.0, 0, 0.9, "high"),
    /** A building site, an open place, or no known site at all. */
    OPEN(0.8, 0, 0.75, "medium"),
    /** An abandoned building: walls against the wind, no heat. */
    PARTLY_SHELTERED(0.3, 3, 0.5, "medium"),
    /** A station concourse: out of the wind, warmer than the street. */
    SHELTERED(0.2, 6, 0.3, "low"),
    /** An ATM lobby: closed and usually heated. */
    ENCLOSED(0.0, 10, 0.2, "low");

    private final double windShare;
    private final double warmthC;
    private final double exposure;
    private final String word;

    Shelter(double windShare, double warmthC, double exposure, String word) {
        this.windShare = windShare;
        this.warmthC = warmthC;
        this.exposure = exposure;
        this.word = word;
    }

    static Shelter of(SiteCategory category) {
        if (category == null) {
            return OPEN;
        }
        return switch (category) {
            case CULVERT -> WET_AND_EXPOSED;
            case BRIDGE, UNDERPASS -> EXPOSED;
            case CONSTRUCTION_SITE, OTHER, NO_FLY_ZONE -> OPEN;
            case ABANDONED_BUILDING -> PARTLY_SHELTERED;
            case STATION -> SHELTERED;
            case ATM_LOBBY -> ENCLOSED;
        };
    }

    /** What a person here feels: the air the place lets in, chilled by the wind that reaches them. */
    double feltC(double ambientTempC, double windMps) {
        return WindChill.feltC(ambientTempC + warmthC, windMps * windShare);
    }

    /** 0 (well sheltered) to 1 (exposed, wet). */
    double exposure() {
        return exposure;
    }

    String word() {
        return word;
    }
}
