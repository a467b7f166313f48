package dev.txorder.bench;

import org.openjdk.jmh.annotations.Threads;

/**
 * One sender, one consumer: the uncontended send path, the cost of the protocol itself.
 * <pre>
 *   +----------+  send(request of 1 or 8 packets)  +------------------+    +------+
 *   | sender 0 | --------------------------------&gt; | queue(s) of impl | -&gt; | NIC  | -&gt; count
 *   +----------+                                   +------------------+    +------+
 *   JMH thread                                                            own thread
 * </pre>
 */
@Threads(1)
public class OneSenderToNic extends SendBenchmark {
}
