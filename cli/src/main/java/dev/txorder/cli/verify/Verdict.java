package dev.txorder.cli.verify;

import java.util.Locale;

/**
 * A gate's or a check's outcome; {@code SKIP} is a gate or check that ran nothing (reported as
 * "not run"): never a pass, and {@code verify} exits 3 when a gate it was asked to run did not run.
 */
public enum Verdict {
    PASS, FAIL, SKIP;

    /** The word summary.json, JUnit XML and the tables use: {@code pass}, {@code fail}, {@code not run}. */
    public String word() {
        return this == SKIP ? "not run" : name().toLowerCase(Locale.ROOT);
    }

    public static Verdict of(boolean holds) {
        return holds ? PASS : FAIL;
    }
}
