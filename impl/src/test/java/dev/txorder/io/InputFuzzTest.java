package dev.txorder.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.trace.TraceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every input parser, fed mutations of valid inputs at volume ({@link Fuzzer}). Each input must
 * either parse, or be refused with an {@link InvalidInputException} that names a field and says what
 * is wrong on one line: never another exception, never a stack trace for the user.
 */
class InputFuzzTest {
    private static final String REQUESTS = """
            request,cpu,priority,dst_mac,packets,flow
            1,0,1,00:00:5e:00:53:01,2,7
            r2,1,0,00:00:5e:00:53:02,1,
            3,0,1,00:00:5e:00:53:03,3,9
            """;
    private static final String WIRE = """
            seq,request,packet,priority,group,queue,indicator,dst_mac
            0,1,1,1,1,0,CURRENT,00:00:5e:00:53:01
            1,1,2,1,1,0,NEXT,00:00:5e:00:53:01
            2,2,1,0,0,0,NEXT,00:00:5e:00:53:02
            """;

    /** A refusal names its field and says what is wrong on one line, after the field's name. */
    private static final Fuzzer.Refusal NAMES_THE_FIELD = e -> !(e instanceof InvalidInputException i) ? "not refused as bad input"
            : i.field() == null || i.field().isBlank() ? "no field named"
            : i.getMessage().contains("\n") ? "a message not on one line"
            : !i.getMessage().startsWith(i.field() + ": ") ? "a message not starting with its field"
            : null;

    private static int fuzz(String name, List<String> seeds, Consumer<String> parser) {
        return Fuzzer.fuzz(name, seeds, parser, NAMES_THE_FIELD);
    }

    @Test
    void shouldRefuseEveryBadLayoutNamingTheField() {
        assertThat(fuzz("layout", List.of("0-3x4,4-7x4", "0x2,1x2", "mqprio:num_tc 2 map 0 0 1 1 queues 2@0 2@2",
                "0-1x1,2-5x4,6-7x2"), Layout::parse)).isPositive();
    }

    @Test
    void shouldRefuseEveryBadSchedulerPolicyKeyAndMutantNamingTheField() {
        assertThat(fuzz("scheduler", List.of("strict", "wrr:1,2", "wrr:3,1,1"), Scheduler::parse)).isPositive();
        assertThat(fuzz("policy", List.of("next", "hash"), AssignmentPolicy::parse)).isPositive();
        assertThat(fuzz("hash-key", List.of("mac", "flow"), HashKey::parse)).isPositive();
        assertThat(fuzz("mutant", List.of("M1", "m3", "M11"), Mutant::parse)).isPositive();
        assertThat(fuzz("dst_mac", List.of("00:00:5e:00:53:01", "AA:bb:CC:dd:EE:ff"),
                s -> TxRequest.parseMac(s, "dst_mac"))).isPositive();
    }

    @Test
    void shouldRefuseEveryBadRequestsFileNamingTheFieldAndLine() {
        assertThat(fuzz("requests file", List.of(REQUESTS), text -> {
            try {
                RequestsFile.read(new StringReader(text), "r.csv", 2, 16);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).isPositive();
    }

    @Test
    void shouldRefuseEveryBadActionLogNamingTheFieldAndLine() {
        String log = String.join("\n",
                "{\"format\":\"txorder-trace/1\",\"layout\":\"0x2,1x2\",\"policy\":\"next\",\"scheduler\":\"strict\","
                        + "\"hash_key\":\"mac\",\"ring_size\":1024,\"cpus\":2,\"mutants\":[]}",
                "{\"seq\":0,\"action\":\"Assign\",\"cpu\":1,\"req\":\"7\",\"flow\":\"99\",\"priority\":1,"
                        + "\"dst_mac\":\"02:00:5e:00:53:0e\",\"packets\":1,\"group\":1,\"queue\":0,\"ticket\":0}",
                "{\"seq\":1,\"action\":\"Write\",\"cpu\":1,\"req\":\"7\",\"packet\":1,\"group\":1,\"queue\":0,"
                        + "\"slot\":10,\"indicator\":\"NEXT\"}") + "\n";
        try {
            TraceFile.read(new StringReader(log), "seed");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(fuzz("action log", List.of(log), text -> {
            try {
                TraceFile.read(new StringReader(text), "run.ndjson");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).isPositive();
    }

    @Test
    void shouldRefuseEveryBadWireFileNamingTheFieldAndLine() throws IOException {
        SendHistory requests = RequestsFile.read(new StringReader(REQUESTS), "r.csv", 2, 16);
        assertThat(fuzz("wire file", List.of(WIRE), text -> {
            try {
                WireFile.read(new BufferedReader(new StringReader(text)), "w.csv", requests, 2);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).isPositive();
    }
}
