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
 * Question: NextGroup_TicketOrder against mutant M1 (take a ticket, then lock queue t mod k and
 * append at its tail). Expected: "A, B1 A1 A2" or "B, A1 A2 B1": the later ticket reached the
 * queue's lock first (GroupOrder).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_TicketOrder_M1
 */
@JCStressTest
@JCStressMeta(NextGroup_TicketOrder_Correct.class)
@Subject(Impl.M1)
@State
public class NextGroup_TicketOrder_M1 {
    private final TicketOrder s = new TicketOrder(Impl.M1);

    @Actor
    public void writerA() {
        s.writerA();
    }

    @Actor
    public void writerB() {
        s.writerB();
    }

    @Arbiter
    public void nic(LL_Result r) {
        s.nic(r);
    }
}
