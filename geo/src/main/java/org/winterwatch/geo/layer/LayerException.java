package org.winterwatch.geo.layer;

import java.util.List;
import java.util.stream.Collectors;

/** A site layer that could not be read; carries every problem found, not just the first. */
public class LayerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public LayerException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LayerException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
