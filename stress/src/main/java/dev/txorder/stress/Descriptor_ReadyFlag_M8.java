package dev.txorder.stress;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/*
 * Question: Descriptor_ReadyFlag against mutant M8 (the ready flag published with a plain write).
 * The JMM allows the NIC to see the flag before the row. x86 is TSO: the hardware keeps the
 * writer's stores in order and the reader's loads in order, so only a compiler reordering of the
 * writer's stores could show it; none was seen in our runs (stress/README.md). This mutant
 * is expected NOT to show on x86 and is not counted as caught there; it may show on a weakly
 * ordered machine (AArch64, POWER).
 *
 * Run: java -jar stress/target/jcstress.jar -t Descriptor_ReadyFlag_M8
 */
@JCStressTest
@JCStressMeta(Descriptor_ReadyFlag_Correct.class)
@Subject(value = Impl.M8, mayNotShow = "x86 is TSO: a plain-store publication is only reordered by the compiler, which was not seen in our runs")
@State
public class Descriptor_ReadyFlag_M8 {
    private final ReadyFlag s = new ReadyFlag(Impl.M8);

    @Actor
    public void writer() {
        s.writer();
    }

    @Actor
    public void nic() {
        s.nic();
    }

    @Arbiter
    public void observe(L_Result r) {
        s.result(r);
    }
}
