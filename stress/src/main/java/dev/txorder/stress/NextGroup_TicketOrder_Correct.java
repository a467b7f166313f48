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
 * Question: when two writers take consecutive tickets for the same queue of a `next` group, do
 * their descriptors land in ticket order, each in positions of its own (reservation in ticket
 * order via TURN), whichever writer reaches the queue first?
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_TicketOrder_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"GroupOrder", "SlotExclusion"})
@Description("next group, 1 queue: writer A sends a 2-packet array, writer B one packet, the NIC drains after both")
@Outcome(id = "A, A1 A2 B1", expect = ACCEPTABLE,
        desc = "writerA -> writerB -> nic: A takes ticket 0 and reserves first (B waits for TURN 1)")
@Outcome(id = "B, B1 A1 A2", expect = ACCEPTABLE,
        desc = "writerB -> writerA -> nic: B takes ticket 0 and reserves first (A waits for TURN 1)")
@Outcome(id = "A, B1 A1 A2", expect = FORBIDDEN,
        desc = "writerA takes ticket 0 -> writerB takes ticket 1, appends -> writerA appends -> nic; breaks GroupOrder (M1)")
@Outcome(id = "B, A1 A2 B1", expect = FORBIDDEN,
        desc = "writerB takes ticket 0 -> writerA takes ticket 1, appends -> writerB appends -> nic; breaks GroupOrder (M1)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire: both writers claimed one position, a packet lost, duplicated or torn; breaks SlotExclusion / NoLoss / NoDuplicate (M5)")
@State
public class NextGroup_TicketOrder_Correct {
    private final TicketOrder s = new TicketOrder(Impl.CORRECT);

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
