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
 * Question: NextGroup_ArrayContiguity against the prior art, SingleQueueDriver (one queue and one
 * lock per group), as a control: the same outcomes must be the only ones, with the lock order
 * as the assignment order (the ring position is carried as the ticket).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_ArrayContiguity_SingleQueue
 */
@JCStressTest
@JCStressMeta(NextGroup_ArrayContiguity_Correct.class)
@Subject(Impl.SINGLE_QUEUE)
@State
public class NextGroup_ArrayContiguity_SingleQueue {
    private final ArrayContiguity s = new ArrayContiguity(Impl.SINGLE_QUEUE);

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
