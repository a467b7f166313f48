package dev.txorder.cli.verify;

/**
 * One thing a gate checked (a property test, a TLC model, a JCStress test): a JUnit test case in
 * the XML report, a row of the HTML report.
 *
 * @param effort how hard it looked, e.g. "12,345 states", "150 examples"; "-" when not counted
 * @param detail one line: why it passed or failed
 * @param output what the tool said in full when it failed (empty when it passed)
 */
public record Check(String name, Verdict verdict, double seconds, String effort, String detail, String output) {
}
