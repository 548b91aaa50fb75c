package org.winterwatch.simulator.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link Detection} as the CONTRACT §4 detection payload.
 *
 * <p>{@code observedAt} is the time of publishing by the publisher's clock, as a real sensor stamps its reading: a
 * simulator running faster than real time would otherwise stamp its detections minutes or hours into the receiver's
 * future. The simulated instant travels in the extra field {@code simulatedAt}, which receivers may ignore.
 */
public final class DetectionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectionJson() {
    }

    /** The payload of {@code d}, published at {@code publishedAt}. */
    public static String write(Detection d, Instant publishedAt) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", d.id());
        node.put("source", d.source());
        node.put("kind", d.kind());
        node.put("lat", round(d.lat(), 7));
        node.put("lon", round(d.lon(), 7));
        node.put("observedAt", DateTimeFormatter.ISO_INSTANT.format(publishedAt));
        node.put("simulatedAt", DateTimeFormatter.ISO_INSTANT.format(d.simulatedAt()));
        node.put("confidence", round(d.confidence(), 3));
        if (Double.isFinite(d.tempC())) {
            node.put("tempC", round(d.tempC(), 1));
        }
        if (d.siteId() != null) {
            node.put("siteId", d.siteId());
        }
        if (Double.isFinite(d.headingDeg())) {
            node.put("headingDeg", round(d.headingDeg(), 1));
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write detection " + d.id(), e);
        }
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
