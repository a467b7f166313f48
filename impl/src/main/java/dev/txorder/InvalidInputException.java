package dev.txorder;

/**
 * Bad input from a user or a file: names the field that is wrong and what is allowed.
 *
 * <p>The command line turns it into a one-line error and exit status 2.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * The message is kept to one line: control characters of the input it quotes are shown escaped,
     * in the field's name too (an unknown column or JSON key is named as the input spells it).
     */
    public InvalidInputException(String field, String message) {
        super(oneLine(field) + ": " + oneLine(message));
        this.field = oneLine(field);
    }

    private static String oneLine(String s) {
        if (s.chars().noneMatch(Character::isISOControl)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The field (option, CSV column, or layout part) that holds the bad value. */
    public String field() {
        return field;
    }
}
