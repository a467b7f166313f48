package dev.txorder.stress;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/*
 * Question: NextGroup_TicketFault against mutant M11 (a sender that fails between its ticket and
 * its reservation keeps the ticket). Expected: every sample "-, stalled" (Progress).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_TicketFault_M11
 */
@JCStressTest
@JCStressMeta(NextGroup_TicketFault_Correct.class)
@Subject(Impl.M11)
@State
public class NextGroup_TicketFault_M11 {
    private final TicketFault s = new TicketFault(Impl.M11);

    @Actor
    public void writer() {
        s.writer();
    }

    @Actor
    public void nic() {
        s.nic();
    }

    @Arbiter
    public void drain(LL_Result r) {
        s.result(r);
    }
}
