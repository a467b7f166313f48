/**
 * Trace validation: an action log of a real run ({@code dev.txorder.trace}) becomes a TLC model of
 * {@code TraceTxOrder.tla} ({@link dev.txorder.spec.trace.TraceModel}), and TLC decides whether the
 * run is a behaviour of {@code TxOrder} ({@link dev.txorder.spec.trace.TraceValidator}).
 */
package dev.txorder.spec.trace;
