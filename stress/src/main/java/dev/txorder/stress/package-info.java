/**
 * JCStress tests of the real send path ({@code TxDriver}, {@code TxRing}, {@code SimulatedNic} of
 * module {@code impl}): the correct design, its mutants (DESIGN.md §2) and the prior art.
 *
 * <p>Naming: {@code Topic_Claim_Implementation}, e.g. {@code NextGroup_ArrayContiguity_M3}. JCStress
 * needs one class per test, so each scenario's state lives in a package-private class
 * ({@code ArrayContiguity}, ...) that every implementation's test class holds and delegates to;
 * a mutant's class borrows the correct class's outcomes with {@code @JCStressMeta}. What the gate
 * expects of a class is its {@link dev.txorder.stress.rig.Subject}.
 *
 * <p>Concurrency contract of the tests:
 * <ul>
 *   <li>JCStress makes a fresh state per sample; its constructor runs before the actors start,
 *       and every actor happens-before the {@code @Arbiter}.</li>
 *   <li>Writers call {@code SendPath.send} concurrently, as CPUs do: that is the code under test,
 *       with its own access modes (ticket: atomic; TURN and ready flags: release/acquire).</li>
 *   <li>The NIC is single-threaded: in each test it runs in the arbiter only, in exactly one actor
 *       and then the arbiter, or (ring full) in whichever waiting writer wins
 *       {@code Rig.tryStepNic}'s CAS, which orders each NIC step after the previous one.</li>
 *   <li>The outcome is built in the arbiter from the wire the NIC produced; it is a {@code String}
 *       so that an outcome reads as the wire ({@code "A, A1 A2 B1"}: A took the first ticket, then
 *       the packets in wire order).</li>
 *   <li>No test has more than two actors except {@code NextGroup_RingFullDedicatedNic_Correct}
 *       (three), which JCStress can schedule only on 3 or more CPUs; the gate counts each test's
 *       {@code @Actor} methods and reports such a test "not run" on a smaller machine.</li>
 * </ul>
 */
package dev.txorder.stress;
