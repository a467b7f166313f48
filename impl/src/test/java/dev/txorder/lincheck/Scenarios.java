package dev.txorder.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * The scenarios Lincheck model-checks, shaped like the TLA+ model: two sender threads that only
 * send, one adapter thread that only transmits, and a post part that drains what is left (plus
 * one more transmit, which must find the FIFO empty).
 *
 * <p>Lincheck's random generator would also put sends into the adapter's thread and into the
 * sequential init and post parts. A send blocks while its ring is full, and Lincheck reports any
 * run in which a thread never finishes as a hang, so a blocking send must always have a transmit
 * left to wait for. Two shapes guarantee that:
 * <ul>
 *   <li>{@code free}: the parallel sends fit in the free ring space (each queue can end exactly
 *       full, never over), so no send waits, whatever the schedule;</li>
 *   <li>{@code prefilled}: the init part fills every ring to within one request of full, the two
 *       parallel sends must wait for the adapter, and the adapter's parallel transmits consume
 *       init packets, which are already ready, before any of them can come up empty.</li>
 * </ul>
 * Ids are unique per scenario; the seed is fixed, so a failure replays.
 */
final class Scenarios {
    private static final long SEED = 20030058878L;

    private Scenarios() {
    }

    /**
     * {@code next} group, {@link NextGroupUnderTest}: 2 queues, rings of 4 holding 3 warm-up
     * positions each. Free: 2 sends per sender (tickets alternate, so at most 2 requests and 4
     * packets per queue), 2..3 parallel transmits. Prefilled: init 2+2+1+1 packets (3 per queue),
     * then one 2-packet send per sender, which waits for 1 descriptor of its queue, and 4 transmits.
     */
    static List<ExecutionScenario> nextGroup(int free, int prefilled) {
        Method send = method(NextGroupUnderTest.class, "send", long.class, int.class);
        Method transmit = method(NextGroupUnderTest.class, "transmit");
        Random random = new Random(SEED);
        List<ExecutionScenario> out = new ArrayList<>();
        for (int s = 0; s < free; s++) {
            long id = 1;
            int packets = 0;
            List<List<Actor>> parallel = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Actor> sender = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int n = 1 + random.nextInt(2);
                    packets += n;
                    sender.add(new Actor(send, List.of(id++, n)));
                }
                parallel.add(sender);
            }
            int transmits = 2 + random.nextInt(2);
            parallel.add(repeat(transmit, transmits));
            out.add(new ExecutionScenario(List.of(), parallel, repeat(transmit, packets + 1), null));
        }
        for (int s = 0; s < prefilled; s++) {
            out.add(nextGroupPrefilled(4));
        }
        return out;
    }

    /**
     * The prefilled {@code next} scenario with {@code transmits} parallel transmits. The sender of
     * queue 1 can go on only after the adapter's third transmit (the cursor takes both packets of
     * request 1 in queue 0 first), so with fewer than 3 the run must hang: that is how a test shows
     * that this shape really makes a sender wait for ring space.
     */
    static ExecutionScenario nextGroupPrefilled(int transmits) {
        Method send = method(NextGroupUnderTest.class, "send", long.class, int.class);
        Method transmit = method(NextGroupUnderTest.class, "transmit");
        List<Actor> init = List.of(
                new Actor(send, List.of(1L, 2)), new Actor(send, List.of(2L, 2)),
                new Actor(send, List.of(3L, 1)), new Actor(send, List.of(4L, 1)));
        List<List<Actor>> parallel = List.of(
                List.of(new Actor(send, List.of(5L, 2))),
                List.of(new Actor(send, List.of(6L, 2))),
                repeat(transmit, transmits));
        return new ExecutionScenario(init, parallel, repeat(transmit, 10 - transmits + 1), null);
    }

    /**
     * {@code hash} group, {@link HashGroupUnderTest}: 2 queues, rings of 2 holding 1 warm-up
     * position each. Free: 2 one-packet sends per sender, two to each flow in a random placement
     * (so both senders sometimes share a queue), 2..3 parallel transmits. Prefilled: init fills
     * both rings (flows 0, 1, 0, 1), then one send per sender to a random flow, and 4 transmits,
     * which are enough for the adapter's round robin to empty both rings.
     */
    static List<ExecutionScenario> hashGroup(int free, int prefilled) {
        Method send = method(HashGroupUnderTest.class, "send", long.class, int.class);
        Method transmit = method(HashGroupUnderTest.class, "transmit");
        Random random = new Random(SEED);
        List<ExecutionScenario> out = new ArrayList<>();
        for (int s = 0; s < free; s++) {
            List<Integer> flows = new ArrayList<>(List.of(0, 0, 1, 1));
            Collections.shuffle(flows, random);
            long id = 1;
            List<List<Actor>> parallel = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Actor> sender = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    sender.add(new Actor(send, List.of(id, flows.get((int) id - 1))));
                    id++;
                }
                parallel.add(sender);
            }
            parallel.add(repeat(transmit, 2 + random.nextInt(2)));
            out.add(new ExecutionScenario(List.of(), parallel, repeat(transmit, 4 + 1), null));
        }
        for (int s = 0; s < prefilled; s++) {
            List<Actor> init = List.of(
                    new Actor(send, List.of(1L, 0)), new Actor(send, List.of(2L, 1)),
                    new Actor(send, List.of(3L, 0)), new Actor(send, List.of(4L, 1)));
            List<List<Actor>> parallel = List.of(
                    List.of(new Actor(send, List.of(5L, random.nextInt(2)))),
                    List.of(new Actor(send, List.of(6L, random.nextInt(2)))),
                    repeat(transmit, 4));
            out.add(new ExecutionScenario(init, parallel, repeat(transmit, 2 + 1), null));
        }
        return out;
    }

    private static List<Actor> repeat(Method transmit, int times) {
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            actors.add(new Actor(transmit, List.of()));
        }
        return actors;
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no operation " + name, e);
        }
    }
}
