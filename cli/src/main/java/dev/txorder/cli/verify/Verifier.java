package dev.txorder.cli.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the gates one after the other (the machine's cores go to one tool at a time), builds the
 * kill matrix, prints the summary and writes the report folder.
 */
public final class Verifier {
    private Verifier() {
    }

    /**
     * Every gate of the checkout at {@code root}, in the order they run: the in-process checks
     * first (minutes), then TLC, the proofs (when the checkout has them) and JCStress.
     */
    public static List<Gate> gates(Path root) {
        return List.of(JUnitGate.properties(), JUnitGate.lincheck(), TlcGate.spec(root), TlcGate.proofs(root),
                new TraceGate(root), new JcstressGate(root));
    }

    /** Runs {@code gates}; a gate that throws fails, it never stops the others. */
    public static VerifyReport run(List<Gate> gates, VerifyContext context, boolean colour) throws InterruptedException, IOException {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long start = System.nanoTime();
        List<GateResult> results = new ArrayList<>();
        for (Gate g : gates) {
            context.console().printf("verify: %s ...%n", g.name());
            long t0 = System.nanoTime();
            GateResult r;
            try {
                r = g.run(context);
            } catch (RuntimeException e) {
                r = GateResult.couldNotRun(g, (System.nanoTime() - t0) / 1e9, "the gate itself failed: " + e);
            }
            context.console().printf("verify: %s %s in %.0f s: %s%n", g.name(), r.verdict().word(), r.seconds(), r.detail());
            results.add(r);
        }
        RunInfo run = new RunInfo(context.profile(), context.shard(), context.inject(), commit(context.root()), started,
                (System.nanoTime() - start) / 1e9, VerifyReport.describeMachine(), "");
        VerifyReport report = VerifyReport.of(run, results);
        publish(report, context.report(), context.console(), colour);
        return report;
    }

    /** Prints the summary table and writes the report folder. */
    public static void publish(VerifyReport report, Path dir, PrintStream console, boolean colour) throws IOException {
        ConsoleReport.print(report, console, colour);
        ReportWriters.writeAll(report, dir);
        console.println("report: " + dir.resolve("index.html") + ", " + dir.resolve("summary.json") + ", " + dir.resolve("junit.xml"));
    }

    /**
     * The commit of the checkout at {@code root}, or null when it is no git checkout (or git is
     * missing): shards of different commits must not be merged into one verdict.
     */
    static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
