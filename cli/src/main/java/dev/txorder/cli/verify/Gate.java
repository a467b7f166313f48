package dev.txorder.cli.verify;

/**
 * One tool's part of {@code txorder verify}. A gate runs its tool's checks in the given profile and
 * judges them: it passes only when every correct design holds, every must-fail check fails as
 * declared, and every check it planned really ran.
 */
public interface Gate {
    /** The tool's name as the kill matrix uses it: tlc, properties, lincheck, trace, jcstress, proofs. */
    String name();

    /** What a pass of this gate proves, one line for the summary table. */
    String proves();

    GateResult run(VerifyContext context) throws InterruptedException;
}
