package dev.txorder.spec;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of TLC's periodic progress reports (message 2200 in {@code -tool} mode, about 3 s after the
 * start and then once a minute): how far the breadth-first search has got.
 *
 * @param depth     the depth reached so far ({@code Progress(N)})
 * @param generated states generated so far
 * @param distinct  distinct states found so far
 * @param queue     states found but not yet explored
 * @param seconds   seconds since the runner started TLC
 */
public record TlcProgress(int depth, long generated, long distinct, long queue, double seconds) {
    private static final Pattern REPORT = Pattern.compile(
            "Progress\\((\\d+)\\).*?: ([\\d,]+) states generated.*?, ([\\d,]+) distinct states found.*?, ([\\d,]+) states left on queue");

    /** The report in TLC's text of message 2200, or empty if the text is not one. */
    public static Optional<TlcProgress> parse(String text, double seconds) {
        Matcher m = REPORT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new TlcProgress(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                number(m.group(4)), seconds));
    }

    /** {@code depth 19, 641,568 distinct states, 1,931,206 generated, 282,753 on the queue, 5 min 2 s}. */
    public String describe() {
        long s = Math.round(seconds);
        String elapsed = s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "depth %d, %,d distinct states, %,d generated, %,d on the queue, %s",
                depth, distinct, generated, queue, elapsed);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
