package org.winterwatch.coordinator.tak;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;

/**
 * An alert as a Cursor-on-Target event, so that teams carrying ATAK see it on their map: a casualty marker
 * ({@code b-r-f-h-c}) at the place, stale after 30 minutes, or at once when the alert is resolved (which removes
 * it from the map).
 */
final class CotEvent {

    static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private CotEvent() {
    }

    static String xml(Alert a, Instant now) {
        Instant stale = a.state() == AlertState.RESOLVED ? now : now.plus(STALE_AFTER);
        String place = a.siteName() != null ? a.siteName() : "no known site";
        String callsign = "WW " + a.priority().wireName().toUpperCase(Locale.ROOT) + " " + place;
        String remarks = String.format(Locale.ROOT, "%s alert %s v%d for %s: %s. %s", a.state().wireName(),
                a.alertId(), a.version(), a.teamId(), String.join("; ", a.reasons()),
                a.outcome() == null ? "" : "Outcome: " + a.outcome().wireName() + ".");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<event version=\"2.0\" uid=\"winterwatch-" + escape(a.alertId()) + "\" type=\"b-r-f-h-c\" how=\"m-g\""
                + " time=\"" + now + "\" start=\"" + now + "\" stale=\"" + stale + "\">"
                + String.format(Locale.ROOT, "<point lat=\"%.7f\" lon=\"%.7f\" hae=\"9999999.0\" ce=\"30.0\" le=\"9999999.0\"/>",
                a.lat(), a.lon())
                + "<detail><contact callsign=\"" + escape(callsign) + "\"/>"
                + "<remarks>" + escape(remarks.trim()) + "</remarks></detail></event>";
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
