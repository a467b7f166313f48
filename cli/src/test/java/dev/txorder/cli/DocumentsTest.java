package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's Markdown renders and its links lead somewhere: every code fence is closed, every
 * relative link names a file of the repository, and every link to a heading names a heading of
 * that file (a link outside the repository names a file a clone does not have, and fails too).
 */
class DocumentsTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("DESIGN.md")) && Files.isDirectory(dir.resolve("spec"))) {
                return dir;
            }
        }
        throw new AssertionError("the repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> documents() throws IOException {
        Path root = root();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !root.relativize(p).startsWith(".git") && !p.toString().contains("/target/"))
                    .sorted().toList();
        }
    }

    @Test
    void shouldCloseEveryCodeFenceAndLinkOnlyToWhatExists() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> docs = documents();
        assertThat(docs).extracting(p -> root().relativize(p).toString()).contains("README.md", "DESIGN.md",
                "spec/README.md", "impl/README.md");
        for (Path doc : docs) {
            String name = root().relativize(doc).toString();
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            boolean open = false;
            int openedAt = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    open = !open;
                    openedAt = i + 1;
                    continue;
                }
                if (open) {
                    continue;
                }
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z]+:.*")) {
                        continue; // http(s), mailto: not checked here
                    }
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                    Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                    if (!Files.exists(linked)) {
                        problems.add(name + ":" + (i + 1) + " links to " + target + ", which does not exist");
                    } else if (anchor != null && Files.isRegularFile(linked)
                            && !anchors(linked).contains(anchor)) {
                        problems.add(name + ":" + (i + 1) + " links to #" + anchor + ", no heading of " + linked.getFileName());
                    }
                }
            }
            if (open) {
                problems.add(name + ":" + openedAt + " opens a code fence that is never closed");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The anchors GitHub makes of a file's headings: lower case, punctuation dropped, spaces to dashes. */
    private static List<String> anchors(Path md) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
            } else if (!fence && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }
}
