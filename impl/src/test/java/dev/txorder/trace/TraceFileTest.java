package dev.txorder.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.InvalidInputException;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TraceFile}: the {@code txorder-trace/1} NDJSON, written and read back, and its errors. */
class TraceFileTest {
    private static final TxConfig CONFIG = TxConfig.of(Layout.parse("0x2,1x2"), AssignmentPolicy.NEXT);
    private static final TraceHeader HEADER = TraceHeader.of(CONFIG, 2);
    private static final String HEADER_LINE = "{\"format\":\"txorder-trace/1\",\"layout\":\"0x2,1x2\",\"policy\":\"next\","
            + "\"scheduler\":\"strict\",\"hash_key\":\"mac\",\"ring_size\":1024,\"cpus\":2,\"mutants\":[]}";
    private static final String WRITE_LINE = "{\"seq\":0,\"action\":\"Write\",\"cpu\":1,\"req\":\"7\",\"packet\":1,"
            + "\"group\":0,\"queue\":1,\"slot\":%s,\"indicator\":\"NEXT\"}";

    /** A log with one event of every action, recorded the way the driver and the NIC record. */
    private static List<TraceEvent> everyAction() {
        ActionLog log = new ActionLog();
        TxRequest r = new TxRequest(7, 1, 1, 0x02_00_5e_00_53_0eL, 99, 2);
        synchronized (log) {
            log.assign(1, r, 1, 0, 4);
            log.readTail(1, 7, 1, 0, 10);
            log.reserve(1, 7, 1, 0, 10);
            log.assignReserve(0, r, 1, 1, 5, 3);
            log.write(1, 7, 1, 1, 0, 10, dev.txorder.Indicator.CURRENT);
            log.fail(1, 7, 1, 0, 1);
            log.transmit(1, 0, 7, 1, 10);
            log.passNoop(1, 0, 7, 2, 11);
            log.skipUnwritten(1, 1);
            log.idle();
            log.idle();
        }
        return log.events();
    }

    @Test
    void shouldWriteTheHeaderAndOneLinePerEventWithTheFieldsOfItsAction() throws IOException {
        StringWriter out = new StringWriter();
        TraceFile.write(out, HEADER, everyAction());
        List<String> lines = out.toString().lines().toList();

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo(HEADER_LINE);
        assertThat(lines.get(1)).isEqualTo("{\"seq\":0,\"action\":\"Assign\",\"cpu\":1,\"req\":\"7\",\"flow\":\"99\","
                + "\"priority\":1,\"dst_mac\":\"02:00:5e:00:53:0e\",\"packets\":2,\"group\":1,\"queue\":0,\"ticket\":4}");
        assertThat(lines.get(5)).isEqualTo("{\"seq\":4,\"action\":\"Write\",\"cpu\":1,\"req\":\"7\",\"packet\":1,"
                + "\"group\":1,\"queue\":0,\"slot\":10,\"indicator\":\"CURRENT\"}");
        assertThat(lines.get(6)).isEqualTo("{\"seq\":5,\"action\":\"Fail\",\"cpu\":1,\"req\":\"7\",\"group\":1,"
                + "\"queue\":0,\"written\":1}");
        assertThat(lines.get(9)).isEqualTo("{\"seq\":8,\"action\":\"SkipUnwritten\",\"group\":1,\"queue\":1}");
        assertThat(lines.get(10)).as("one Idle for two idle decisions in a row").isEqualTo("{\"seq\":9,\"action\":\"Idle\"}");
    }

    @Test
    void shouldReadBackExactlyWhatItWrote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.ndjson");
        List<TraceEvent> events = everyAction();
        TraceFile.write(file, HEADER, events);

        TraceFile.Contents back = TraceFile.read(file);

