package dev.txorder.lincheck;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the Lincheck objects built: Lincheck builds one per invocation (one explored interleaving),
 * so the difference across a run is the number of interleavings it took.
 */
final class Invocations {
    private static final AtomicInteger BUILT = new AtomicInteger();

    private Invocations() {
    }

    static void built() {
        BUILT.incrementAndGet();
    }

    static int count() {
        return BUILT.get();
    }
}
