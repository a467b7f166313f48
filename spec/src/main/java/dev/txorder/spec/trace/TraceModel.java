package dev.txorder.spec.trace;

import dev.txorder.spec.SpecMutants;
import dev.txorder.InvalidInputException;
import dev.txorder.Scheduler;
import dev.txorder.driver.QueueSelector;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;
import dev.txorder.trace.Action;
import dev.txorder.trace.TraceEvent;
import dev.txorder.trace.TraceHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A recorded action log as a TLC model of {@code TraceTxOrder.tla}: {@code TraceLogData.tla} holds the
 * log as a TLA+ sequence of records, {@code MCTrace.tla} the workload read off its Assign records, and
 * {@code MCTrace.cfg} sets the constants from the log's header.
 *
 * <p>Ids become numbers the spec can compare: request ids are numbered 1, 2, ... in the order of
 * their Assign (or AssignReserve) records, as TxOrder numbers its requests; an id that was never
 * assigned becomes 0, which no spec step accepts, so TLC names its record. Flows become
 * {@code "f1"}, {@code "f2"}, ... The flow key the hash policy hashes is computed from the
 * request's own data (the last octet of its destination MAC, or the SplitMix64 mix of its flow id
 * under {@code hash_key flow}), never from the queue the implementation chose.
 */
public final class TraceModel {
    public static final String NAME = "MCTrace";
    /** The module that defines {@code TraceLog}; the generated one replaces the spec's empty one. */
    public static final String LOG_MODULE = "TraceLogData";
    /**
     * Whether a log can be validated against the spec with {@code specMutant} switched on: the
     * correct spec or any of the spec's mutants but M11, whose fault between ticket and reservation
     * no log record stands for, and M10, a mutant of the ring's rows, which TxOrder does not keep.
     */
    public static boolean validatesAgainst(String specMutant) {
        return specMutant.equals("none") || SpecMutants.inTxOrder(specMutant) && !specMutant.equals("M11");
    }

    private final TraceHeader header;
    private final List<TraceEvent> events;
    private final String specMutant;
    private final Layout layout;
    private final Scheduler scheduler;
    private final Map<String, Integer> requestNumbers = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final List<String> work = new ArrayList<>();
    private final int faults;
    private final Set<Integer> cpus = new TreeSet<>();

    private record Flow(String name, int priority, long key) {
    }

    /**
     * @param specMutant the mutant switched on in the spec ({@code none} for the correct design)
     * @throws InvalidInputException if the header or an Assign record cannot make a model (the field
     *                               named, with what is allowed)
     */
    public TraceModel(TraceHeader header, List<TraceEvent> events, String specMutant) {
        this.header = header;
        this.events = List.copyOf(events);
        if (!validatesAgainst(specMutant)) {
            throw new InvalidInputException("spec-mutant", specMutant + "; allowed: none, M1 .. M7");
        }
        if (Set.of("M1", "M2", "M3").contains(specMutant) && !header.policy().equals("next")
                || Set.of("M4", "M5").contains(specMutant) && !header.policy().equals("hash")) {
            throw new InvalidInputException("spec-mutant", specMutant + " is a mutant of the "
                    + (header.policy().equals("next") ? "hash" : "next") + " policy; this log is " + header.policy());
        }
        this.specMutant = specMutant;
        this.layout = Layout.parse(header.layout());
        this.scheduler = Scheduler.parse(header.scheduler());
        if (!header.policy().equals("next") && !header.policy().equals("hash")) {
            throw new InvalidInputException("policy", header.policy() + "; allowed: next, hash");
        }
        if (header.ringSize() < 1) {
            throw new InvalidInputException("ring_size", header.ringSize() + "; allowed >= 1");
        }
        int failCount = 0;
        for (int c = 0; c < header.cpus(); c++) {
            cpus.add(c);
        }
        for (TraceEvent e : this.events) {
            if (e.cpu() >= 0) {
                cpus.add(e.cpu());
            }
            if (e.action() == Action.ASSIGN || e.action() == Action.ASSIGN_RESERVE) {
                assign(e);
            } else if (e.action() == Action.FAIL) {
                failCount++;
            }
            checkRange(e);
        }
        this.faults = failCount;
    }

