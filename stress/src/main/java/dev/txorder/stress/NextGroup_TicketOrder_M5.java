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
 * Question: NextGroup_TicketOrder against mutant M5 (no queue-specific lock: TAIL read and written
 * plain, no owner). Expected: both writers read the same TAIL and claim position 0; one
 * descriptor overwrites the other: a wire with a packet lost or duplicated (SlotExclusion, NoLoss).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_TicketOrder_M5
 */
@JCStressTest
@JCStressMeta(NextGroup_TicketOrder_Correct.class)
@Subject(Impl.M5)
@State
public class NextGroup_TicketOrder_M5 {
    private final TicketOrder s = new TicketOrder(Impl.M5);

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
