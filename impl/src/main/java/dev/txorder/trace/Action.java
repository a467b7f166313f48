package dev.txorder.trace;

import java.util.List;

/**
 * The TLA+ actions ({@code TxOrder.tla}) an {@link ActionLog} records, each with the fields its
 * event carries in the log, in the order they are written ({@code txorder-trace/1}).
 */
public enum Action {
    /** A request got its queue (hash: its flow key; next: the group's ticket, -1 under hash). */
    ASSIGN("Assign", "cpu", "req", "flow", "priority", "dst_mac", "packets", "group", "queue", "ticket"),
    /** A request claimed its n positions; {@code slot} is the first of them. */
    RESERVE("Reserve", "cpu", "req", "group", "queue", "slot"),
    /**
     * The correct {@code next} path: ticket and reservation as one step under the group's
     * assignment lock. The trace spec expands it into Assign, then Reserve.
     */
    ASSIGN_RESERVE("AssignReserve", "cpu", "req", "flow", "priority", "dst_mac", "packets", "group", "queue",
            "ticket", "slot"),
    /** Mutant M5: the unlocked read of the queue's TAIL. */
    READ_TAIL("ReadTail", "cpu", "req", "group", "queue", "slot"),
    /** One descriptor written and published (its release store). */
    WRITE("Write", "cpu", "req", "packet", "group", "queue", "slot", "indicator"),
    /** The sender failed after reserving; the rest of its positions became no-ops (M6: nothing). */
    FAIL("Fail", "cpu", "req", "group", "queue", "written"),
    /** The NIC put a packet on the wire. */
    TRANSMIT("Transmit", "group", "queue", "req", "packet", "slot"),
    /** The NIC passed a no-op descriptor. */
    PASS_NOOP("PassNoop", "group", "queue", "req", "packet", "slot"),
    /** Mutant M2: the NIC moved its cursor past a queue whose head was not a ready packet. */
    SKIP_UNWRITTEN("SkipUnwritten", "group", "queue"),
    /** A scheduling decision of the NIC found nothing to send. */
    IDLE("Idle");

    private static final Action[] VALUES = values();

    private final String tlaName;
    private final List<String> fields;

    Action(String tlaName, String... fields) {
        this.tlaName = tlaName;
        this.fields = List.of(fields);
    }

    /** The TLA+ action name, as the log writes it. */
    public String tlaName() {
        return tlaName;
    }

    /** The fields of its event besides {@code seq} and {@code action}, in log order. */
    public List<String> fields() {
        return fields;
    }

    /** @return the action named {@code tlaName} exactly, or null */
    public static Action byTlaName(String tlaName) {
        for (Action a : VALUES) {
            if (a.tlaName.equals(tlaName)) {
                return a;
            }
        }
        return null;
    }

    /** The TLA+ names of all actions, for error messages. */
    public static String allowedNames() {
        StringBuilder sb = new StringBuilder();
        for (Action a : VALUES) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.tlaName);
        }
        return sb.toString();
    }
}