    private void assign(TraceEvent e) {
        if (e.packets() < 1 || e.packets() > header.ringSize()) {
            throw new InvalidInputException("packets", "record " + e.seq() + ": " + e.packets()
                    + " packets; allowed 1.." + header.ringSize() + " (the ring size)");
        }
        if (e.priority() < 0 || e.priority() >= layout.priorityCount()) {
            throw new InvalidInputException("priority", "record " + e.seq() + ": " + e.priority()
                    + "; the layout has priorities 0.." + (layout.priorityCount() - 1));
        }
        if (requestNumbers.putIfAbsent(e.req(), requestNumbers.size() + 1) != null) {
            throw new InvalidInputException("req", "record " + e.seq() + ": request " + e.req() + " is assigned twice");
        }
        Flow flow = flows.get(e.flow());
        if (flow == null) {
            flow = new Flow("f" + (flows.size() + 1), e.priority(), flowKey(e));
            flows.put(e.flow(), flow);
        } else if (flow.priority() != e.priority()) {
            throw new InvalidInputException("priority", "record " + e.seq() + ": flow " + e.flow() + " has priority "
                    + e.priority() + " here and " + flow.priority() + " before; a flow has one priority");
        }
        work.add("{[flow |-> \"" + flow.name() + "\", size |-> " + e.packets() + "]}");
    }

    /** The key the hash policy hashes: computed from the request, not from the queue it got. */
    private long flowKey(TraceEvent e) {
        if (!header.policy().equals("hash")) {
            return 0;
        }
        if (header.hashKey().equals("flow")) {
            long flow;
            try {
                flow = Long.parseLong(e.flow());
            } catch (NumberFormatException x) {
                throw new InvalidInputException("flow", "record " + e.seq() + ": '" + e.flow()
                        + "' is not a number; hash_key flow hashes numeric flow ids");
            }
            return QueueSelector.mix(flow, layout.groupOf(e.priority()).queueCount());
        }
        if (e.dstMac() == null || !e.dstMac().matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
            throw new InvalidInputException("dst_mac", "record " + e.seq() + ": '" + e.dstMac()
                    + "'; allowed aa:bb:cc:dd:ee:ff");
        }
        return Integer.parseInt(e.dstMac().substring(15), 16);
    }

    private static void checkRange(TraceEvent e) {
        if (e.slot() > Integer.MAX_VALUE || e.ticket() > Integer.MAX_VALUE) {
            throw new InvalidInputException(e.slot() > Integer.MAX_VALUE ? "slot" : "ticket", "record " + e.seq()
                    + ": beyond TLC's 32-bit integers; allowed up to " + Integer.MAX_VALUE);
        }
    }

    public int events() {
        return events.size();
    }

    public int requests() {
        return requestNumbers.size();
    }

    /** A record as logged, with the spec's number of its request ({@code r1} is the first assigned). */
    public String describe(TraceEvent e) {
        Integer n = e.req() == null ? null : requestNumbers.get(e.req());
        return e + (e.req() == null ? "" : n == null ? " (never assigned)" : " (spec r" + n + ")");
    }

