package org.winterwatch.geo.layer;

/**
 * One thing wrong with a site layer, reported to the person who has to fix the file.
 *
 * @param featureIndex 0-based index into the layer's {@code features} array, or -1 for the file as a whole
 * @param featureId    the feature's {@code id} when it has one, else {@code null}
 * @param field        the property or part at fault ({@code category}, {@code geometry}, ...), may be {@code null}
 * @param message      what is wrong and, where possible, what to change
 */
public record Problem(int featureIndex, String featureId, String field, String message) {

    public Problem {
        if (featureIndex < -1) {
            throw new IllegalArgumentException("featureIndex must be >= -1, was " + featureIndex);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** A problem with the file as a whole. */
    public static Problem ofFile(String message) {
        return new Problem(-1, null, null, message);
    }

    public boolean isFileProblem() {
        return featureIndex == -1;
    }

    /** {@code feature 3 (id=br-01): category: unknown category 'brige' (...)}, or {@code file: ...}. */
    @Override
    public String toString() {
        if (isFileProblem()) {
            return "file: " + (field == null ? "" : field + ": ") + message;
        }
        String where = "feature " + featureIndex + (featureId == null ? "" : " (id=" + featureId + ")");
        return where + ": " + (field == null ? "" : field + ": ") + message;
    }
}
