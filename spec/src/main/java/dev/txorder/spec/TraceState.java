package dev.txorder.spec;

import java.util.Map;

/**
 * One state of a TLC counterexample: its number, the action that led to it ("Initial predicate"
 * for the first) and each variable's value as TLC printed it.
 */
public record TraceState(int number, String action, Map<String, String> variables) {
    public TraceState {
        variables = Map.copyOf(variables);
    }
}
