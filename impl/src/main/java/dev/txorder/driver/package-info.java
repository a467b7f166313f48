/**
 * The send path: descriptor rings, the patent's multi-queue driver and the single-lock prior art.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Threads.</b> Any number of sender threads call {@link dev.txorder.driver.SendPath#send}
 *   at once. Exactly one thread at a time is the NIC: it alone calls the {@code head*} readers and
 *   {@link dev.txorder.driver.TxRing#advance()} of every ring.</li>
 *   <li><b>Ownership of a queue.</b> The positions of a ring are claimed by one owner at a time:
 *   the holder of the queue's {@code TURN} (next policy: the sender whose queue-local ticket it is)
 *   or of its {@code LOCK} (hash policy, prior art). Only the owner reads and writes {@code TAIL},
 *   {@code CACHED} and the statistics, with plain accesses; ownership passes by a release store
 *   ({@code passTurn}, {@code unlock}) and an acquire load or CAS ({@code awaitTurn}, {@code lock}),
 *   so each owner sees its predecessor's writes.</li>
 *   <li><b>Descriptors.</b> After claiming {@code [pos, pos + n)}, a sender writes each row with
 *   plain stores and then stores {@code published[slot] = position} with release. The NIC loads
 *   {@code published[slot]} with acquire and reads the row only if it equals its head position:
 *   every plain write of the row happens-before the NIC's reads (release/acquire on the same
 *   element). Positions never repeat, so a stale ready mark from an earlier lap never matches.</li>
 *   <li><b>Hand-back.</b> The NIC stores {@code CONSUMED} with release after it has read a row;
 *   an owner that finds the ring full loads it with acquire before overwriting slots below it,
 *   so a slot is never rewritten while the NIC reads it.</li>
 *   <li><b>Tickets.</b> The next policy's group ticket is one atomic {@code getAndIncrement}: the
 *   only word every sender of a group writes. It fixes the assignment order, which the NIC
 *   reproduces by following the cursor and the indicators.</li>
 * </ul>
 *
 * <h2>Access-mode names used in comments</h2>
 * <i>plain</i> (ordinary field or array access, or {@code VarHandle.get/set}), <i>opaque</i>,
 * <i>release/acquire</i> ({@code setRelease}/{@code getAcquire}), <i>volatile</i> (including CAS).
 * Every line where the mode matters says why it suffices.
 *
 * <h2>Waiting</h2>
 * A waiting sender spins briefly and then yields ({@code Backoff}): on the 2-core machines this
 * suite targets, two senders and the NIC are three busy threads, and a pure spinner would take
 * the core that the thread it waits for needs.
 */
package dev.txorder.driver;
