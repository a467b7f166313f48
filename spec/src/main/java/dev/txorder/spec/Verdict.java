package dev.txorder.spec;

/** How a TLC run ended, as the runner classifies it. */
public enum Verdict {
    /** The state space was explored and every checked property holds. */
    PASS,
    /** A state violates an invariant (named). */
    INVARIANT_VIOLATED,
    /** A step violates an action property such as {@code [][A]_v} (named). */
    ACTION_PROPERTY_VIOLATED,
    /** A behaviour violates a temporal (liveness) property; TLC does not name which. */
    TEMPORAL_PROPERTY_VIOLATED,
    /** A reachable state has no successor while deadlock checking is on. */
    DEADLOCK,
    /** An ASSUME of the specification is false. */
    ASSUMPTION_FALSE,
    /** The modules or the configuration do not parse or are semantically wrong. */
    PARSE_ERROR,
    /** TLC stopped without a verdict: an evaluation error, out of memory, killed, ... */
    CRASH;

    /** Whether this verdict is a property violation (as opposed to a pass or a failure to run). */
    public boolean isViolation() {
        return this == INVARIANT_VIOLATED || this == ACTION_PROPERTY_VIOLATED
                || this == TEMPORAL_PROPERTY_VIOLATED || this == DEADLOCK;
    }
}