        assertThat(back.header()).isEqualTo(HEADER);
        assertThat(back.events()).isEqualTo(events);
    }

    @Test
    void shouldAcceptAnyNonEmptyTokenAsAnId() throws IOException {
        String text = HEADER_LINE + "\n" + "{\"seq\":0,\"action\":\"Transmit\",\"group\":0,\"queue\":1,"
                + "\"req\":\"r-17/a\",\"packet\":1,\"slot\":0}\n\n";
        TraceFile.Contents c = TraceFile.read(new StringReader(text), "t.ndjson");
        assertThat(c.events()).singleElement().extracting(TraceEvent::req).isEqualTo("r-17/a");
    }

    private static InvalidInputException rejected(String text) {
        try {
            TraceFile.read(new StringReader(text), "t.ndjson");
        } catch (InvalidInputException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void shouldRejectABadFieldNamingItsLineTheFieldAndWhatIsAllowed() {
        InvalidInputException e = rejected(HEADER_LINE + "\n" + WRITE_LINE.formatted("-3") + "\n");
        assertThat(e.field()).isEqualTo("slot");
        assertThat(e.getMessage()).isEqualTo("slot: t.ndjson line 2: -3 is out of range; allowed: a whole number 0.."
                + Long.MAX_VALUE);

        e = rejected(HEADER_LINE + "\n\n" + WRITE_LINE.formatted("\"4\"") + "\n");
        assertThat(e.field()).isEqualTo("slot");
        assertThat(e.getMessage()).contains("line 3", "not a whole number");
    }

    @Test
    void shouldRejectUnknownActionsMissingAndUnknownFieldsAndSeqOutOfOrder() {
        InvalidInputException e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"Send\"}");
        assertThat(e.field()).isEqualTo("action");
        assertThat(e.getMessage()).contains("line 2", "'Send' is not an action", "allowed: Assign, Reserve, AssignReserve");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"SkipUnwritten\",\"group\":0}");
        assertThat(e.field()).isEqualTo("queue");
        assertThat(e.getMessage()).contains("line 2", "missing", "SkipUnwritten events carry seq, action, group, queue");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"Idle\",\"cpu\":0}");
        assertThat(e.field()).isEqualTo("cpu");
        assertThat(e.getMessage()).contains("line 2", "unknown field", "Idle events carry seq, action");

        e = rejected(HEADER_LINE + "\n{\"seq\":1,\"action\":\"Idle\"}");
        assertThat(e.field()).isEqualTo("seq");
        assertThat(e.getMessage()).contains("line 2", "expected 0");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"SkipUnwritten\",\"group\":0,\"queue\":2}");
        assertThat(e.field()).isEqualTo("queue");
        assertThat(e.getMessage()).as("group 0 has two queues").contains("allowed: a whole number 0..1");
    }

    @Test
    void shouldRejectABadHeaderAndLinesThatAreNotJsonObjects() {
        InvalidInputException e = rejected(HEADER_LINE.replace("txorder-trace/1", "txorder-trace/2"));
        assertThat(e.field()).isEqualTo("format");
        assertThat(e.getMessage()).contains("line 1", "allowed: txorder-trace/1");

        e = rejected(HEADER_LINE.replace("\"next\"", "\"nxt\""));
        assertThat(e.field()).isEqualTo("policy");
        assertThat(e.getMessage()).contains("line 1", "allowed: next, hash");

        e = rejected(HEADER_LINE.replace("[]", "[\"M99\"]"));
        assertThat(e.field()).isEqualTo("mutants");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,");
        assertThat(e.field()).isEqualTo("json");
        assertThat(e.getMessage()).contains("line 2", "one JSON object per line");

        e = rejected(HEADER_LINE + "\n[1]");
        assertThat(e.field()).isEqualTo("json");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"Idle\"} {\"seq\":1,\"action\":\"Idle\"}");
        assertThat(e.field()).as("two objects on one line").isEqualTo("json");

        e = rejected(HEADER_LINE + "\n{\"seq\":0,\"action\":\"Idle\",\"action\":\"Idle\"}");
        assertThat(e.field()).as("a duplicate key").isEqualTo("json");

        e = rejected("");
        assertThat(e.field()).isEqualTo("format");
        assertThat(e.getMessage()).contains("no header");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("none.ndjson");
        assertThatThrownBy(() -> TraceFile.read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }
}
