package dev.txorder.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The audit's verdict per property, with the first violations of each in full. */
public final class AuditReport {
    /** What the audit says of one property. */
    public enum Verdict {
        HOLDS, VIOLATED, NOT_APPLICABLE,
        /** The property applies, but the records given do not allow judging it (see {@link #notJudged}). */
        NOT_JUDGED
    }

    /** How many violations of one property are kept in full; the rest are only counted. */
    public static final int KEPT_PER_PROPERTY = 10;

    private final Map<Property, Verdict> verdicts = new EnumMap<>(Property.class);
    private final Map<Property, Long> counts = new EnumMap<>(Property.class);
    private final Map<Property, List<Violation>> kept = new EnumMap<>(Property.class);
    private final Map<Property, String> notJudged = new EnumMap<>(Property.class);
    private final long packets;

    AuditReport(Map<Property, Boolean> applies, List<Violation> violations, Map<Property, Long> counts, long packets) {
        this.packets = packets;
        for (Property p : Property.values()) {
            long n = counts.getOrDefault(p, 0L);
            this.counts.put(p, n);
            verdicts.put(p, !applies.getOrDefault(p, true) ? Verdict.NOT_APPLICABLE
                    : n > 0 ? Verdict.VIOLATED : Verdict.HOLDS);
            kept.put(p, new ArrayList<>());
        }
        for (Violation v : violations) {
            kept.get(v.property()).add(v);
        }
    }

    /** The same report with {@code p} marked as not judged, for the reason given (when it applies at all). */
    AuditReport notJudged(Property p, String why) {
        if (verdicts.get(p) != Verdict.NOT_APPLICABLE) {
            verdicts.put(p, Verdict.NOT_JUDGED);
            notJudged.put(p, why);
        }
        return this;
    }

    /** Why {@code p} was not judged, or null. */
    public String notJudged(Property p) {
        return notJudged.get(p);
    }

    public Verdict verdict(Property p) {
        return verdicts.get(p);
    }

    /** Violations of {@code p}, all counted. */
    public long count(Property p) {
        return counts.get(p);
    }

    /** The first {@link #KEPT_PER_PROPERTY} violations of {@code p}. */
    public List<Violation> violations(Property p) {
        return Collections.unmodifiableList(kept.get(p));
    }

    /** Every kept violation, property by property. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>();
        for (Property p : Property.values()) {
            all.addAll(kept.get(p));
        }
        return all;
    }

    /** True when no applicable property is violated. */
    public boolean holds() {
        return !verdicts.containsValue(Verdict.VIOLATED);
    }

    /** Properties that do not hold. */
    public List<Property> violated() {
        List<Property> v = new ArrayList<>();
        for (Property p : Property.values()) {
            if (verdicts.get(p) == Verdict.VIOLATED) {
                v.add(p);
            }
        }
        return v;
    }

    /** Packets on the audited wire. */
    public long packets() {
        return packets;
    }

    /** One line per property: name, verdict, violations. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        for (Property p : Property.values()) {
            Verdict v = verdicts.get(p);
            sb.append(String.format("  %-18s %-15s", p, v == Verdict.NOT_APPLICABLE ? "n/a"
                    : v == Verdict.NOT_JUDGED ? "not judged" : v.name().toLowerCase()));
            if (v == Verdict.VIOLATED) {
                sb.append(counts.get(p)).append(counts.get(p) == 1 ? " violation" : " violations");
            } else if (v == Verdict.NOT_JUDGED) {
                sb.append(notJudged.get(p));
            }
            sb.append('\n');
            for (Violation x : kept.get(p)) {
                sb.append("      ").append(x).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return (holds() ? "audit holds" : "audit violated: " + violated()) + " over " + packets + " packets";
    }
}
