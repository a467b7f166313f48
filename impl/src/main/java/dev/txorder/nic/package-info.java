/**
 * The simulated adapter and the wire.
 *
 * <p>{@link dev.txorder.nic.SimulatedNic} is single-threaded by contract: its state (cursors,
 * round-robin positions, WRR credit, counters) is plain, touched only by the thread that calls
 * {@code step()}, either the caller in step mode or the NIC's own thread. Reading its counters or a
 * {@link dev.txorder.nic.RecordingWire} from another thread is safe after {@code stop()} (thread
 * termination is the happens-before edge). It reads the rings only through the acquire-side API of
 * {@link dev.txorder.driver.TxRing}.
 *
 * <p>Trace lock (recording only): a NIC built with an {@link dev.txorder.trace.ActionLog} runs each
 * {@code transmit(max)} (its readiness reads, scheduling decision, consumption and hand-back) inside
 * {@code synchronized (log)}, the monitor the senders hold for each publication and its event. No
 * descriptor can therefore change during a decision, and the Transmit, PassNoop, SkipUnwritten (M2)
 * and Idle events it appends sit in the log exactly between the sender events it observed and those
 * it did not: the append order is a linearization. The NIC waits between decisions outside the
 * lock. Recording perturbs timing (senders wait for a whole decision of up to {@code BURST}
 * packets); with no log, the default, the only cost is a null check of a final field per step.
 */
package dev.txorder.nic;
