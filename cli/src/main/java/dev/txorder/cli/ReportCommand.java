package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import dev.txorder.cli.verify.MarkdownReport;
import dev.txorder.cli.verify.ShardMerge;
import dev.txorder.cli.verify.SummaryJson;
import dev.txorder.cli.verify.Verdict;
import dev.txorder.cli.verify.Verifier;
import dev.txorder.cli.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code txorder report}: what can be done with verify's reports once they are written. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work with the reports txorder verify writes.",
        subcommands = {ReportCommand.Merge.class, ReportCommand.Markdown.class})
public final class ReportCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("txorder report: a subcommand is needed; allowed: merge, markdown");
    }

    /** {@code txorder report merge DIR...}: one verdict from the shards of {@code verify --shard I/N}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Join the reports of txorder verify --shard 1/N ... N/N (one folder each, as CI artifacts) into the report "
                    + "one machine would have written: every gate's checks, kills and counterexamples, the effort added up, and the "
                    + "kill matrix judged over all of them. Refuses shards that do not make one whole run (one missing or given twice, "
                    + "different profiles, injected mutants or commits, work not covered exactly once).",
                    "Exit status: as txorder verify: 0 everything holds, 1 a property or gate fails, 2 bad input (the shards do not "
                            + "make one run), 3 a gate ran nothing."})
    public static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' report folders (each holds summary.json).")
        List<Path> dirs;

        @Option(names = "--report", paramLabel = "DIR", description = "Where the merged report goes. Default: target/txorder-report/.")
        Path report = Path.of("target/txorder-report");

        PrintStream console = System.out;

        @Override
        public Integer call() {
            List<SummaryJson.Read> shards = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (Path d : dirs) {
                Path file = Files.isDirectory(d) ? d.resolve("summary.json") : d;
                try {
                    shards.add(SummaryJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
                    sources.add(d.toString());
                } catch (IOException e) {
                    System.err.println("txorder report merge: DIR: cannot read " + file + " (" + e.getMessage()
                            + "); allowed: a report folder of txorder verify, holding summary.json");
                    return TxorderCommand.BAD_INPUT;
                } catch (IllegalArgumentException e) {
                    System.err.println("txorder report merge: " + e.getMessage());
                    return TxorderCommand.BAD_INPUT;
                }
            }
            VerifyReport merged;
            try {
                merged = ShardMerge.merge(shards, sources);
            } catch (InvalidInputException e) {
                System.err.println("txorder report merge: " + e.getMessage());
                return TxorderCommand.BAD_INPUT;
            }
            if (Files.exists(report) && !Files.isDirectory(report)) {
                System.err.println("txorder report merge: report: " + report + " is a file; allowed: a folder (created if missing)");
                return TxorderCommand.BAD_INPUT;
            }
            try {
                Files.createDirectories(report);
                Verifier.publish(merged, report, console, false);
            } catch (IOException e) {
                System.err.println("txorder report merge: report: cannot write to " + report + ": " + e.getMessage());
                return TxorderCommand.RUN_FAILED;
            }
            if (merged.verdict() == Verdict.SKIP) {
                merged.notRun().forEach(g -> console.println("report merge: gate " + g.name() + " did not run: " + g.detail()));
                return TxorderCommand.RUN_FAILED;
            }
            return merged.verdict() == Verdict.PASS ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
        }
    }

    /** {@code txorder report markdown DIR}: a report's results as Markdown, for documents that quote them. */
    @Command(name = "markdown", mixinStandardHelpOptions = true,
            description = {"Print a verify report (DIR/summary.json) as Markdown: the run, the gates, the kill matrix and the "
                    + "property table. The project's docs/RESULTS.md is generated this way, so that no figure is copied by hand.",
                    "Exit status: 0 written, 2 bad input (no readable summary.json), 3 the file cannot be written."})
    public static final class Markdown implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "A report folder of txorder verify or report merge (or its summary.json).")
        Path dir;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        PrintStream console = System.out;

        @Override
        public Integer call() {
            Path file = Files.isDirectory(dir) ? dir.resolve("summary.json") : dir;
            SummaryJson.Read read;
            try {
                read = SummaryJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                System.err.println("txorder report markdown: DIR: cannot read " + file + " (" + e.getMessage()
                        + "); allowed: a report folder of txorder verify, holding summary.json");
                return TxorderCommand.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                System.err.println("txorder report markdown: " + e.getMessage());
                return TxorderCommand.BAD_INPUT;
            }
            String text = MarkdownReport.render(VerifyReport.of(read.run(), read.tools()), file.toString().replace('\\', '/'));
            if (out == null) {
                console.print(text);
                return TxorderCommand.HOLDS;
            }
            try {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("txorder report markdown: out: cannot write " + out + ": " + e.getMessage());
                return TxorderCommand.RUN_FAILED;
            }
            return TxorderCommand.HOLDS;
        }
    }
}
