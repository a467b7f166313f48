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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every input parser, fed mutations of valid inputs at volume (no coverage-guided fuzzer is used:
 * Jazzer's JUnit integration fuzzes only with an environment switch and one test per run; mutating
 * valid inputs reaches the same error paths here, deterministically from a fixed seed). Each input
 * must either parse, or be refused with an {@link InvalidInputException} that names a field and
 * says what is wrong on one line: never another exception, never a stack trace for the user.
 */
class InputFuzzTest {
    private static final long SEED = 20261204L;
    private static final int INPUTS = 20_000;
    /** What mutations splice in: CSV's and the parsers' own punctuation, and text that breaks naive code. */
    private static final List<String> SPLICES = List.of(",", "\"", "\n", "\r\n", "-", "x", "@", ":", "0", "9",
            "99999999999999999999", "-1", " ", "\t", "#", "\uFEFF", "é", "\u0000", ",,", "\"\"", "mqprio:", "wrr:",
            "num_tc", "map", "queues", "1@0", "0-7", "x4", "ff:ff:ff:ff:ff:ff", "r1", "NEXT", "CURRENT");

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

    /** A valid input with one to three mutations: a character dropped, doubled, replaced, or a splice inserted. */
    private static String mutate(String valid, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(valid);
        for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
            int at = s.isEmpty() ? 0 : rnd.nextInt(s.length() + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> {
                    if (at < s.length()) {
                        s.insert(at, s.charAt(at));
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                    }
                }
                default -> s.insert(at, SPLICES.get(rnd.nextInt(SPLICES.size())));
            }
        }
        return s.toString();
    }

    /** Feeds {@code INPUTS} mutations of each seed to {@code parser}; @return how many were refused. */
    private static int fuzz(String name, List<String> seeds, Consumer<String> parser) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ name.hashCode());
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = mutate(seeds.get(i % seeds.size()), rnd);
            try {
                parser.accept(input);
            } catch (InvalidInputException e) {
                refused++;
                assertThat(e.field()).as("the field, for %s", show(input)).isNotBlank();
                assertThat(e.getMessage()).as("one line, for %s", show(input)).doesNotContain("\n")
                        .startsWith(e.field() + ": ");
            } catch (RuntimeException e) {
                throw new AssertionError(name + " threw " + e + " instead of refusing the input " + show(input), e);
            }
        }
        System.out.printf("%s: %d inputs tried, %d refused as bad input, %d accepted%n", name, INPUTS, refused,
                INPUTS - refused);
        return refused;
    }

    private static String show(String input) {
        return "'" + input.replace("\n", "\\n").replace("\r", "\\r") + "'";
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
