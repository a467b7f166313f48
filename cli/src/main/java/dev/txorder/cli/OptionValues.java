package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses option values that picocli hands over as text, so that every bad value gets the same
 * one-line error: the option's name as the field, what is wrong, and what is allowed.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** A whole number in {@code min..max}. */
    static int intIn(String field, String text, int min, int max) {
        return (int) longIn(field, text, min, max);
    }

    /** A whole number in {@code min..max}. */
    static long longIn(String field, String text, long min, long max) {
        String t = text.strip();
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + t + "' is not a whole number; allowed " + min + ".." + max);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, value + " is out of range; allowed " + min + ".." + max);
        }
        return value;
    }

    /** Rejects an option that was given where it means nothing, instead of silently ignoring it. */
    static void notWith(String field, Object value, String why) {
        if (value != null) {
            throw new InvalidInputException(field, why);
        }
    }

    /** Requires an option that has no default. */
    static String required(String field, String value, String allowed) {
        if (value == null) {
            throw new InvalidInputException(field, "missing; " + allowed);
        }
        return value;
    }

    /** Fails now, not after a run, if an output file ({@code --wire-out}, {@code --pcap-out}) cannot be created. */
    static void outputFile(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(option, file + " is a directory; allowed: a file path");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(option, "directory " + parent + " does not exist; allowed: a file "
                    + "in an existing directory");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new InvalidInputException(option, file + " is not writable");
        }
    }
}
