package dev.txorder.bench;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * {@link ArrayBlockingQueue}: the JDK's bounded queue, one {@code ReentrantLock} for both ends.
 * Senders {@code put} each packet (an array's packets may interleave with another sender's), the
 * consumer thread {@code take}s them. Both park when the queue is full or empty; the queue does not
 * count those waits.
 */
final class BlockingQueuePipe implements Pipe {
    private final ArrayBlockingQueue<Descriptor> queue;
    private final Thread thread;
    private final Tally tally = new Tally();
    private final Fill fill;

    BlockingQueuePipe(int capacity, Fill fill) {
        this.fill = fill;
        queue = new ArrayBlockingQueue<>(capacity);
        thread = new Thread(this::drainLoop, "abq-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void drainLoop() {
        try {
            while (true) {
                Descriptor d = queue.take();
                tally.add(d.request, d.packet);
            }
        } catch (InterruptedException stopped) {
            // close(): the benchmark is over.
        }
    }

    @Override
    public void send(Sender sender) {
        sender.nextRequest();
        try {
            for (int p = 1; p <= sender.packetsPerRequest; p++) {
                fill.work();
                queue.put(sender.descriptor(p));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sender interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
