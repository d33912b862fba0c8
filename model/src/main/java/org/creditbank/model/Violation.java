package org.creditbank.model;

/**
 * One reason a request was refused: which rule, which field (dotted path, may be null) and a
 * message a registrar can act on. Batch reports add the item's index.
 */
public record Violation(ErrorCode code, String field, String message, Integer index) {

    public Violation(ErrorCode code, String field, String message) {
        this(code, field, message, null);
    }

    /** The same violation, attributed to item {@code i} of a batch. */
    public Violation atIndex(int i) {
        return new Violation(code, field, message, i);
    }
}
