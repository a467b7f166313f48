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
 * Question: NextGroup_FaultedSender against mutant M6 (a sender that fails after reserving
 * publishes nothing). Expected: every sample "A1, stalled" (Progress).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_FaultedSender_M6
 */
@JCStressTest
@JCStressMeta(NextGroup_FaultedSender_Correct.class)
@Subject(Impl.M6)
@State
public class NextGroup_FaultedSender_M6 {
    private final FaultedSender s = new FaultedSender(Impl.M6);

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
