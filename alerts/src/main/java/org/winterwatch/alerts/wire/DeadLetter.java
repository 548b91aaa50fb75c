package org.winterwatch.alerts.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The {@code ww/v1/deadletter} payload (CONTRACT §4). */
public final class DeadLetter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetter() {
    }

    /** How much of a rejected payload the dead letter carries; the rest is counted, not copied. */
    static final int MAX_PAYLOAD_KEPT = 8 * 1024;

    public static String json(String topic, String reason, Instant receivedAt, byte[] payload) {
        ObjectNode o = JSON.createObjectNode();
        o.put("topic", topic);
        o.put("reason", reason);
        o.put("receivedAt", receivedAt.toString());
        o.put("payloadBytes", payload.length);
        if (payload.length > MAX_PAYLOAD_KEPT) {
            payload = java.util.Arrays.copyOf(payload, MAX_PAYLOAD_KEPT);
            o.put("payloadTruncated", true);
        }
        try {
            o.put("payload", StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString());
        } catch (CharacterCodingException e) {
            o.put("payload", Base64.getEncoder().encodeToString(payload));
            o.put("payloadEncoding", "base64");
        }
        return o.toString();
    }
}
