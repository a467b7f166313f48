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
 * Question: NextGroup_RingFull with the NIC on a thread of its own, as on real hardware: two
 * writers wait for space while a third actor drains. Needs 3 CPUs: JCStress cannot schedule it on
 * a 2-CPU machine ("No scheduling is possible"), so the gate runs it only where there are 3 or
 * more CPUs and reports it as not run elsewhere.
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_RingFullDedicatedNic_Correct
 */
@JCStressTest
@JCStressMeta(NextGroup_RingFull_Correct.class)
@Subject(value = Impl.CORRECT, guards = {"GroupOrder", "NoLoss"})
@State
public class NextGroup_RingFullDedicatedNic_Correct {
    private final RingFull s = new RingFull(Impl.CORRECT, false);

    @Actor
    public void writerA() {
        s.writerA();
    }

    @Actor
    public void writerB() {
        s.writerB();
    }

    @Actor
    public void nic() {
        s.dedicatedNic();
    }

    @Arbiter
    public void drainRest(LL_Result r) {
        s.result(r);
    }
}
