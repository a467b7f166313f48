package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JCStress gate judges the code as it is: a jar older than a source of the stress tests or of
 * the send path is built again (a stale jar once ran stress tests removed a session before).
 */
class JcstressGateStaleTest {
    @Test
    void shouldRebuildAJarOlderThanTheCodeItTests(@TempDir Path root) throws IOException {
        Path jar = Files.createDirectories(root.resolve("stress/target")).resolve("jcstress.jar");
        Files.writeString(jar, "jar");
        Path source = Files.createDirectories(root.resolve("impl/src/main/java")).resolve("TxRing.java");
        Files.writeString(source, "class TxRing {}");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-04T05:00:00Z")));
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-12-04T04:00:00Z")));
        assertThat(JcstressGate.staleAgainst(jar, root)).isFalse();

        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-12-04T06:00:00Z")));
        assertThat(JcstressGate.staleAgainst(jar, root)).isTrue();
    }
}
