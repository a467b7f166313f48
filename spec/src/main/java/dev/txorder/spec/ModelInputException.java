package dev.txorder.spec;

/** A model parameter out of range; {@link #field()} names the parameter, the message says what is allowed. */
public final class ModelInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ModelInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
