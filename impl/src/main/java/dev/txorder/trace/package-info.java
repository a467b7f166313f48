/**
 * The action log of real runs, for TLA+ trace validation: TLC checks that a recorded run of the
 * Java driver and NIC on real threads is a behaviour of {@code TxOrder.tla}.
 *
 * <ul>
 *   <li>{@link dev.txorder.trace.ActionLog} records one {@link dev.txorder.trace.TraceEvent} per
 *   TLA+ {@link dev.txorder.trace.Action}; its monitor is the trace lock, under which the driver
 *   ({@code new TxDriver(config, log)}) and the NIC ({@code new SimulatedNic(path, scheduler, wire,
 *   mutants, log)}) take each recorded step together with its append, so that the log order is a
 *   linearization of the run (see the concurrency contract of {@link dev.txorder.driver}).</li>
 *   <li>{@link dev.txorder.trace.TraceRun} runs a request stream on real threads with recording on,
 *   jitter and faults; {@link dev.txorder.trace.TraceFile} writes and reads the log as
 *   {@value dev.txorder.trace.TraceFile#FORMAT} NDJSON, a {@link dev.txorder.trace.TraceHeader} line
 *   first.</li>
 * </ul>
 * The prior-art {@link dev.txorder.driver.SingleQueueDriver} is not traced.
 */
package dev.txorder.trace;
