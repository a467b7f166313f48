package dev.txorder.bench;

import org.openjdk.jmh.annotations.Threads;

/**
 * Two senders, one consumer: the contended send path of the patent (several CPUs sending into one
 * priority group at once). On a 2-core machine these are 3 busy threads on 2 cores.
 * <pre>
 *   +----------+
 *   | sender 0 | --+    send(request of 1 or 8 packets)
 *   +----------+   |   +------------------------------+    +------+
 *                  +-&gt; | group 1: k queues (txorder),  | -&gt; | NIC  | -&gt; count
 *   +----------+   |   | one queue (prior art, peers) |    +------+
 *   | sender 1 | --+   +------------------------------+
 *   +----------+
 *   JMH threads                                            own thread
 * </pre>
 */
@Threads(2)
public class TwoSendersToNic extends SendBenchmark {
}
