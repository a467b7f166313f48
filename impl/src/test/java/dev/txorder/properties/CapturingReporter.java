package dev.txorder.properties;

import java.util.List;
import org.quicktheories.api.AsString;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Reporter;

/**
 * QuickTheories' own falsification report, kept as a value: it records what QuickTheories found
 * (seed, examples tried, the shrunk value) and then reports as usual, by throwing the
 * {@code AssertionError} of {@link ExceptionReporter}.
 */
final class CapturingReporter implements Reporter {
    /** What QuickTheories reported; {@code examples} counts the examples tried up to the first failure. */
    record Falsification(long seed, int examples, Object smallest, Throwable cause) { }

    private final Reporter thrower = new ExceptionReporter();
    private volatile Falsification found;

    Falsification found() {
        return found;
    }

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                               AsString<Object> toString) {
        found = new Falsification(seed, examplesUsed, smallest, cause);
        thrower.falisification(seed, examplesUsed, smallest, cause, others, toString);
    }

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                               AsString<Object> toString) {
        found = new Falsification(seed, examplesUsed, smallest, null);
        thrower.falisification(seed, examplesUsed, smallest, others, toString);
    }

    @Override
    public void valuesExhausted(int examples) {
        thrower.valuesExhausted(examples);
    }
}
