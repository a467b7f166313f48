package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The figures the project quotes live in one generated place: {@code docs/RESULTS.md} is exactly what
 * {@code txorder report markdown docs/results} makes of the committed {@code summary.json}, so a
 * figure edited by hand, or a summary replaced without regenerating, fails the build.
 */
class ResultsDocumentTest {
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/RESULTS.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/RESULTS.md not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldBeWhatReportMarkdownMakesOfTheCommittedSummary() throws IOException {
        Path root = root();
        ReportCommand.Markdown command = new ReportCommand.Markdown();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.console = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(root.resolve("docs/results").toString());
        assertThat(exit).isEqualTo(TxorderCommand.HOLDS);
        // The summary is named as the regeneration command, run in the checkout, names it.
        String generated = out.toString(StandardCharsets.UTF_8).replace(root + "/", "");
        assertThat(Files.readString(root.resolve("docs/RESULTS.md")))
                .as("docs/RESULTS.md is generated; regenerate it with: ./txorder report markdown docs/results --out docs/RESULTS.md")
                .isEqualTo(generated);
        assertThat(generated).contains("| mutants |").contains("## Kill matrix").contains("verdict: **pass**");
    }
}
