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

    /**
     * The sharded workflow: the matrix lists every shard 1..N of its total once, each shard job runs
     * the gate with its --shard and keeps the folder it wrote under the name the merge job's glob
     * finds, and the merge job waits for all of them and publishes what the merge writes.
     */
    @Test
    void shouldRunEveryShardOnceAndMergeWhatTheShardsKept() throws IOException {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(root().resolve(".github/workflows/verify-sharded.yml").toFile());
        JsonNode shard = workflow.path("jobs").path("shard");
        JsonNode matrix = shard.path("strategy").path("matrix");
        assertThat(matrix.path("total")).as("one total").hasSize(1);
        int total = matrix.path("total").get(0).asInt();
        List<Integer> shards = new ArrayList<>();
        matrix.path("shard").forEach(n -> shards.add(n.asInt()));
        assertThat(shards).as("every shard of %d once", total)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(shard.path("strategy").path("fail-fast").asBoolean(true)).as("a failing shard must not cancel the others").isFalse();

        String run = runOf(shard.path("steps"));
        assertThat(run).startsWith(readmeGateCommand().replace(" --report target/txorder-report", ""))
                .contains("--shard ${{ matrix.shard }}/${{ matrix.total }}");
        String folder = run.replaceAll(".*--report (.+)$", "$1");
        JsonNode upload = step(shard.path("steps"), "actions/upload-artifact@v4");
        assertThat(upload.path("with").path("path").asText()).isEqualTo(folder + "/");
        String artifact = upload.path("with").path("name").asText();

        JsonNode merge = workflow.path("jobs").path("merge");
        assertThat(merge.path("needs").asText()).isEqualTo("shard");
        assertThat(merge.path("if").asText()).as("merge even when a shard failed: the merged report says what").isEqualTo("always()");
        String download = step(merge.path("steps"), "actions/download-artifact@v4").path("with").path("path").asText();
        String mergeRun = runOf(merge.path("steps"));
        assertThat(mergeRun).startsWith("./txorder report merge " + download + "/");
        String glob = mergeRun.replaceAll("./txorder report merge (\\S+) .*", "$1");
        assertThat((download + "/" + artifact).replace("${{ matrix.shard }}", "7")).matches(glob.replace("*", ".*"));
        String report = mergeRun.replaceAll(".*--report (\\S+).*", "$1");
        assertThat(merge.path("steps").toString()).contains(report + "/junit.xml").contains("\"path\":\"" + report + "/\"");
    }

    private static String runOf(JsonNode steps) {
        List<String> runs = new ArrayList<>();
        steps.forEach(s -> {
            if (s.has("run")) {
                runs.add(s.get("run").asText().strip());
            }
        });
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static JsonNode step(JsonNode steps, String uses) {
        for (JsonNode s : steps) {
            if (uses.equals(s.path("uses").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step uses " + uses + " in " + steps);
    }

    /** The gate command in the README's "The two commands" block. */
    private static String readmeGateCommand() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        Matcher m = Pattern.compile("```sh\\n(\\./txorder verify[^\\n]*)\\n").matcher(readme);
        assertThat(m.find()).as("the README's gate command").isTrue();
        return m.group(1).strip();
    }
}
