package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the real {@code txorder simulate} command line and checks its exit status, output and files. */
class SimulateCommandTest {

    /** One run of the command: its exit status and what it printed. */
    record Run(int exit, String out, String err) { }

    static Run simulate(String... args) {
        return run("simulate", args);
    }

    /** Runs {@code txorder command args...} on the real command line, capturing what it prints. */
    static Run run(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The repository's {@code examples/} folder, found from the module directory the tests run in. */
    static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/fig4-hash.csv"))) {
                return dir.resolve("examples");
            }
        }
        throw new AssertionError("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    static String example(String name) {
        return examples().resolve(name).toString();
    }

    // ------------------------------------------------------------------ the patent's figures

    @ParameterizedTest(name = "{0} under {1} {2} gives {3}")
    @CsvSource(textBlock = """
            fig4-hash.csv, hash, strict,  fig4-hash.wire.csv
            fig4-hash.csv, hash, 'wrr:1,2', fig4-hash-wrr.wire.csv
            fig7-next.csv, next, strict,  fig7-next.wire.csv
            """)
    void shouldReproduceThePatentFiguresWireByteForByte(String requests, String policy, String scheduler,
                                                          String expectedWire, @TempDir Path dir) throws IOException {
        Path wire = dir.resolve("wire.csv");
        Run r = simulate("--layout", "0x4,1x4", "--policy", policy, "--scheduler", scheduler,
                "--requests-file", example(requests), "--deterministic", "--wire-out", wire.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("verdict: holds");
        assertThat(Files.readAllBytes(wire)).isEqualTo(Files.readAllBytes(examples().resolve(expectedWire)));
    }

    @Test
    void shouldPutFig4sPacketsInTheQueuesThePatentNames() throws IOException {
        // ¶0037-0042: MACs ending 3, E, 3 at high priority -> queues 3, 2, 3 of group 1; 4 at low -> queue 0 of group 0.
        List<String> lines = Files.readAllLines(examples().resolve("fig4-hash.wire.csv"), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "seq,request,packet,priority,group,queue,indicator,dst_mac",
                "0,2,1,1,1,2,-,00:00:5e:00:53:0e",
                "1,1,1,1,1,3,-,00:00:5e:00:53:03",
                "2,3,1,1,1,3,-,00:00:5e:00:53:03",
                "3,4,1,0,0,0,-,00:00:5e:00:53:04");
    }

    // ------------------------------------------------------------------ exit 0: the correct design holds

    @Test
    void shouldPlaceByTheFlowColumnUnderTheFlowHashKey(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("flows.csv");
        // One destination, four flows: the patent's MAC key would put all four in one queue.
        Files.writeString(requests, """
                request,cpu,priority,dst_mac,packets,flow
                0,0,0,00:00:5e:00:53:07,1,100
                1,0,0,00:00:5e:00:53:07,2,101
                2,0,0,00:00:5e:00:53:07,1,102
                3,0,0,00:00:5e:00:53:07,1,
                """, StandardCharsets.UTF_8);
        Path wire = dir.resolve("wire.csv");
        Run r = simulate("--layout", "0x4", "--policy", "hash", "--hash-key", "flow", "--requests-file",
                requests.toString(), "--deterministic", "--wire-out", wire.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("policy      hash, hash key flow");
        List<String> lines = Files.readAllLines(wire, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        long[] flows = {100, 101, 102, 0x00005e005307L};
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int request = Integer.parseInt(f[1]);
            assertThat(Integer.parseInt(f[5])).as(line)
                    .isEqualTo(dev.txorder.driver.QueueSelector.mix(flows[request], 4));
        }
    }


    @Test
    void shouldPrintTheRunAsJson() throws IOException {
        Run r = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", example("fig7-next.csv"),
                "--deterministic", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.at("/configuration/policy").asText()).isEqualTo("next");
        assertThat(json.at("/configuration/mode").asText()).isEqualTo("deterministic");
        assertThat(json.at("/run/packets").asInt()).isEqualTo(6);
        assertThat(json.at("/audit/verdict").asText()).isEqualTo("holds");
        assertThat(json.at("/audit/properties/3/name").asText()).isEqualTo("GroupOrder");
    }

    /** Ids as users write them (r1, req-0007): accepted, and the wire and the audit name them so. */
    @Test
    void shouldAcceptNamedRequestIdsAndNameThemInTheWireAndTheAudit(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("named.csv");
        Files.writeString(requests, """
                request,cpu,priority,dst_mac,packets
                r1,0,1,00:00:5e:00:53:01,2
                r2,1,1,00:00:5e:00:53:02,1
                req-0003,2,1,00:00:5e:00:53:03,2
                """, StandardCharsets.UTF_8);
        Path wire = dir.resolve("wire.csv");
        Run ok = simulate("--layout", "0x2,1x2", "--policy", "next", "--requests-file", requests.toString(),
                "--deterministic", "--wire-out", wire.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(Files.readAllLines(wire, StandardCharsets.UTF_8).subList(1, 6)).extracting(l -> l.split(",")[1])
                .containsExactly("r1", "r1", "r2", "req-0003", "req-0003");

        Run m3 = simulate("--layout", "0x2,1x2", "--policy", "next", "--requests-file", requests.toString(),
                "--deterministic", "--mutant", "M3");
        assertThat(m3.exit()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(m3.out()).contains("RequestContiguity").contains("request r1 interrupted after 1 of 2 packets by request r2");
    }


    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(textBlock = """
            '0-3x4,4-7x4', next, strict,   txorder
            '0-3x4,4-7x4', hash, strict,   txorder
            '0-3x4,4-7x4', next, 'wrr:1,3', txorder
            '0-3x4,4-7x4', next, strict,   single-queue
            'mqprio:num_tc 2 map 0 0 1 1 queues 3@0 2@3', next, strict, txorder
            """)
    void shouldPassTheAuditOnARandomRunWithRealThreads(String layout, String policy, String scheduler, String driver) {
        Run r = simulate("--layout", layout, "--policy", policy, "--scheduler", scheduler, "--driver", driver,
                "--requests", "20000", "--cpus", "2", "--array-max", "4", "--seed", "7", "--ring-size", "64");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out())
                .contains("real threads: 2 senders and the NIC")
                .containsPattern("throughput  \\d+\\.\\d{3} Mpps")
                .containsPattern("  total +20000 +\\d+ +100\\.0%")
                .contains("requests    20000 accepted")
                .contains("verdict: holds");
    }

    @Test
    void shouldPassNoOpsOfFailedSendersAndStillHold() {
        Run r = simulate("--layout", "0-3x2,4-7x2", "--policy", "next", "--requests", "5000", "--cpus", "2",
                "--array-max", "3", "--fault-every", "10", "--stall-ms", "500");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("500 failed").containsPattern("no-ops +[1-9]\\d* passed by the NIC");
    }

    @Test
    void shouldReportTheSameAuditForADeterministicFaultRun() {
        Run r = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", example("fig7-next.csv"),
                "--deterministic", "--fault-every", "3");
        // Request 2 (1 packet) fails before writing: 1 no-op; the rest leave in order.
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("3 accepted, 1 failed").contains("no-ops      1 passed by the NIC")
                .contains("packets     5 on the wire");
    }

    // ------------------------------------------------------------------ exit 1: mutants are caught

    @ParameterizedTest(name = "{0} breaks {4}")
    @CsvSource(textBlock = """
            M3, next, fig7-next.csv, strict,  RequestContiguity
            M7, hash, fig4-hash.csv, strict,  StrictPriority
            M7, next, fig7-next.csv, strict,  StrictPriority
            """)
    void shouldExitOneNamingThePropertyAMutantBreaks(String mutant, String policy, String requests, String scheduler,
                                                     String property) {
        Run r = simulate("--layout", "0x4,1x4", "--policy", policy, "--requests-file", example(requests),
                "--scheduler", scheduler, "--deterministic", "--mutant", mutant);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  " + property + " +violated")
                .containsPattern("(?m)^      " + property + " at wire seq \\d+: ")
                .containsPattern("verdict: VIOLATED .*" + property);
        Run control = simulate("--layout", "0x4,1x4", "--policy", policy, "--requests-file", example(requests),
                "--scheduler", scheduler, "--deterministic");
        assertThat(control.exit()).as("the same run without the mutant holds").isEqualTo(0);
    }

    @Test
    void shouldCatchM4HashingAKeyThatVariesWithinAFlow() {
        Run r = simulate("--layout", "0-1x4", "--policy", "hash", "--requests", "500", "--cpus", "1",
                "--deterministic", "--mutant", "M4");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  FlowAffinity +violated");
    }

    @Test
    void shouldCatchM6LeavingTheNicStalledDeterministically() {
        Run r = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", example("fig7-next.csv"),
                "--deterministic", "--fault-every", "3", "--mutant", "M6");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  Progress +violated").contains("the NIC stalled: group 1 queue 1");
    }

    @Test
    void shouldCatchM6WithRealThreadsWithinTheStallTime() {
        Run r = simulate("--layout", "0-3x2,4-7x2", "--policy", "hash", "--requests", "2000", "--cpus", "2",
                "--fault-every", "100", "--mutant", "M6", "--stall-ms", "200");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  Progress +violated").contains("the NIC did NOT drain");
    }

    // ------------------------------------------------------------------ exit 2: bad input, nothing runs

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing layout       | --policy next --requests 10 --cpus 1                          | layout      | missing
            bad layout           | --layout 0-3x0 --policy next --requests 10 --cpus 1           | layout      | group 0 has 0 queues
            unmapped priority    | --layout 0x1,2x1 --policy next --requests 10 --cpus 1         | layout      | priority 1 is not mapped
            missing policy       | --layout 0x2 --requests 10 --cpus 1                           | policy      | missing; allowed: hash, next
            bad policy           | --layout 0x2 --policy fifo --requests 10 --cpus 1             | policy      | allowed: hash, next
            bad hash key         | --layout 0x2 --policy hash --hash-key ip --requests 10 --cpus 1 | hash-key  | allowed: mac, flow
            hash key under next  | --layout 0x2 --policy next --hash-key flow --requests 10 --cpus 1 | hash-key | only with --policy hash
            bad scheduler        | --layout 0x2 --policy next --scheduler fair --requests 10 --cpus 1 | scheduler | allowed: strict, wrr:W0,W1,...
            wrr weight count     | --layout 0x2,1x2 --policy next --scheduler wrr:1,2,3 --requests 10 --cpus 1 | scheduler | wrr has 3 weights but the layout has 2 groups
            wrr zero weight      | --layout 0x2,1x2 --policy next --scheduler wrr:0,2 --requests 10 --cpus 1 | scheduler | allowed 1..1000000
            ring size zero       | --layout 0x2 --policy next --ring-size 0 --requests 10 --cpus 1 | ring-size | allowed 1..67108864
            ring size text       | --layout 0x2 --policy next --ring-size big --requests 10 --cpus 1 | ring-size | 'big' is not a whole number
            requests zero        | --layout 0x2 --policy next --requests 0 --cpus 1              | requests    | allowed 1..100000000
            requests text        | --layout 0x2 --policy next --requests ten --cpus 1            | requests    | 'ten' is not a whole number
            no requests at all   | --layout 0x2 --policy next                                    | requests    | missing; give --requests N --cpus C or --requests-file FILE.csv
            cpus missing         | --layout 0x2 --policy next --requests 10                      | cpus        | missing
            cpus too many        | --layout 0x2 --policy next --requests 10 --cpus 1025          | cpus        | allowed 1..1024
            array-max zero       | --layout 0x2 --policy next --requests 10 --cpus 1 --array-max 0 | array-max | allowed 1..1024
            array-max over ring  | --layout 0x2 --policy next --requests 10 --cpus 1 --array-max 65 --ring-size 64 | array-max | allowed 1..64
            seed text            | --layout 0x2 --policy next --requests 10 --cpus 1 --seed x    | seed        | 'x' is not a whole number
            too many packets     | --layout 0x2 --policy next --requests 100000000 --cpus 1 --array-max 1000 | requests | allowed at most 268435456
            bad mutant           | --layout 0x2 --policy next --requests 10 --cpus 1 --mutant M99 | mutant     | allowed: M1, M2
            next mutant on hash  | --layout 0x2 --policy hash --requests 10 --cpus 1 --mutant M1 | mutant     | M1 (next: take a ticket, then lock queue t mod k and append at its tail) changes nothing under --policy hash --scheduler strict; it needs --policy next
            wrr mutant on strict | --layout 0-3x2,4-7x2 --policy next --requests 10 --cpus 1 --mutant M9 | mutant | changes nothing under --policy next --scheduler strict; it needs --scheduler wrr
            hash mutant on next  | --layout 0x2 --policy next --requests 10 --cpus 1 --mutant M4 | mutant     | it needs --policy hash
            bad driver           | --layout 0x2 --policy next --requests 10 --cpus 1 --driver dpdk | driver    | allowed: txorder, single-queue
            fault-every zero     | --layout 0x2 --policy next --requests 10 --cpus 1 --fault-every 0 | fault-every | allowed 1..
            stall-ms zero        | --layout 0x2 --policy next --requests 10 --cpus 1 --stall-ms 0 | stall-ms   | allowed 1..600000
            wire-out no dir      | --layout 0x2 --policy next --requests 10 --cpus 1 --wire-out /nonexistent-dir/w.csv | wire-out | does not exist
            """)
    void shouldExitTwoNamingTheBadOption(String why, String args, String field, String message) {
        Run r = simulate(args.split(" "));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).as("nothing ran").isEmpty();
        assertThat(r.err()).startsWith("txorder simulate: " + field + ": ").contains(message);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n");
    }

    @Test
    void shouldRejectARequestsFileTogetherWithRandomStreamOptions() {
        Run both = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", example("fig7-next.csv"),
                "--requests", "5");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).startsWith("txorder simulate: requests-file: give either --requests-file or --requests");
        Run cpus = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", example("fig7-next.csv"),
                "--cpus", "2");
        assertThat(cpus.exit()).isEqualTo(2);
        assertThat(cpus.err()).startsWith("txorder simulate: cpus: only with --requests");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown header column  | request,cpu,prio,dst_mac,packets                | 1 | header
            missing header column  | request,cpu,priority,dst_mac                    | 1 | header
            wrong column count     | request,cpu,priority,dst_mac,packets;1,0,1,00:00:5e:00:53:01 | 2 | columns
            request not an id      | request,cpu,priority,dst_mac,packets;r 1,0,1,00:00:5e:00:53:01,1 | 2 | request
            negative request       | request,cpu,priority,dst_mac,packets;-4,0,1,00:00:5e:00:53:01,1 | 2 | request
            duplicate request      | request,cpu,priority,dst_mac,packets;1,0,1,00:00:5e:00:53:01,1;1,1,1,00:00:5e:00:53:02,1 | 3 | request
            cpu out of range       | request,cpu,priority,dst_mac,packets;1,1024,1,00:00:5e:00:53:01,1 | 2 | cpu
            priority out of layout | request,cpu,priority,dst_mac,packets;1,0,2,00:00:5e:00:53:01,1 | 2 | priority
            bad mac                | request,cpu,priority,dst_mac,packets;1,0,1,00:00:5e:00:53,1 | 2 | dst_mac
            zero packets           | request,cpu,priority,dst_mac,packets;1,0,1,00:00:5e:00:53:01,0 | 2 | packets
            packets over the ring  | request,cpu,priority,dst_mac,packets;1,0,1,00:00:5e:00:53:01,65 | 2 | packets
            flow not an integer    | request,cpu,priority,dst_mac,packets,flow;1,0,1,00:00:5e:00:53:01,1,f1 | 2 | flow
            """)
    void shouldExitTwoNamingTheFieldFileAndLineOfABadRequestsFile(String why, String content, int line, String field,
                                                                  @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content.replace(';', '\n') + "\n", StandardCharsets.UTF_8);
        Path wire = dir.resolve("wire.csv");
        Run r = simulate("--layout", "0x4,1x4", "--policy", "next", "--ring-size", "64", "--requests-file",
                file.toString(), "--wire-out", wire.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("txorder simulate: " + field + ": " + file + " line " + line + ": ")
                .contains("allowed");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(r.out()).as("nothing ran").isEmpty();
        assertThat(wire).as("nothing ran").doesNotExist();
    }

    @Test
    void shouldExitTwoForAMissingOrEmptyRequestsFile(@TempDir Path dir) throws IOException {
        Run missing = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file",
                dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("txorder simulate: requests-file: ").contains("nope.csv does not exist");
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Run e = simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", empty.toString());
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).startsWith("txorder simulate: requests-file: ").contains("empty.csv is empty");
    }

    @Test
    void shouldPrintHelpWithExitZero() {
        Run r = simulate("--help");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("--requests-file").contains("--deterministic").contains("--fault-every");
    }

    @Test
    void shouldRefuseAMutantTheSingleQueueDriverDoesNotHaveNamingTheOptionDriverAndAllowedMutants() {
        Run r = simulate("--layout", "0-3x2,4-7x2", "--policy", "next", "--cpus", "2", "--requests", "20",
                "--driver", "single-queue", "--mutant", "M1");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("mutant").contains("M1 is not a mutant of the single-queue driver")
                .contains("allowed with --driver single-queue: M6, M7, M8");
        assertThat(r.out()).doesNotContain("verdict");
    }

    @Test
    void shouldRunAMutantTheSingleQueueDriverHas() {
        Run r = simulate("--layout", "0-3x2,4-7x2", "--policy", "next", "--cpus", "1", "--requests", "20",
                "--driver", "single-queue", "--mutant", "M7", "--deterministic");

        assertThat(r.exit()).as(r.out() + r.err()).isNotEqualTo(2);
    }
}
