package dev.txorder.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/*
 * Question: can the NIC observe a descriptor's ready flag before the descriptor's contents? The
 * writer fills the row plain and publishes it with a release store; the NIC reads the flag with
 * acquire, then the row (message passing through release/acquire).
 *
 * Run: java -jar stress/target/jcstress.jar -t Descriptor_ReadyFlag_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"NoLoss"})
@Description("next group, 1 queue: the writer sends one packet A; the NIC takes one step at the same time")
@Outcome(id = "-", expect = ACCEPTABLE,
        desc = "nic -> writer: the NIC looked before the ready flag was set; nothing sent")
@Outcome(id = "A1", expect = ACCEPTABLE,
        desc = "writer -> nic: the NIC saw the ready flag and, through release/acquire, the whole descriptor")
@Outcome(expect = FORBIDDEN,
        desc = "ready flag seen before the descriptor contents: the NIC sent a stale or torn descriptor (?? or !mac); breaks NoLoss (the packet queued is not the packet sent) (M8)")
@State
public class Descriptor_ReadyFlag_Correct {
    private final ReadyFlag s = new ReadyFlag(Impl.CORRECT);

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
