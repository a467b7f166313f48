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
 * Question: NextGroup_RingFull against the prior art, SingleQueueDriver, as a control: the group
 * lock orders the writers and the ring applies the same backpressure.
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_RingFull_SingleQueue
 */
@JCStressTest
@JCStressMeta(NextGroup_RingFull_Correct.class)
@Subject(Impl.SINGLE_QUEUE)
@State
public class NextGroup_RingFull_SingleQueue {
    private final RingFull s = new RingFull(Impl.SINGLE_QUEUE, true);

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
        s.result(r);
    }
}
