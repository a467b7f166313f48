package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflow users copy is valid YAML of the shape Actions reads, runs the gate
 * command the README gives, and publishes the files that command writes.
 */
class CiWorkflowTest {

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".github/workflows/verify.yml"))) {
                return dir;
            }
        }
        throw new AssertionError(".github/workflows/verify.yml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldRunTheReadmesGateAndPublishWhatItWrites() throws IOException {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(root().resolve(".github/workflows/verify.yml").toFile());
        JsonNode steps = workflow.path("jobs").path("verify").path("steps");
        assertThat(steps.isArray()).as("jobs.verify.steps").isTrue();
        assertThat(workflow.path("on").has("push") && workflow.path("on").has("pull_request")).isTrue();
        List<String> runs = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        for (JsonNode step : steps) {
            assertThat(step.has("run") ^ step.has("uses")).as("a step runs a command or uses an action: %s", step).isTrue();
            if (step.has("run")) {
                runs.add(step.get("run").asText().strip());
            } else {
                uses.add(step.get("uses").asText());
            }
        }
        assertThat(runs).singleElement().asString().startsWith(readmeGateCommand() + " ");
        assertThat(uses).contains("actions/checkout@v4", "actions/setup-java@v4", "actions/upload-artifact@v4");

        String report = runs.get(0).replaceAll(".*--report (\\S+).*", "$1");
        assertThat(steps.toString()).contains(report + "/junit.xml").contains("\"path\":\"" + report + "/\"");
        assertThat(workflow.path("jobs").path("verify").path("steps").get(1).path("with").path("java-version").asText())
                .isEqualTo("17");
    }

    /** The gate command in the README's "The two commands" block. */
    private static String readmeGateCommand() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        Matcher m = Pattern.compile("```sh\\n(\\./txorder verify[^\\n]*)\\n").matcher(readme);
        assertThat(m.find()).as("the README's gate command").isTrue();
        return m.group(1).strip();
    }
}
