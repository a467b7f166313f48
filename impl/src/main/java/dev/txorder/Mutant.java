package dev.txorder;

import java.util.EnumSet;
import java.util.Set;

/**
 * The known-bad designs of DESIGN.md §2. Each is a real alternative behaviour of the Java code,
 * never the default, so that the tests can show that the suite catches it.
 */
public enum Mutant {
    M1("next: take a ticket, then lock queue t mod k and append at its tail", "GroupOrder"),
    M2("adapter skips a cursor queue whose head is not yet written", "GroupOrder"),
    M3("indicator NEXT on every packet, arrays included", "RequestContiguity"),
    M4("hash on a key that varies within a flow", "FlowOrder"),
    /**
     * A mutant of the {@code hash} policy's queue lock (and, as in the spec, of nothing else: under
     * {@code next} the queue's owner is the holder of the group's assignment lock).
     */
    M5("hash: no queue-specific lock: two writers can claim one slot", "NoLoss"),
    M6("a sender that fails after reserving publishes nothing", "Progress"),
    M7("strict scheduler scans groups in the wrong order", "StrictPriority"),
    /**
     * Outside the specification (DESIGN.md §2 lists it; the spec has no memory model): the
     * descriptor's ready mark is a plain write, so the NIC may see it before the descriptor's
     * contents. x86 is TSO: only a compiler reordering can show it here.
     */
    M8("descriptor marked ready with a plain write instead of a release", "NoLoss"),
    /** WRR: a visit serves the weight of the mirrored group (for two groups, the weights swapped). */
    M9("wrr credits wrong: a visit serves the mirrored group's weight (weights swapped)", "WeightedShare"),
    /**
     * The ring's ready mark is a flag that nobody clears instead of the position it was published
     * for: once the ring has wrapped, the NIC takes a reserved, not yet written slot for ready and
     * transmits the previous lap's descriptor again (the new one, written behind its head, is lost).
     */
    M10("ready mark is a flag nobody clears: after a wrap the NIC resends the previous lap's descriptor", "NoDuplicate"),
    /**
     * A sender that fails after taking its ticket and before claiming its positions keeps the
     * ticket: nothing ever lands where the NIC expects that ticket's packets.
     */
    M11("a sender that fails between taking its ticket and reserving does nothing", "Progress");

    private final String description;
    private final String breaks;

    Mutant(String description, String breaks) {
        this.description = description;
        this.breaks = breaks;
    }

    public String description() {
        return description;
    }

    /**
     * Whether switching this mutant on changes anything under {@code policy} and a scheduler of
     * {@code scheduler}'s kind: M1, M2, M3 and M11 live in the {@code next} path (tickets, cursor,
     * indicators), M4 in the {@code hash} key, M5 in its queue lock, M7 in the strict scheduler, M9 in wrr; the others
     * (claims, faults, publication, ready marks) in both.
     */
    public boolean changes(AssignmentPolicy policy, Scheduler.Kind scheduler) {
        Lives l = lives();
        return (l.policy == null || l.policy == policy) && (l.scheduler == null || l.scheduler == scheduler);
    }

    /** What a run needs for this mutant to change anything, for messages: {@code "--policy next"}. */
    public String needs() {
        return lives().needs;
    }

    /** Where a mutant's change lives: one table that {@link #changes} and {@link #needs} both read. */
    private enum Lives {
        NEXT(AssignmentPolicy.NEXT, null, "--policy next"),
        HASH(AssignmentPolicy.HASH, null, "--policy hash"),
        STRICT(null, Scheduler.Kind.STRICT, "--scheduler strict"),
        WRR(null, Scheduler.Kind.WRR, "--scheduler wrr:..."),
        ANYWHERE(null, null, "nothing more");

        /** The policy, or the scheduler kind, the change needs; null: any. */
        final AssignmentPolicy policy;
        final Scheduler.Kind scheduler;
        final String needs;

        Lives(AssignmentPolicy policy, Scheduler.Kind scheduler, String needs) {
            this.policy = policy;
            this.scheduler = scheduler;
            this.needs = needs;
        }
    }

    private Lives lives() {
        return switch (this) {
            case M1, M2, M3, M11 -> Lives.NEXT;
            case M4, M5 -> Lives.HASH;
            case M7 -> Lives.STRICT;
            case M9 -> Lives.WRR;
            default -> Lives.ANYWHERE;
        };
    }

    /**
     * Refuses a mutant that would change nothing in this run, which would otherwise run the correct
     * design under the mutant's name.
     *
     * @throws InvalidInputException naming the mutant and what it needs
     */
    public void checkChanges(AssignmentPolicy policy, Scheduler scheduler) {
        if (!changes(policy, scheduler.kind())) {
            throw new InvalidInputException("mutant", name() + " (" + description + ") changes nothing under --policy "
                    + policy.name().toLowerCase(java.util.Locale.ROOT) + " --scheduler " + scheduler + "; it needs " + needs());
        }
    }

    /** The DESIGN.md §3 property this mutant is expected to break first. */
    public String breaks() {
        return breaks;
    }

    public static Mutant parse(String text) {
        if (text != null) {
            for (Mutant m : values()) {
                if (m.name().equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
        }
        throw new InvalidInputException("mutant", "'" + text + "' is not a mutant; allowed: " + allowed());
    }

    /** The mutants' names, for messages: {@code M1, M2, ...}. */
    public static String allowed() {
        StringBuilder sb = new StringBuilder();
        for (Mutant m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.name());
        }
        return sb.toString();
    }

    /**
     * The system property that switches a mutant on in the correct design's checks, set by
     * {@code txorder verify --inject Mx} (or {@code -Dtxorder.inject=Mx}): breaking the design on
     * purpose must make each check of it fail.
     */
    public static final String INJECT_PROPERTY = "txorder.inject";

    /** The mutant {@link #INJECT_PROPERTY} names, if any. */
    public static java.util.Optional<Mutant> injected() {
        String m = System.getProperty(INJECT_PROPERTY, "");
        return m.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(parse(m));
    }

    /** An empty set: the correct design. */
    public static Set<Mutant> none() {
        return EnumSet.noneOf(Mutant.class);
    }
}
