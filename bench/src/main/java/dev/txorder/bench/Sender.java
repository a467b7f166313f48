package dev.txorder.bench;

import dev.txorder.TxRequest;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One sender thread (one CPU calling {@code send}): its reusable request, its descriptor pool for
 * the peer queues, and the counters JMH reports next to the request rate.
 *
 * <p>Every sender sends to priority {@value #PRIORITY} (group 1 of the two-group layout), so all
 * senders compete for one group: the case the patent is about. Sender i uses destination MAC i,
 * so under {@code hash} sender i's flow lands in queue {@code i mod k}.
 *
 * <p>Counters ({@link AuxCounters.Type#EVENTS}: counts over the whole iteration, JMH's ramp-up
 * and ramp-down included, summed over the senders, so they are only meaningful as ratios of each
 * other): {@code packets} sent; {@code waits}, the wait iterations (spins, yields, assignment- and
 * queue-lock waits, ring-full waits); {@code fullWaits}, the part of them spent waiting for ring
 * space (so {@code waits - fullWaits} are the lock waits); {@code ringFull}, the requests that found
 * their ring full; {@code lockWaitNanos}, how long senders waited for a lock or the assignment step
 * (txorder only: iterations count how often a waiter looked, but one yield can last a time slice);
 * {@code nicIdle}, {@code nicOrderWaits} and {@code nicIdleNanos}, the NIC's decisions that found
 * nothing ready, those of them where it waited for order, and its idle time (txorder only).
 * The txorder implementations count waits in the rings' shared statistics: one sender (thread 0)
 * reports the whole iteration's difference, the others report 0. JCTools counts its failed offers
 * per sender. The Disruptor and ArrayBlockingQueue do not expose their waits: 0 there means "not
 * measured", and {@code txorder bench} prints n/a.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Sender {
    static final int PRIORITY = 4;

    public long packets;
    public long waits;
    public long fullWaits;
    public long ringFull;
    public long lockWaitNanos;
    public long nicIdle;
    public long nicOrderWaits;
    public long nicIdleNanos;

    final TxRequest request = new TxRequest();
    final JctoolsPipe.Batch batch = new JctoolsPipe.Batch();
    int index;
    int packetsPerRequest;
    /** Counted by a pipe that sees its waits per sender (JCTools' failed offers). */
    long localWaits;
    long localFullWaits;
    long localRingFull;

    private Descriptor[] pool;
    private int poolNext;

    private boolean reporter;
    private long waitsAtStart;
    private long fullWaitsAtStart;
    private long ringFullAtStart;
    private long lockWaitNanosAtStart;
    private long nicIdleAtStart;
    private long nicOrderWaitsAtStart;
    private long nicIdleNanosAtStart;

    @Setup(Level.Trial)
    public void open(UnderTest bench, ThreadParams thread) {
        index = thread.getThreadIndex();
        reporter = index == 0;
        packetsPerRequest = bench.array;
        request.set(0, index, PRIORITY, index, index, bench.array);
        // Reusing descriptor d is safe once the consumer has taken the element after d: it reads d
        // before that, and the take releases the slot the sender must acquire to enqueue more. After
        // d, this sender enqueues pool.length - 1 = capacity + 1 more before it reuses d, and the
        // last of those only fits if the consumer has taken at least the element after d.
        pool = new Descriptor[bench.capacity + 2];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Descriptor();
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(UnderTest bench) {
        packets = 0;
        waits = 0;
        fullWaits = 0;
        ringFull = 0;
        lockWaitNanos = 0;
        nicIdle = 0;
        nicOrderWaits = 0;
        nicIdleNanos = 0;
        localWaits = 0;
        localFullWaits = 0;
        localRingFull = 0;
        if (reporter) {
            waitsAtStart = bench.pipe.waits();
            fullWaitsAtStart = bench.pipe.ringFullWaits();
            ringFullAtStart = bench.pipe.ringFullEvents();
            lockWaitNanosAtStart = bench.pipe.lockWaitNanos();
            nicIdleAtStart = bench.pipe.nicIdleSteps();
            nicOrderWaitsAtStart = bench.pipe.nicOrderWaits();
            nicIdleNanosAtStart = bench.pipe.nicIdleNanos();
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration(UnderTest bench) {
        waits = localWaits;
        fullWaits = localFullWaits;
        ringFull = localRingFull;
        if (reporter) {
            waits += bench.pipe.waits() - waitsAtStart;
            fullWaits += bench.pipe.ringFullWaits() - fullWaitsAtStart;
            ringFull += bench.pipe.ringFullEvents() - ringFullAtStart;
            lockWaitNanos = bench.pipe.lockWaitNanos() - lockWaitNanosAtStart;
            nicIdle = bench.pipe.nicIdleSteps() - nicIdleAtStart;
            nicOrderWaits = bench.pipe.nicOrderWaits() - nicOrderWaitsAtStart;
            nicIdleNanos = bench.pipe.nicIdleNanos() - nicIdleNanosAtStart;
        }
    }

    /** Starts the next request: a new id, same destination, {@code packetsPerRequest} packets. */
    TxRequest nextRequest() {
        request.id++;
        packets += packetsPerRequest;
        return request;
    }

    /** The next pooled descriptor, filled with packet {@code packet} of the current request. */
    Descriptor descriptor(int packet) {
        Descriptor d = pool[poolNext];
        poolNext = poolNext + 1 == pool.length ? 0 : poolNext + 1;
        d.set(request.id, packet, PRIORITY, request.dstMac);
        return d;
    }
}
