package dev.txorder.spec;

import java.util.List;
import java.util.Optional;

/**
 * What one TLC run found.
 *
 * @param verdict          how the run ended
 * @param property         the violated property as TLC names it; for a temporal violation, which TLC does not
 *                         name, the declared temporal properties joined by " or "; else empty
 * @param statesGenerated  states generated, -1 if TLC did not report it
 * @param distinctStates   distinct states found, -1 if TLC did not report it
 * @param depth            depth of the state graph, or the length of the counterexample; -1 if unknown
 * @param seconds          wall-clock seconds of the run
 * @param trace            the counterexample, empty unless a property was violated
 * @param message          TLC's own words for the verdict (first error line), for people
 */
public record TlcResult(Verdict verdict, Optional<String> property, long statesGenerated, long distinctStates,
                        int depth, double seconds, List<TraceState> trace, String message) {
    public TlcResult {
        trace = List.copyOf(trace);
    }

    /** The verdict in the manifest's words: {@code pass}, or {@code fail:<Property>}. */
    public String outcome() {
        if (verdict == Verdict.PASS) {
            return "pass";
        }
        if (verdict.isViolation()) {
            return "fail:" + property.orElse(verdict == Verdict.DEADLOCK ? "deadlock" : "?");
        }
        return "error:" + verdict.name().toLowerCase(java.util.Locale.ROOT);
    }
}
