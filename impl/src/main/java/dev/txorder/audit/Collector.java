package dev.txorder.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Violations as an audit finds them: every one counted, the first few of each property kept. */
final class Collector {
    final List<Violation> kept = new ArrayList<>();
    final Map<Property, Long> counts = new EnumMap<>(Property.class);

    void add(Property p, long seq, String detail) {
        long n = counts.merge(p, 1L, Long::sum);
        if (n <= AuditReport.KEPT_PER_PROPERTY) {
            kept.add(new Violation(p, seq, detail));
        }
    }

    long count(Property p) {
        return counts.getOrDefault(p, 0L);
    }
}
