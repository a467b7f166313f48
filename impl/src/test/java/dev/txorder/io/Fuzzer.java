package dev.txorder.io;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Mutations of valid inputs at volume, for every input parser of txorder (no coverage-guided
 * fuzzer is used: Jazzer's JUnit integration fuzzes only with an environment switch and one test
 * per run; mutating valid inputs reaches the same error paths, deterministically from a fixed
 * seed). Shared by the modules' fuzz tests through impl's test-jar.
 */
public final class Fuzzer {
    /** The seed every fuzz test starts from: a failure replays. */
    public static final long SEED = 20261204L;
    /** Inputs tried per parser. */
    public static final int INPUTS = 20_000;
    /** What mutations splice in: CSV's, JSON's and the parsers' own punctuation, and text that breaks naive code. */
    private static final List<String> SPLICES = List.of(",", "\"", "\n", "\r\n", "-", "x", "@", ":", "0", "9",
            "99999999999999999999", "-1", " ", "\t", "#", "\uFEFF", "é", "\u0000", ",,", "\"\"", "mqprio:", "wrr:",
            "num_tc", "map", "queues", "1@0", "0-7", "x4", "ff:ff:ff:ff:ff:ff", "r1", "NEXT", "CURRENT",
            "{", "}", "[", "]", "null", "true", "1.5", "\\", "\\u0000");

    /** How a parser must refuse a bad input: the exception it throws and what its message must show. */
    public interface Refusal {
        /** Null when {@code e} is a proper refusal of {@code input}, else what is wrong with it. */
        String check(RuntimeException e);
    }

    private Fuzzer() {
    }

    /** A valid input with one to three mutations: a character dropped, doubled, replaced, or a splice inserted. */
    public static String mutate(String valid, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(valid);
        for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
            int at = s.isEmpty() ? 0 : rnd.nextInt(s.length() + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> {
                    if (at < s.length()) {
                        s.insert(at, s.charAt(at));
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                    }
                }
                default -> s.insert(at, SPLICES.get(rnd.nextInt(SPLICES.size())));
            }
        }
        return s.toString();
    }

    /**
     * Feeds {@link #INPUTS} mutations of {@code seeds} to {@code parser}: each must parse or be refused
     * as {@code refusal} says; any other exception fails with the input that caused it. Prints how
     * many were tried, refused and accepted.
     *
     * @return how many were refused
     */
    public static int fuzz(String name, List<String> seeds, Consumer<String> parser, Refusal refusal) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ name.hashCode());
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = mutate(seeds.get(i % seeds.size()), rnd);
            try {
                parser.accept(input);
            } catch (RuntimeException e) {
                String wrong = refusal.check(e);
                if (wrong != null) {
                    throw new AssertionError(name + ": " + wrong + " (" + e + ") for the input " + show(input), e);
                }
                refused++;
            }
        }
        System.out.printf("%s: %d inputs tried, %d refused as bad input, %d accepted%n", name, INPUTS, refused, INPUTS - refused);
        return refused;
    }

    /** A refusal by {@code type} whose message is one line starting with {@code prefix}. */
    public static Refusal oneLine(Class<? extends RuntimeException> type, String prefix) {
        return e -> !type.isInstance(e) ? "threw " + e.getClass().getSimpleName() + " instead of " + type.getSimpleName()
                : e.getMessage() == null || e.getMessage().contains("\n") ? "a message not on one line"
                : !e.getMessage().startsWith(prefix) ? "a message not starting with '" + prefix + "'"
                : null;
    }

    public static String show(String input) {
        return "'" + input.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
