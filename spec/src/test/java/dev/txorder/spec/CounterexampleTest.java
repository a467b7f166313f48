package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterexampleTest {
    private static final String QUEUES = "(0 :> (0 :> <<>>) @@ 1 :> (0 :> <<>> @@ 1 :> <<>>))";
    private static final String CURSOR = "(0 :> 0 @@ 1 :> 1)";

    private static TraceState state(int number, String action, String wire) {
        return new TraceState(number, action, Map.of("queues", QUEUES, "cursor", CURSOR, "wire", wire,
                "pc", "(c1 :> \"idle\")", "reqs", "<<>>"));
    }

    @Test
    void shouldShowEachGroupsWireAndNameThePacketTheTransmitAddedToIt() {
        String table = Counterexample.render(List.of(
                state(1, "Initial predicate", "(0 :> <<>> @@ 1 :> <<>>)"),
                state(2, "Transmit", "(0 :> <<>> @@ 1 :> << <<1, 1>> >>)"),
                state(3, "Transmit", "(0 :> << <<3, 1>> >> @@ 1 :> << <<1, 1>> >>)"),
                state(4, "Transmit", "(0 :> << <<3, 1>> >> @@ 1 :> << <<1, 1>>, <<2, 1>> >>)")));
        List<String> rows = table.lines().toList();
        assertThat(rows.get(2)).contains("Initial predicate").endsWith("| -");
        assertThat(rows.get(3)).contains("| adapter | Transmit r1.1 ").endsWith("| g1: r1.1");
        assertThat(rows.get(4)).contains("Transmit r3.1").endsWith("| g0: r3.1; g1: r1.1");
        assertThat(rows.get(5)).contains("Transmit r2.1").endsWith("| g0: r3.1; g1: r1.1 r2.1");
    }

    @Test
    void shouldSayANoOpWhenTheTransmitPutNothingOnAnyWire() {
        String table = Counterexample.render(List.of(
                state(1, "Initial predicate", "(0 :> << <<3, 1>> >> @@ 1 :> <<>>)"),
                state(2, "Transmit", "(0 :> << <<3, 1>> >> @@ 1 :> <<>>)")));
        assertThat(table.lines().toList().get(3)).contains("Transmit (no-op)").endsWith("| g0: r3.1");
    }
}
