package dev.txorder.spec.trace;

import dev.txorder.trace.TraceEvent;
import java.util.List;

/**
 * What TLC said of one action log.
 *
 * @param conforms       whether some behaviour of the spec consumed every record
 * @param events         records in the log
 * @param unmatched      the first record (1-based: its seq + 1) no spec step could take; 0 when the log conforms
 * @param event          that record, as logged (null when the log conforms)
 * @param context        that record and up to five before it, as logged, each with the spec's number of its
 *                       request ({@code r1} is the first assigned)
 * @param specState      the spec state in which it could not be taken, in words
 * @param steps          the last spec steps before it, as a counterexample table
 * @param distinctStates distinct states TLC found validating the log
 * @param seconds        TLC's wall time, both runs of a rejected log included
 */
public record TraceVerdict(boolean conforms, int events, int unmatched, TraceEvent event, List<String> context,
                           String specState, String steps, long distinctStates, double seconds) {

    public TraceVerdict {
        context = List.copyOf(context);
    }

    static TraceVerdict accepted(int events, long distinctStates, double seconds) {
        return new TraceVerdict(true, events, 0, null, List.of(), "", "", distinctStates, seconds);
    }

    static TraceVerdict rejected(int events, int unmatched, TraceEvent event, List<String> context,
                                 String specState, String steps, long distinctStates, double seconds) {
        return new TraceVerdict(false, events, unmatched, event, context, specState, steps, distinctStates, seconds);
    }

    /** The rejection for people: the record, the records before it and the spec state it met. */
    public String explain() {
        if (conforms) {
            return "all " + events + " records conform";
        }
        StringBuilder out = new StringBuilder();
        out.append("record seq ").append(unmatched - 1).append(" (").append(unmatched).append(" of ").append(events)
                .append(") is no step of the spec: ").append(context.get(context.size() - 1)).append('\n');
        if (context.size() > 1) {
            out.append("records before it:\n");
            context.subList(0, context.size() - 1).forEach(e -> out.append("  ").append(e).append('\n'));
        }
        out.append("spec state before it:\n");
        specState.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        if (!steps.isEmpty()) {
            out.append("last spec steps:\n").append(steps);
        }
        return out.toString();
    }
}
