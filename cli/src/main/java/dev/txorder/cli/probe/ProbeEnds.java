package dev.txorder.cli.probe;

import dev.txorder.Indicator;
import dev.txorder.io.PcapFile;
import dev.txorder.io.TxTag;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The two ends of {@code txorder probe linux}, each run in its own JVM inside its network namespace
 * ({@code ip netns exec NS java ... ProbeEnds send|receive ...}): a process cannot move its threads
 * into another namespace from Java, so each end is a child process.
 *
 * <p>Every datagram's payload is a {@link TxTag}: the flow is the tag's sender and flow, the flow's
 * own sequence number its {@code sender_seq}, so the audit judges each flow's order as a sender's.
 *
 * <ul>
 *   <li>{@code receive PORT EXPECTED IDLE_MS OUT.pcap}: takes datagrams until EXPECTED arrived or none
 *       came for IDLE_MS after the first, and writes each as a tagged frame, in arrival order, to a pcap
 *       file; prints {@code received N}.</li>
 *   <li>{@code send DST PORT FLOWS PACKETS THREADS PPS hashed|alternate}: {@code hashed}, THREADS
 *       threads, flow f sent by thread f mod THREADS from its own socket (source port 40000 + f), so
 *       that the kernel's flow hash spreads flows over queues; {@code alternate}, one flow from one
 *       unconnected socket, its packets sent in turn by THREADS threads each pinned to cpu i (taskset on
 *       the thread's own id), so that XPS puts them on different queues. At most PPS packets per second
 *       in all. Prints {@code sent F N} per flow.</li>
 * </ul>
 */
public final class ProbeEnds {
    static final int SOURCE_PORT_BASE = 40000;

    private ProbeEnds() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        switch (args[0]) {
            case "receive" -> receive(Integer.parseInt(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Path.of(args[4]), out);
            case "send" -> send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    Integer.parseInt(args[5]), Long.parseLong(args[6]), args[7].equals("alternate"), out);
            default -> throw new IllegalArgumentException("unknown end " + args[0]);
        }
        out.flush();
    }

    static void receive(int port, long expected, long idleMillis, Path pcap, PrintStream out) throws IOException {
        // The loop only copies each datagram's time and tag to a buffered file; the pcap is written after,
        // so that the receiver keeps up (a full socket buffer drops datagrams: RcvbufErrors).
        Path raw = pcap.resolveSibling(pcap.getFileName() + ".raw");
        long received = 0;
        try (DatagramSocket socket = new DatagramSocket(null);
             DataOutputStream log = new DataOutputStream(new BufferedOutputStream(
                     Files.newOutputStream(raw), 1 << 20))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.bind(new InetSocketAddress(port));
            socket.setSoTimeout(30_000); // the first datagram
            out.println("ready");
            out.flush();
            byte[] buf = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            long start = System.nanoTime();
            while (received < expected) {
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break; // nothing for the idle time: the rest is lost
                }
                if (received == 0) {
                    socket.setSoTimeout((int) idleMillis);
                }
                if (packet.getLength() >= TxTag.LENGTH && TxTag.isTag(buf, 0, packet.getLength())) {
                    log.writeLong(System.nanoTime() - start);
                    log.write(buf, 0, TxTag.LENGTH);
                    received++;
                }
            }
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(raw)));
             PcapFile.Writer w = new PcapFile.Writer(pcap)) {
            byte[] tag = new byte[TxTag.LENGTH];
            for (long i = 0; i < received; i++) {
                long t = in.readLong();
                in.readFully(tag);
                w.write(t, 0, TxTag.read(tag, 0, TxTag.LENGTH, "datagram " + (i + 1)));
            }
        }
        Files.delete(raw);
        out.println("received " + received);
    }

    static void send(String dst, int port, int flows, long packets, int threads, long pps, boolean alternate,
                     PrintStream out) throws Exception {
        InetSocketAddress target = new InetSocketAddress(dst, port);
        long[] sent = new long[flows];
        long start = System.nanoTime();
        // Packet i (over all threads) may leave at start + i / pps: each thread paces itself by the shared count.
        AtomicLong total = new AtomicLong();
        Thread[] ts = new Thread[threads];
        if (alternate) {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.bind(new InetSocketAddress(SOURCE_PORT_BASE));
            AtomicLong turn = new AtomicLong();
            for (int t = 0; t < threads; t++) {
                int me = t;
                ts[t] = new Thread(() -> {
                    pin(me);
                    ByteBuffer buf = ByteBuffer.allocate(TxTag.LENGTH);
                    for (long seq = me; seq < packets; seq += threads) {
                        while (turn.get() != seq) {
                            Thread.onSpinWait();
                        }
                        pace(start, total.getAndIncrement(), pps);
                        write(buf, 0, seq, seq);
                        try {
                            ch.send(buf, target);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        turn.set(seq + 1);
                    }
                }, "txo-send-" + t);
            }
            for (Thread t : ts) {
                t.start();
            }
            for (Thread t : ts) {
                t.join();
            }
            ch.close();
            sent[0] = packets;
        } else {
            for (int t = 0; t < threads; t++) {
                int me = t;
                ts[t] = new Thread(() -> {
                    try {
                        sendFlows(me, threads, flows, packets, target, start, total, pps, sent);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "txo-send-" + t);
            }
            for (Thread t : ts) {
                t.start();
            }
            for (Thread t : ts) {
                t.join();
            }
        }
        for (int f = 0; f < flows; f++) {
            out.println("sent " + f + " " + sent[f]);
        }
    }

    /** Thread {@code me}'s flows, in turn, one packet each, until the flows' share of {@code packets} is sent. */
    private static void sendFlows(int me, int threads, int flows, long packets, InetSocketAddress target, long start,
                                  AtomicLong total, long pps, long[] sent) throws IOException {
        int mine = 0;
        for (int f = me; f < flows; f += threads) {
            mine++;
        }
        if (mine == 0) {
            return;
        }
        DatagramChannel[] ch = new DatagramChannel[mine];
        int[] flow = new int[mine];
        long[] quota = new long[mine];
        for (int i = 0, f = me; f < flows; f += threads, i++) {
            ch[i] = DatagramChannel.open(StandardProtocolFamily.INET);
            ch[i].bind(new InetSocketAddress(SOURCE_PORT_BASE + f));
            flow[i] = f;
            quota[i] = packets / flows + (f < packets % flows ? 1 : 0);
        }
        ByteBuffer buf = ByteBuffer.allocate(TxTag.LENGTH);
        boolean more = true;
        while (more) {
            more = false;
            for (int i = 0; i < mine; i++) {
                long seq = sent[flow[i]];
                if (seq < quota[i]) {
                    long index = total.getAndIncrement();
                    pace(start, index, pps);
                    write(buf, flow[i], seq, index);
                    ch[i].send(buf, target);
                    sent[flow[i]] = seq + 1;
                    more = true;
                }
            }
        }
        for (DatagramChannel c : ch) {
            c.close();
        }
    }

    /**
     * The tag of packet {@code seq} of {@code flow}: a request of one packet, the flow as its sender;
     * {@code index} is its place among all packets sent (the tag's wire_seq).
     */
    private static void write(ByteBuffer buf, int flow, long seq, long index) {
        new TxTag(((long) flow << 32) | seq, 1, 1, flow, 0, -1, -1, Indicator.NONE, flow, seq, index).write(buf.array(), 0);
        buf.clear();
    }

    private static void pace(long start, long index, long pps) {
        long due = start + index * 1_000_000_000L / pps;
        long wait = due - System.nanoTime();
        if (wait > 50_000) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Pins the calling thread to cpu {@code cpu} with taskset on its own thread id. */
    private static void pin(int cpu) {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // PID/task/TID
            String tid = self.substring(self.lastIndexOf('/') + 1);
            Process p = new ProcessBuilder("taskset", "-p", "-c", Integer.toString(cpu), tid).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("taskset -p -c " + cpu + " " + tid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
