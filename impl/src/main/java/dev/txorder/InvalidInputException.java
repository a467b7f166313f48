package dev.txorder;

/**
 * Bad input from a user or a file: names the field that is wrong and what is allowed.
 *
 * <p>The command line turns it into a one-line error and exit status 2.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field (option, CSV column, or layout part) that holds the bad value. */
    public String field() {
        return field;
    }
}
