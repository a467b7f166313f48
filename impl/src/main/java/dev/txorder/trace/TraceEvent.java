package dev.txorder.trace;

import dev.txorder.Indicator;

/**
 * One line of the action log after the header: one TLA+ action taken by the driver or the NIC.
 * Which fields an event carries is fixed by its {@link Action} ({@link Action#fields()}); the
 * others are -1 (numbers) or null. Ids ({@code req}, {@code flow}) are kept as the log's strings,
 * so a log of any implementation reads, whatever its ids look like; this one writes the decimal of
 * the Java {@code long}.
 *
 * @param seq       0-based position in the log
 * @param cpu       the sender
 * @param req       request id
 * @param flow      flow id
 * @param priority  the request's priority
 * @param dstMac    {@code aa:bb:cc:dd:ee:ff}
 * @param packets   the request's packet count
 * @param group     queue group
 * @param queue     queue inside the group
 * @param ticket    the group ticket (next; -1 under hash)
 * @param slot      a 64-bit absolute ring position
 * @param packet    1-based packet index inside its request
 * @param indicator the descriptor's indicator
 * @param written   packets published before a fault
 */
public record TraceEvent(long seq, Action action, int cpu, String req, String flow, int priority, String dstMac,
                         int packets, int group, int queue, long ticket, long slot, int packet, Indicator indicator,
                         int written) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(seq).append(' ').append(action.tlaName());
        for (String f : action.fields()) {
            sb.append(' ').append(f).append('=').append(field(f));
        }
        return sb.toString();
    }

    /** The value of log field {@code name} (a number, a string or null). */
    public Object field(String name) {
        return switch (name) {
            case "seq" -> seq;
            case "action" -> action.tlaName();
            case "cpu" -> cpu;
            case "req" -> req;
            case "flow" -> flow;
            case "priority" -> priority;
            case "dst_mac" -> dstMac;
            case "packets" -> packets;
            case "group" -> group;
            case "queue" -> queue;
            case "ticket" -> ticket;
            case "slot" -> slot;
            case "packet" -> packet;
            case "indicator" -> indicator == null ? null : indicator.name();
            case "written" -> written;
            default -> throw new IllegalArgumentException("no field '" + name + "' in txorder-trace/1");
        };
    }
}
