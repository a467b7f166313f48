/**
 * The audit: a recorded wire plus the send history against every property of DESIGN.md §3, under
 * the same names as the TLA+ spec ({@link dev.txorder.audit.Property}). It runs after the senders
 * and the NIC have stopped and is not thread-safe.
 */
package dev.txorder.audit;
