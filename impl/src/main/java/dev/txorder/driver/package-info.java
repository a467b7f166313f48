/**
 * The send path: descriptor rings, the patent's multi-queue driver and the single-lock prior art.
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li><b>Threads.</b> Any number of sender threads call {@link dev.txorder.driver.SendPath#send}
 *   at once. Exactly one thread at a time is the NIC: it alone calls the {@code head*} readers and
 *   {@link dev.txorder.driver.TxRing#advance()} and {@link dev.txorder.driver.TxRing#handBack()}
 *   of every ring.</li>
 *   <li><b>Ownership of a queue.</b> The positions of a ring are claimed by one owner at a time:
 *   under the next policy the holder of its group's assignment lock (the low bit of {@code ASSIGN}
 *   in {@code TxDriver}), which takes the group ticket and reserves in the ticket's queue as one step;
 *   under the hash policy and in the prior art the holder of the ring's own {@code LOCK}. Only the
 *   owner reads and writes {@code TAIL}, {@code CACHED} and the statistics with plain accesses
 *   (the next policy's ticket shares the word of the assignment lock: the release that unlocks
 *   also publishes the next ticket); ownership passes by a release store
 *   ({@code unlockAssign}, {@code unlock}) and a CAS ({@code lockAssign}, {@code lock}), so each
 *   owner sees its predecessor's writes. Filling the claimed positions happens after the lock is
 *   released, so senders fill different queues of a group at the same time.</li>
 *   <li><b>Descriptors.</b> After claiming {@code [pos, pos + n)}, a sender writes each row with
 *   plain stores and then stores the row's {@code published} word = position with release. The NIC loads
 *   that word with acquire and reads the row only if it equals its head position:
 *   every plain write of the row happens-before the NIC's reads (release/acquire on the same
 *   element). Positions never repeat, so a stale ready mark from an earlier lap never matches.</li>
 *   <li><b>Hand-back.</b> The NIC stores {@code CONSUMED} with release after it has read a run of
 *   rows (at the end of each scheduling decision, see {@code SimulatedNic});
 *   an owner that finds the ring full loads it with acquire before overwriting slots below it,
 *   so a slot is never rewritten while the NIC reads it.</li>
 *   <li><b>Tickets.</b> The next policy's group ticket is taken under the assignment lock, together
 *   with the reservation: ticket order is therefore reservation order in every queue, the order the
 *   NIC reproduces by following the cursor and the indicators. (The mutants M1 and M5 take the
 *   ticket alone, with one atomic {@code getAndAdd}, and reserve afterwards.) The lock is
 *   test-and-set, not FIFO: a FIFO hand-off (a per-queue turn) makes every later ticket wait for a
 *   descheduled sender whose turn it is, which on 2 cores with 3 busy threads cost ~50x throughput
 *   ({@code bench/README.md}).</li>
 * </ul>
 *
 * <h2>Trace lock (recording only)</h2>
 * A trace run ({@code dev.txorder.trace.TraceRun}) builds the driver and the NIC with one
 * {@link dev.txorder.trace.ActionLog}; its monitor is the trace lock. Each recorded action's memory
 * effect and the append of its event happen in one {@code synchronized (log)} block: a descriptor's
 * publication ({@code Write}), a failed sender's no-op stores, all of them ({@code Fail}), the ticket
 * of M1/M5 ({@code Assign}), M5's unlocked read and store of {@code TAIL} ({@code ReadTail},
 * {@code Reserve}); and the NIC holds it for the whole of each scheduling decision. Effects that no
 * other thread can see yet are appended at a point where they are still private: the next policy's
 * ticket and reservation ({@code AssignReserve}) before the assignment lock is released, a hash or
 * M1 reservation before the queue lock is released. So every thread observes the actions in the
 * order of their appends, and that order is a linearization of the run. The lock is never held
 * across a wait (ring full, a lock spin, a probe's park): the wait runs outside, then the effect and
 * its append run under it. It serializes every publication with the NIC and so perturbs timing
 * (and hides M8, whose plain ready mark the monitor orders), but only when recording: with no log,
 * the default, each recorded step costs one null check of a final field, no allocation, no atomic.
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
