package org.winterwatch.geo.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of place a site is; decides how it is swept and who is told about it. */
public enum SiteCategory {
    BRIDGE,
    CULVERT,
    ABANDONED_BUILDING,
    CONSTRUCTION_SITE,
    ATM_LOBBY,
    STATION,
    UNDERPASS,
    OTHER,
    NO_FLY_ZONE;

    /** The name used in site layers and on the wire, e.g. {@code abandoned_building}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name; tolerant of case and surrounding blanks, empty for anything unknown. */
    public static Optional<SiteCategory> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String normal = wire.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.wireName().equals(normal)).findFirst();
    }

    /** All wire names, comma separated, for messages that tell the user what is accepted. */
    public static String wireNames() {
        return Arrays.stream(values()).map(SiteCategory::wireName).collect(Collectors.joining(", "));
    }
}
