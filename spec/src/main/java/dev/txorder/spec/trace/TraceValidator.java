package dev.txorder.spec.trace;

import dev.txorder.spec.Counterexample;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.TraceState;
import dev.txorder.spec.Verdict;
import dev.txorder.trace.TraceEvent;
import dev.txorder.trace.TraceHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a recorded action log against {@code TraceTxOrder.tla} with TLC (one worker: the furthest
 * record is kept in a TLC register, and registers are per worker).
 *
 * <p>TLC explores every behaviour of the trace spec and keeps, in a register, the furthest record
 * any behaviour reached. If one got past the last record, the log conforms. If none did, the
 * furthest record is the first that no spec step can take, and a second run stops at the first
 * state that reached it, to print the spec state in which it failed.
 */
public final class TraceValidator {
    private static final Pattern FURTHEST = Pattern.compile("<<\"txorder-trace-furthest\", (\\d+)>>");

    private final SpecFiles files;
    private final TlcRunner tlc;

    public TraceValidator(SpecFiles files, TlcRunner tlc) {
        this.files = files;
        this.tlc = tlc.withWorkers(1);
    }

    /**
     * @param name       the work directory's name under the runner's root (one per log)
     * @param specMutant the mutant switched on in the spec, {@code none} for the correct design
     * @throws TraceValidationException if TLC itself failed (a parse error, a crash, a timeout)
     */
    public TraceVerdict validate(String name, TraceHeader header, List<TraceEvent> events, String specMutant)
            throws IOException, InterruptedException {
        TraceModel model = new TraceModel(header, events, specMutant);
        Path dir = tlc.cleanDirectory(name);
        files.stage(dir, List.of());
        Files.writeString(dir.resolve(TraceModel.LOG_MODULE + ".tla"), model.logModule(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TraceModel.NAME + ".tla"), model.module(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TraceModel.NAME + ".cfg"), model.config(0), StandardCharsets.UTF_8);
        TlcResult result = tlc.check(dir, TraceModel.NAME);
        if (result.verdict() != Verdict.PASS) {
            throw new TraceValidationException("TLC did not validate the log: " + result.outcome() + ", "
                    + result.message() + " (see " + dir.resolve("tlc.log") + ")");
        }
        int furthest = furthest(Files.readString(dir.resolve("tlc.log"), StandardCharsets.UTF_8));
        if (furthest == events.size() + 1) {
            return TraceVerdict.accepted(events.size(), result.distinctStates(), result.seconds());
        }
        int unmatched = furthest;
        double seconds = result.seconds();

        // Second run: the behaviour that reached the unmatched record, for the spec state before it.
        Files.writeString(dir.resolve(TraceModel.NAME + ".cfg"), model.config(unmatched), StandardCharsets.UTF_8);
        TlcResult before = unmatched > 1 ? tlc.check(dir, TraceModel.NAME) : null;
        List<TraceState> states = before == null ? List.of() : before.trace();
        String state = states.isEmpty() ? "the initial state of the spec\n"
                : Counterexample.describeState(states.get(states.size() - 1));
        String steps = states.isEmpty() ? "" : Counterexample.render(states.subList(Math.max(0, states.size() - 6),
                states.size()));
        List<String> context = events.subList(Math.max(0, unmatched - 6), unmatched).stream().map(model::describe).toList();
        return TraceVerdict.rejected(events.size(), unmatched, events.get(unmatched - 1), context, state, steps,
                result.distinctStates(), seconds + (before == null ? 0 : before.seconds()));
    }

    /** The furthest record (1-based) TLC printed; 1 if it printed none. */
    static int furthest(String tlcLog) {
        int max = 1;
        Matcher m = FURTHEST.matcher(tlcLog);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }
}
