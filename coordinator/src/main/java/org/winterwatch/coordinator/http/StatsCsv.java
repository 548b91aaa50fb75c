package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The control room's figures ({@code GET /api/v1/stats}) as CSV for a spreadsheet: one row per figure,
 * {@code section,key,value}. A top-level number is in section {@code summary}; a nested one is in the section of its
 * top-level field, its key the path below it joined with dots ({@code timeToHelpLast24h,
 * byTeam.team-centre.toAcknowledgement.medianS, 95.0}). Written from the JSON, so the two never disagree.
 */
final class StatsCsv {

    static final String HEADER = "section,key,value";

    private StatsCsv() {
    }

    static String of(JsonNode stats) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Iterator<Map.Entry<String, JsonNode>> fields = stats.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isContainerNode()) {
                rows(csv, field.getKey(), "", field.getValue());
            } else {
                row(csv, "summary", field.getKey(), field.getValue());
            }
        }
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String section, String prefix, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> rows(csv, section, prefix + (prefix.isEmpty() ? "" : ".") + f.getKey(),
                    f.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rows(csv, section, prefix + (prefix.isEmpty() ? "" : ".") + i, node.get(i));
            }
        } else {
            row(csv, section, prefix, node);
        }
    }

    private static void row(StringBuilder csv, String section, String key, JsonNode value) {
        csv.append(cell(section)).append(',').append(cell(key)).append(',')
                .append(value.isNull() ? "" : cell(value.asText())).append("\r\n");
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading formula sign is defused. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
