package dev.txorder.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.txorder.Mutant;
import java.util.List;
import java.util.Map;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.TestReporter;

/** One bounded model-checking run of the shaped {@link Scenarios} against a sequential specification. */
final class LincheckRun {
    /** The header Lincheck 3.7 prints for a result no linearization of the specification explains. */
    static final String INVALID_RESULTS = "= Invalid execution results =";

    private LincheckRun() {
    }

    /**
     * @param scenarios   the scenarios, each explored for {@code invocations} interleavings
     * @param invocations interleavings per scenario
     */
    static ModelCheckingOptions options(List<ExecutionScenario> scenarios, Class<?> specification, int invocations) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                // Only the shaped scenarios: random ones could block a send forever (see Scenarios).
                .iterations(0)
                .invocationsPerIteration(invocations)
                .sequentialSpecification(specification)
                // A shrunk scenario could drop the transmits a blocked send waits for and turn a
                // wrong result into a hang; the shaped scenarios are small enough to read whole.
                .minimizeFailedScenario(false);
        for (ExecutionScenario s : scenarios) {
            options.addCustomScenario(s);
        }
        return options;
    }

    /**
     * Runs {@code options} on {@code testObject}, expecting every result to linearize; publishes the
     * invocations. A failure names {@code property}, the §3 property the sequential specification
     * stands for (a FIFO of requests per group is GroupOrder; a FIFO per queue, FlowOrder).
     */
    static void expectLinearizable(ModelCheckingOptions options, Class<?> testObject, String property, TestReporter facts) {
        long start = System.nanoTime();
        int before = Invocations.count();
        try {
            options.check(testObject);
        } catch (AssertionError e) {
            throw new AssertionError(property + " does not hold: Lincheck found results that no linearization explains"
                    + System.lineSeparator() + e.getMessage(), e);
        }
        int invocations = Invocations.count() - before;
        System.out.printf("%s: linearizable in %d invocations, %.1f s%n", testObject.getSimpleName(),
                invocations, (System.nanoTime() - start) / 1e9);
        facts.publishEntry("invocations", Integer.toString(invocations));
    }

    /**
     * Runs {@code options} on {@code testObject} (a mutant), expecting Lincheck to find results that
     * no linearization explains -- not a hang, not an exception, not an instrumentation failure --
     * and prints the interleaving Lincheck reports. Publishes the mutant, the invocations it took and
     * the interleaving, the facts {@code txorder verify} reads into its kill matrix.
     *
     * @return Lincheck's report
     */
    static String expectLinearizabilityFailure(ModelCheckingOptions options, Class<?> testObject, Mutant mutant,
                                               TestReporter facts) {
        long start = System.nanoTime();
        int before = Invocations.count();
        try {
            options.check(testObject);
        } catch (LincheckAssertionError e) {
            String report = e.getMessage();
            int invocations = Invocations.count() - before;
            System.out.printf("%s: caught after %d invocations, %.1f s%n%s%n", testObject.getSimpleName(),
                    invocations, (System.nanoTime() - start) / 1e9, report);
            assertThat(report).as("Lincheck's report for %s", testObject.getSimpleName())
                    .contains(INVALID_RESULTS)
                    .doesNotContain("= The execution has hung")
                    .doesNotContain("= The execution failed with an unexpected exception =");
            facts.publishEntry(Map.of("mutant", mutant.name(), "invocations", Integer.toString(invocations),
                    "counterexample", report));
            return report;
        }
        return fail("%s: every interleaving Lincheck explored linearized", testObject.getSimpleName());
    }

    /** Runs {@code options} on {@code testObject}, expecting Lincheck to report a hang; prints the report. */
    static String expectHang(ModelCheckingOptions options, Class<?> testObject) {
        long start = System.nanoTime();
        int before = Invocations.count();
        try {
            options.check(testObject);
        } catch (LincheckAssertionError e) {
            String report = e.getMessage();
            System.out.printf("%s: hung as expected after %d invocations, %.1f s%n%s%n", testObject.getSimpleName(),
                    Invocations.count() - before, (System.nanoTime() - start) / 1e9, report);
            assertThat(report).contains("= The execution has hung");
            return report;
        }
        return fail("%s: no run hung", testObject.getSimpleName());
    }
}
