package dev.txorder.audit;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether the batch and the streaming audit reached the same verdicts on one run.
 *
 * <p>One difference is expected: the streaming audit also judges scheduling from the senders'
 * clock, which sees a published packet the NIC failed to see. When the run already lost or doubled
 * packets (a NIC that misreads its rings, as M10's does), that shows as an extra StrictPriority or
 * WeightedShare violation, which the NIC's own ready mask cannot show.
 */
public final class AuditAgreement {
    private AuditAgreement() {
    }

    /** Properties on whose verdict the two audits differ, beyond the expected difference. */
    public static Set<Property> differences(AuditReport batch, AuditReport streaming) {
        Set<Property> differ = EnumSet.noneOf(Property.class);
        boolean ringsMisread = batch.verdict(Property.NoLoss) == AuditReport.Verdict.VIOLATED
                || batch.verdict(Property.NoDuplicate) == AuditReport.Verdict.VIOLATED;
        for (Property p : Property.values()) {
            if (batch.verdict(p) == streaming.verdict(p)) {
                continue;
            }
            boolean scheduling = p == Property.StrictPriority || p == Property.WeightedShare;
            if (scheduling && ringsMisread && streaming.verdict(p) == AuditReport.Verdict.VIOLATED) {
                continue;
            }
            differ.add(p);
        }
        return differ;
    }
}
