package dev.txorder.stress.gate;

import dev.txorder.stress.rig.Impl;
import java.util.List;

/**
 * The gate's judgement of one test.
 *
 * @param kind     {@code pass}, {@code fail}, {@code not-shown} (a mutant whose outcome this
 *                 hardware cannot produce: not a failure, not caught) or {@code not-run} (needs
 *                 more CPUs than this machine has)
 * @param detail   why, in one line
 */
record Verdict(String test, Impl impl, long samples, long forbidden, List<JcstressReport.Row> rows,
               String kind, String detail) {

    boolean failed() {
        return kind.equals("fail");
    }

    /** Whether this test caught its mutant. */
    boolean caught() {
        return impl.mutant().isPresent() && kind.equals("pass");
    }

    static Verdict of(StressGate.Planned p, JcstressReport.Test t, int cpus) {
        Impl impl = p.subject().value();
        String name = p.shortName();
        if (p.actors() > cpus) {
            return new Verdict(name, impl, 0, 0, List.of(), "not-run",
                    p.actors() + " actors need " + p.actors() + " CPUs; this machine has " + cpus);
        }
        if (t == null) {
            return new Verdict(name, impl, 0, 0, List.of(), "fail", "did not run: JCStress reported no result for it");
        }
        long samples = t.samples();
        long forbidden = t.forbidden();
        if (!t.status().equals("OK") && !t.status().equals("FAILED")) {
            // FAILED only means "a forbidden outcome was seen", which a mutant's test must show;
            // anything else (ERROR, a timeout) means the test threw, hung or crashed.
            return new Verdict(name, impl, samples, forbidden, t.rows(), "fail", "JCStress " + t.status() + ": the test threw, hung or crashed");
        }
        if (samples == 0) {
            return new Verdict(name, impl, 0, 0, t.rows(), "fail", "did not run: no samples");
        }
        if (impl.mutant().isEmpty()) {
            return forbidden == 0
                    ? new Verdict(name, impl, samples, 0, t.rows(), "pass", "no forbidden outcome")
                    : new Verdict(name, impl, samples, forbidden, t.rows(), "fail",
                            "correct implementation showed a forbidden outcome" + breaking(p.subject()) + ": "
                                    + forbiddenSeen(t.rows()));
        }
        if (forbidden > 0) {
            return new Verdict(name, impl, samples, forbidden, t.rows(), "pass", "caught: " + forbiddenSeen(t.rows()));
        }
        String why = p.subject().mayNotShow();
        return why.isEmpty()
                ? new Verdict(name, impl, samples, 0, t.rows(), "fail", "mutant not caught: no forbidden outcome in " + samples + " samples")
                : new Verdict(name, impl, samples, 0, t.rows(), "not-shown", "not caught, as expected here: " + why);
    }

    /** {@code ", breaking GroupOrder / NoLoss"}: what the test guards, or nothing if it says nothing. */
    private static String breaking(dev.txorder.stress.rig.Subject subject) {
        return subject.guards().length == 0 ? "" : ", breaking " + String.join(" / ", subject.guards());
    }

        private static String forbiddenSeen(List<JcstressReport.Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (JcstressReport.Row r : rows) {
            if (r.forbidden() && r.samples() > 0) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append('"').append(r.result()).append("\" x").append(r.samples());
            }
        }
        return sb.toString();
    }
}
