package dev.txorder.bench;

import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;

/**
 * JCTools 4.0.5 {@link MpscArrayQueue}: a lock-free multi-producer single-consumer array queue
 * of references. Senders offer descriptors from their own pool (see {@link Sender}); a request of
 * n > 1 packets uses the batch {@code fill} (one CAS claims up to n slots) until every packet is
 * in, so an array stays contiguous unless the queue is nearly full. A failed offer is a ring-full
 * event; the sender then spins briefly and yields, as txorder's senders do. The consumer drains in
 * batches on its own thread and idles like the {@link dev.txorder.nic.SimulatedNic}.
 */
final class JctoolsPipe implements Pipe {
    private final MpscArrayQueue<Descriptor> queue;
    private final Consumer consumer = new Consumer();
    private final Thread thread;
    private final Fill fill;
    private volatile boolean stop;

    /** A {@link Tally}, like {@link CountingWire}. */
    private static final class Consumer implements MessagePassingQueue.Consumer<Descriptor> {
        final Tally tally = new Tally();

        @Override
        public void accept(Descriptor d) {
            tally.add(d.request, d.packet);
        }
    }

    JctoolsPipe(int capacity, Fill fill) {
        this.fill = fill;
        queue = new MpscArrayQueue<>(capacity);
        thread = new Thread(this::drainLoop, "jctools-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void drainLoop() {
        int idle = 0;
        while (!stop) {
            if (queue.drain(consumer, 256) > 0) {
                idle = 0;
            } else {
                idle(idle++);
            }
        }
    }

    private static void idle(int iteration) {
        if (iteration < 64) {
            Thread.onSpinWait();
        } else if (iteration < 1024) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(50_000);
        }
    }

    private static void backoff(int iteration) {
        if (iteration < 64) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Override
    public void send(Sender sender) {
        sender.nextRequest();
        int n = sender.packetsPerRequest;
        // The fill of every packet before its offer (JCTools has no claim to fill under).
        for (int p = 0; p < n; p++) {
            fill.work();
        }
        if (n == 1) {
            Descriptor d = sender.descriptor(1);
            int i = 0;
            while (!queue.offer(d)) {
                backoff(i++);
            }
            count(sender, i);
            return;
        }
        sender.batch.start(sender);
        int i = 0;
        while (sender.batch.remaining() > 0) {
            if (queue.fill(sender.batch, sender.batch.remaining()) == 0) {
                backoff(i++);
            }
        }
        count(sender, i);
    }

    private static void count(Sender sender, int waits) {
        if (waits > 0) {
            sender.localRingFull++;
            sender.localWaits += waits;
            // A failed offer only ever means a full queue: JCTools has no lock to wait for.
            sender.localFullWaits += waits;
        }
    }

    /** Supplies the packets of one request to {@code fill}; one per sender, reused. */
    static final class Batch implements MessagePassingQueue.Supplier<Descriptor> {
        private Sender sender;
        private int next;

        void start(Sender s) {
            sender = s;
            next = 1;
        }

        int remaining() {
            return sender.packetsPerRequest - next + 1;
        }

        @Override
        public Descriptor get() {
            return sender.descriptor(next++);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }
}
