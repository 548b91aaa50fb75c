package org.winterwatch.coordinator.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, as a scraper reads it: every line a comment, a
 * {@code # HELP} or {@code # TYPE} line, or a sample {@code name{label="value",...} value [timestamp]}; each family's
 * TYPE once and before its samples; a histogram's samples its {@code _bucket}, {@code _sum} and {@code _count}.
 * A line that breaks the format fails the parse, naming the line.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ?(.*)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("[-+]?([0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?|Inf)|NaN");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One metric family: its TYPE and its samples. */
    record Family(String name, String type, List<Sample> samples) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusText() {
    }

    static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                out.read(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        return out;
    }

    private void read(String line) {
        if (line.isEmpty()) {
            return;
        }
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
            if (families.containsKey(type.group(1))) {
                throw new IllegalArgumentException("a second TYPE for " + type.group(1));
            }
            families.put(type.group(1), new Family(type.group(1), type.group(2), new ArrayList<>()));
            return;
        }
        if (line.startsWith("#")) {
            if (line.startsWith("# HELP") && !HELP.matcher(line).matches()) {
                throw new IllegalArgumentException("not a HELP line");
            }
            return;
        }
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches() || !VALUE.matcher(sample.group(4)).matches()) {
            throw new IllegalArgumentException("not a sample");
        }
        Family family = familyOf(sample.group(1));
        family.samples().add(new Sample(sample.group(1), labels(sample.group(3)), Double.parseDouble(
                sample.group(4).replace("Inf", "Infinity"))));
    }

    private Family familyOf(String sampleName) {
        for (Family f : families.values()) {
            Set<String> names = switch (f.type()) {
                case "histogram" -> Set.of(f.name() + "_bucket", f.name() + "_sum", f.name() + "_count");
                case "summary" -> Set.of(f.name(), f.name() + "_sum", f.name() + "_count");
                default -> Set.of(f.name());
            };
            if (names.contains(sampleName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("a sample of no family declared before it (no TYPE line)");
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("labels do not read as name=\"value\" pairs");
            }
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            at = m.end();
        }
        return out;
    }

    Family family(String name) {
        Family f = families.get(name);
        if (f == null) {
            throw new AssertionError("no metric family " + name + "; there are " + families.keySet());
        }
        return f;
    }

    boolean has(String name) {
        return families.containsKey(name);
    }

    /** The sum of the family's samples named {@code sampleName} whose labels include {@code labels}. */
    double sum(String family, String sampleName, Map<String, String> labels) {
        return family(family).samples().stream()
                .filter(s -> s.name().equals(sampleName) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** The sum of the family's own samples (not a histogram's) whose labels include {@code labels}. */
    double sum(String family, Map<String, String> labels) {
        return sum(family, family, labels);
    }
}
