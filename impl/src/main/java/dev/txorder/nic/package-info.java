/**
 * The simulated adapter and the wire.
 *
 * <p>{@link dev.txorder.nic.SimulatedNic} is single-threaded by contract: its state (cursors,
 * round-robin positions, WRR credit, counters) is plain, touched only by the thread that calls
 * {@code step()}, either the caller in step mode or the NIC's own thread. Reading its counters or a
 * {@link dev.txorder.nic.RecordingWire} from another thread is safe after {@code stop()} (thread
 * termination is the happens-before edge). It reads the rings only through the acquire-side API of
 * {@link dev.txorder.driver.TxRing}.
 */
package dev.txorder.nic;
