package dev.txorder.cli.verify;

import java.util.Locale;

/** A gate's or a check's outcome; {@code SKIP} is a gate that had nothing to run in this checkout. */
public enum Verdict {
    PASS, FAIL, SKIP;

    /** The word summary.json, JUnit XML and the tables use: {@code pass}, {@code fail}, {@code skip}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Verdict of(boolean holds) {
        return holds ? PASS : FAIL;
    }
}
