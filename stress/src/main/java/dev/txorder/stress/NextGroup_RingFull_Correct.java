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
import org.openjdk.jcstress.infra.results.LL_Result;

/*
 * Question: with the ring full and two writers waiting for space (backpressure), does every packet
 * go out exactly once and in ticket order, with no writer stuck? Both writers wait, so a waiting
 * writer drives the NIC (see RingFull); NextGroup_RingFullDedicatedNic_Correct is the 3-actor form.
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_RingFull_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"GroupOrder", "NoLoss"})
@Description("next group, 1 queue, ring of 2 already full with array P: writer A sends one packet, writer B a 2-packet array")
@Outcome(id = "A, P1 P2 A1 B1 B2", expect = ACCEPTABLE,
        desc = "writerA takes the ticket after P -> waits for space, steps the NIC -> writerB waits for TURN, then for space")
@Outcome(id = "B, P1 P2 B1 B2 A1", expect = ACCEPTABLE,
        desc = "writerB takes the ticket after P -> waits for the whole ring to drain -> writerA waits for TURN, then for space")
@Outcome(id = "A, P1 P2 B1 B2 A1", expect = FORBIDDEN,
        desc = "writerA takes the ticket after P -> writerB takes the next, locks and appends first -> writerA; breaks GroupOrder (M1)")
@Outcome(id = "B, P1 P2 A1 B1 B2", expect = FORBIDDEN,
        desc = "writerB takes the ticket after P -> writerA takes the next, locks and appends first -> writerB; breaks GroupOrder (M1)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire, or a writer stuck waiting: a packet lost or duplicated (two writers on one descriptor), or no progress; breaks NoLoss / NoDuplicate / SlotExclusion / Progress (M5)")
@State
public class NextGroup_RingFull_Correct {
    private final RingFull s = new RingFull(Impl.CORRECT, true);

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
