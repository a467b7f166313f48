package dev.txorder.audit;

import dev.txorder.Scheduler;

/**
 * StrictPriority and WeightedShare judged from the ready-group mask the NIC recorded with each
 * packet: the scheduler's choice replayed from §3's statement of it (strict: the highest ready
 * group; wrr: a visit serves its weight, then the nearest lower ready group, cyclically).
 *
 * <p>This is a second opinion, not an independent one: the mask is the NIC's own view of which
 * groups were ready. {@link StreamingAudit} also judges both properties from the senders' clock.
 */
final class ReadyMaskReplay {
    private final Scheduler scheduler;
    private final int groups;
    private int wrrGroup;
    private int wrrCredit;

    ReadyMaskReplay(Scheduler scheduler, int groups) {
        this.scheduler = scheduler;
        this.groups = groups;
        this.wrrGroup = groups - 1;
        this.wrrCredit = scheduler.kind() == Scheduler.Kind.WRR ? scheduler.weight(wrrGroup) : 0;
    }

    /** The property this replay judges under the run's scheduler. */
    Property property() {
        return scheduler.kind() == Scheduler.Kind.STRICT ? Property.StrictPriority : Property.WeightedShare;
    }

    /**
     * Group {@code g} sent request {@code req} with {@code ready} as the NIC's mask.
     *
     * @return what was wrong, or null
     */
    String check(int g, long req, long ready) {
        if ((ready & (1L << g)) == 0) {
            return "group " + g + " transmitted while the NIC saw it not ready";
        }
        if (scheduler.kind() == Scheduler.Kind.STRICT) {
            int highest = 63 - Long.numberOfLeadingZeros(ready);
            return g == highest ? null
                    : "group " + g + " sent request " + req + " while group " + highest + " had a ready packet";
        }
        int expected;
        if (wrrCredit > 0 && (ready & (1L << wrrGroup)) != 0) {
            expected = wrrGroup;
            wrrCredit--;
        } else {
            expected = wrrGroup;
            do {
                expected = expected == 0 ? groups - 1 : expected - 1;
            } while ((ready & (1L << expected)) == 0);
            wrrGroup = expected;
            wrrCredit = scheduler.weight(expected) - 1;
        }
        if (expected == g) {
            return null;
        }
        wrrGroup = g;
        wrrCredit = scheduler.weight(g) - 1;
        return "group " + g + " served where " + scheduler + " serves group " + expected;
    }
}
