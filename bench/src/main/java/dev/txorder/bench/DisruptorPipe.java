package dev.txorder.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * The LMAX Disruptor 4.0.0 as engineers use it for many producers and one consumer: a
 * multi-producer ring of preallocated {@link Descriptor}s, one {@code BatchEventProcessor} thread
 * with the {@link YieldingWaitStrategy} (spin, then yield: the fitting strategy for 3 busy threads
 * on 2 cores). A request claims all its packets at once ({@code next(n)}, one CAS) and publishes
 * them as one range, so an array stays contiguous. A producer that finds the ring full parks
 * ({@code LockSupport.parkNanos(1)} inside the Disruptor); the Disruptor does not count those waits.
 */
final class DisruptorPipe implements Pipe {
    private final Disruptor<Descriptor> disruptor;
    private final RingBuffer<Descriptor> ring;
    private final Fill fill;

    /** The consumer: a {@link Tally}, like {@link CountingWire}. */
    private static final class Counter implements EventHandler<Descriptor> {
        final Tally tally = new Tally();

        @Override
        public void onEvent(Descriptor d, long sequence, boolean endOfBatch) {
            tally.add(d.request, d.packet);
        }
    }

    DisruptorPipe(int capacity, Fill fill) {
        this.fill = fill;
        disruptor = new Disruptor<>(Descriptor::new, capacity, r -> {
            Thread t = new Thread(r, "disruptor-consumer");
            t.setDaemon(true);
            return t;
        }, ProducerType.MULTI, new YieldingWaitStrategy());
        disruptor.handleEventsWith(new Counter());
        ring = disruptor.start();
    }

    @Override
    public void send(Sender sender) {
        sender.nextRequest();
        int n = sender.packetsPerRequest;
        long hi = ring.next(n);
        long lo = hi - n + 1;
        for (long seq = lo; seq <= hi; seq++) {
            fill.work();
            ring.get(seq).set(sender.request.id, (int) (seq - lo) + 1, Sender.PRIORITY, sender.request.dstMac);
        }
        ring.publish(lo, hi);
    }

    @Override
    public void close() {
        disruptor.halt();
    }
}