    /** The text of {@code TraceLogData.tla}: the log as a sequence of records. */
    public String logModule() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            log.append(i == 0 ? "    " : ",\n    ").append(record(events.get(i)));
        }
        return String.join("\n",
                "---------------------------- MODULE " + LOG_MODULE + " ----------------------------",
                "(* Generated by txorder trace: " + events.size() + " records. *)",
                "EXTENDS Integers",
                "",
                "TraceLog == <<",
                log.toString(),
                "  >>",
                "=============================================================================",
                "");
    }

    /** The text of {@code MCTrace.tla}, with the register that records how far TLC got. */
    public String module() {
        String queueCount = function(layout.groups().stream().map(g -> g.index() + " :> " + g.queueCount()).toList());
        String groupOf = function(IntStream.range(0, layout.priorityCount())
                .mapToObj(p -> p + " :> " + layout.groupOf(p).index()).toList());
        String keys = flows.isEmpty() ? "[f \\in {} |-> 0]"
                : function(flows.values().stream().map(f -> "\"" + f.name() + "\" :> " + f.key()).toList());
        String priorities = flows.isEmpty() ? "[f \\in {} |-> 0]"
                : function(flows.values().stream().map(f -> "\"" + f.name() + "\" :> " + f.priority()).toList());
        String weights = function(layout.groups().stream().map(QueueGroup::index)
                .map(g -> g + " :> " + (scheduler.kind() == Scheduler.Kind.WRR ? scheduler.weight(g) : 1)).toList());
        return String.join("\n",
                "------------------------------ MODULE " + NAME + " ------------------------------",
                "(* Generated by txorder trace: " + events.size() + " records of a " + header.policy() + " run, "
                        + header.scheduler() + " scheduler, layout " + header.layout() + ", mutants "
                        + (header.mutants().isEmpty() ? "none" : String.join(",", header.mutants()))
                        + "; validated against the spec with mutant " + specMutant + ". *)",
                "EXTENDS TraceTxOrder, Integers, TLC",
                "",
                "MCQueueCount   == " + queueCount,
                "MCGroupOf      == " + groupOf,
                "MCFlowKey      == " + keys,
                "MCFlowPriority == " + priorities,
                "MCWork         == <<" + String.join(", ", work) + ">>",
                "MCWeight       == " + weights,
                "",
                "\\* TLC register 1: the furthest record any behaviour reached (run with one worker).",
                "ASSUME TLCSet(1, 0)",
                "Furthest == IF l > TLCGet(1) THEN TLCSet(1, l) /\\ PrintT(<<\"txorder-trace-furthest\", l>>) ELSE TRUE",
                "",
                "\\* Used to print the spec state in which record K could not be matched.",
                "CONSTANT Unmatched",
                "BeforeUnmatched == l < Unmatched",
                "=============================================================================",
                "");
    }

    /**
     * The text of {@code MCTrace.cfg}. With {@code unmatched} = 0 TLC explores every behaviour and
     * the register {@code Furthest} says how far the best one got (the log is accepted when that is
     * past its last record); with {@code unmatched} = K it stops at the first state that reached
     * record K, to print the behaviour that led there. (Checking {@code LogNotConsumed} as an invariant
     * decides acceptance too, but TLC then prints the whole accepted behaviour: 37,000 lines for
     * 220 records, most of the run's time.)
     */
    public String config(int unmatched) {
        return String.join("\n",
                "\\* Generated by txorder trace.",
                "CONSTANTS",
                "    CPUs = {" + cpus.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "}",
                "    NoCpu = NoCpu",
                "    QueueCount <- MCQueueCount",
                "    GroupOf <- MCGroupOf",
                "    FlowKey <- MCFlowKey",
                "    FlowPriority <- MCFlowPriority",
                "    Work <- MCWork",
                "    Weight <- MCWeight",
                "    Policy = \"" + header.policy() + "\"",
                "    Scheduler = \"" + (scheduler.kind() == Scheduler.Kind.WRR ? "wrr" : "strict") + "\"",
                "    Mutant = \"" + specMutant + "\"",
                "    RingSize = " + header.ringSize(),
                "    MaxFaults = " + faults,
                "    Unmatched = " + unmatched,
                "INIT TraceInit",
                "NEXT TraceNext",
                "CONSTRAINT Furthest",
                "CHECK_DEADLOCK FALSE",
                unmatched == 0 ? "" : "INVARIANT BeforeUnmatched",
                "");
    }

    /** One log record as a TLA+ record with the fields the trace spec reads. */
    private String record(TraceEvent e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", "\"" + e.action().tlaName() + "\"");
        switch (e.action()) {
            case ASSIGN, ASSIGN_RESERVE -> {
                f.put("cpu", e.cpu());
                f.put("req", number(e.req()));
                f.put("group", e.group());
                f.put("queue", e.queue());
                f.put("ticket", e.ticket());
                if (e.action() == Action.ASSIGN_RESERVE) {
                    f.put("slot", e.slot());
                }
            }
            case RESERVE, READ_TAIL -> {
                f.put("cpu", e.cpu());
                f.put("req", number(e.req()));
                f.put("slot", e.slot());
            }
            case WRITE -> {
                f.put("cpu", e.cpu());
                f.put("req", number(e.req()));
                f.put("packet", e.packet());
                f.put("slot", e.slot());
                f.put("indicator", "\"" + (e.indicator() == null ? "?" : e.indicator().name()) + "\"");
            }
            case FAIL -> {
                f.put("cpu", e.cpu());
                f.put("req", number(e.req()));
                f.put("written", e.written());
            }
            case TRANSMIT, PASS_NOOP -> {
                f.put("group", e.group());
                f.put("queue", e.queue());
                f.put("req", number(e.req()));
                f.put("packet", e.packet());
                f.put("slot", e.slot());
            }
            case SKIP_UNWRITTEN -> {
                f.put("group", e.group());
                f.put("queue", e.queue());
            }
            case IDLE -> {
            }
        }
        return f.entrySet().stream().map(x -> x.getKey() + " |-> " + x.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private int number(String req) {
        return requestNumbers.getOrDefault(req, 0);
    }

    private static String function(List<String> pairs) {
        return "(" + String.join(" @@ ", pairs) + ")";
    }
}
