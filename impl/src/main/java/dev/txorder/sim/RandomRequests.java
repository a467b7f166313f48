package dev.txorder.sim;

import dev.txorder.InvalidInputException;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import java.util.SplittableRandom;

/** A reproducible random request stream: request i goes to cpu {@code i mod cpus}. */
public final class RandomRequests {
    /** Destinations per stream; few enough that flows repeat and flow order is exercised. */
    public static final int DESTINATIONS = 64;

    private RandomRequests() {
    }

    /**
     * @param arrayMax largest packet array; sizes are uniform in 1..arrayMax
     */
    public static SendHistory generate(Layout layout, int requests, int cpus, int arrayMax, long seed) {
        return generate(layout, requests, cpus, arrayMax, DESTINATIONS, seed);
    }

    /**
     * A stream over {@code destinations} destinations (flows) instead of {@value #DESTINATIONS}:
     * few of them (say 6) make flows repeat within a short run, as a trace run of 30 requests needs.
     * With {@value #DESTINATIONS} it is the stream of {@link #generate(Layout, int, int, int, long)}.
     */
    public static SendHistory generate(Layout layout, int requests, int cpus, int arrayMax, int destinations,
                                       long seed) {
        if (destinations < 1 || destinations > 256) {
            throw new InvalidInputException("destinations", destinations + "; allowed 1..256");
        }
        if (requests < 1) {
            throw new InvalidInputException("requests", requests + "; allowed >= 1");
        }
        if (cpus < 1 || cpus > 1024) {
            throw new InvalidInputException("cpus", cpus + "; allowed 1..1024");
        }
        if (arrayMax < 1) {
            throw new InvalidInputException("array-max", arrayMax + "; allowed >= 1");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] macs = new long[destinations];
        int[] priorities = new int[destinations];
        for (int d = 0; d < destinations; d++) {
            // Locally administered unicast (02:..), last octet = d so the patent's hash spreads them;
            // each destination is one flow with one priority, as traffic classes are in practice.
            macs[d] = 0x02_00_00_00_00_00L | ((long) rnd.nextInt(1 << 24) << 8) | d;
            priorities[d] = rnd.nextInt(layout.priorityCount());
        }
        SendHistory h = new SendHistory(requests);
        TxRequest r = new TxRequest();
        for (int i = 0; i < requests; i++) {
            int d = rnd.nextInt(destinations);
            h.add(r.set(i, i % cpus, priorities[d], macs[d], macs[d], 1 + rnd.nextInt(arrayMax)));
        }
        return h;
    }
}
